package dev.approute.internal.cache;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code revalidateTag} left behind, per tag: entries carrying the tag and created at or before the cut-off are
 * stale (and, with an expiring profile, expired from a given instant). Entries are never rewritten: a handler applies
 * the manifest when it reads one ({@link #apply}), which is also how a shared store (Redis: one hash of tags) works.
 * Not thread-safe; handlers guard it.
 *
 * <p>Repeated revalidations merge into one record per tag: the stale cut-off is the latest revalidation; the expire
 * cut-off is replaced only by one that expires its (larger) set of entries no later, so merging never serves
 * anything longer than each revalidation alone allowed, at the cost of forgetting some earlier expire times for
 * entries that are stale anyway.
 */
public final class TagManifest {
    /**
     * @param staleCutoff  entries created at or before it are stale
     * @param expireCutoff entries created at or before it expire at {@code expireAt}; null when no expiring profile
     * @param expireAt     when those entries expire; null when {@code expireCutoff} is null
     */
    public record TagRevalidation(Instant staleCutoff, Instant expireCutoff, Instant expireAt) {
        public TagRevalidation {
            Objects.requireNonNull(staleCutoff, "staleCutoff");
            if ((expireCutoff == null) != (expireAt == null)) {
                throw new IllegalArgumentException("expireCutoff and expireAt are set together");
            }
        }
    }

    private final Map<String, TagRevalidation> tags = new HashMap<>();

    public void revalidate(String tag, Instant now, RevalidateProfile profile) {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(profile, "profile");
        TagRevalidation previous = tags.get(tag);
        Instant expireCutoff = null;
        Instant expireAt = null;
        if (profile.expires()) {
            expireCutoff = now;
            expireAt = now.plusSeconds(profile.expireSeconds());
        }
        if (previous != null && previous.expireAt() != null
                && (expireAt == null || previous.expireAt().isBefore(expireAt))) {
            expireCutoff = previous.expireCutoff();
            expireAt = previous.expireAt();
        }
        Instant staleCutoff = previous != null && previous.staleCutoff().isAfter(now) ? previous.staleCutoff() : now;
        tags.put(tag, new TagRevalidation(staleCutoff, expireCutoff, expireAt));
    }

    /** The entry as the manifest says it stands now: possibly stale earlier and expired earlier than stored. */
    public CacheEntry apply(CacheEntry entry) {
        if (tags.isEmpty()) {
            return entry; // nothing was ever revalidated: the common case, checked on every read
        }
        Instant staleBy = null;
        Instant expireBy = null;
        for (String tag : entry.tags()) {
            TagRevalidation revalidation = tags.get(tag);
            if (revalidation == null) {
                continue;
            }
            if (!entry.created().isAfter(revalidation.staleCutoff())) {
                staleBy = min(staleBy, revalidation.staleCutoff());
            }
            if (revalidation.expireCutoff() != null && !entry.created().isAfter(revalidation.expireCutoff())) {
                expireBy = min(expireBy, revalidation.expireAt());
            }
        }
        return staleBy == null && expireBy == null ? entry : entry.tightened(staleBy, expireBy);
    }

    public Map<String, TagRevalidation> snapshot() {
        return Map.copyOf(tags);
    }

    public void restore(Map<String, TagRevalidation> saved) {
        tags.clear();
        tags.putAll(saved);
    }

    private static Instant min(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
