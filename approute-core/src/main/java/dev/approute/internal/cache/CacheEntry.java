package dev.approute.internal.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import dev.approute.Headers;

/**
 * One stored response: immutable and binary-safe. {@link CacheEntryCodec} gives it a stable byte form for
 * the disk store and for handlers outside the JVM (Redis).
 *
 * <pre>{@code
 * CacheEntry entry = new CacheEntry(200, Headers.of("content-type", "application/json"), bytes,
 *         clock.instant(), 60, clock.instant().plusSeconds(31_536_000), Set.of("products"));
 * entry.freshness(clock.instant());   // FRESH for 60 s, then STALE until expire, then EXPIRED
 * }</pre>
 *
 * @param status     HTTP status of the stored response
 * @param headers    the response's own headers (framing and per-response headers already removed)
 * @param body       the complete body; copied in and out, so neither side can change a stored entry
 * @param created    when the render that produced it <em>started</em> (a tag revalidated during a render
 *                   still makes the result stale)
 * @param revalidate seconds after {@code created} when the entry becomes stale; null: never by time (static)
 * @param expire     when the entry must no longer be served at all (not even STALE); null: never
 * @param tags       explicit tags (data read while rendering) and implicit path tags ({@link CacheKey#implicitTags})
 */
public record CacheEntry(int status, Headers headers, byte[] body, Instant created, Integer revalidate,
                         Instant expire, Set<String> tags) {

    /** Where an entry stands at a given instant. */
    public enum Freshness {
        /** Serve it: HIT. */
        FRESH,
        /** Serve it once more as STALE and regenerate in the background. */
        STALE,
        /** Never serve it: render now (MISS). */
        EXPIRED
    }

    public CacheEntry {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100-599, got " + status);
        }
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(created, "created");
        body = body == null ? new byte[0] : body.clone();
        if (revalidate != null && revalidate < 0) {
            throw new IllegalArgumentException("revalidate must be >= 0 seconds or null, got " + revalidate);
        }
        tags = tags == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(tags));
    }

    /** A copy of the body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    public int bodyLength() {
        return body.length;
    }

    /** When it turns stale, or null when only a tag revalidation can make it stale. */
    public Instant staleAt() {
        return revalidate == null ? null : created.plusSeconds(revalidate);
    }

    public Freshness freshness(Instant now) {
        if (expire != null && !now.isBefore(expire)) {
            return Freshness.EXPIRED;
        }
        Instant staleAt = staleAt();
        if (staleAt != null && !now.isBefore(staleAt)) {
            return Freshness.STALE;
        }
        return Freshness.FRESH;
    }

    /**
     * This entry with a tag revalidation applied: stale no later than {@code staleBy} and expired no later than
     * {@code expireBy} (either may be null: no change). Seconds are rounded so the entry turns stale no later.
     */
    public CacheEntry tightened(Instant staleBy, Instant expireBy) {
        Integer newRevalidate = revalidate;
        if (staleBy != null) {
            long seconds = Math.max(0, Duration.between(created, staleBy).getSeconds());
            if (newRevalidate == null || seconds < newRevalidate) {
                newRevalidate = (int) Math.min(Integer.MAX_VALUE, seconds);
            }
        }
        Instant newExpire = expire;
        if (expireBy != null && (newExpire == null || expireBy.isBefore(newExpire))) {
            newExpire = expireBy;
        }
        if (Objects.equals(newRevalidate, revalidate) && Objects.equals(newExpire, expire)) {
            return this;
        }
        return new CacheEntry(status, headers, body, created, newRevalidate, newExpire, tags);
    }

    /** What the memory bound counts: body bytes plus a rough per-entry overhead for headers and bookkeeping. */
    public long weight() {
        long headerChars = 0;
        for (String name : headers.names()) {
            for (String value : headers.getAll(name)) {
                headerChars += name.length() + value.length() + 4;
            }
        }
        return body.length + headerChars + OVERHEAD_BYTES;
    }

    static final int OVERHEAD_BYTES = 256;

    @Override
    public boolean equals(Object other) {
        return other instanceof CacheEntry that && status == that.status && headers.equals(that.headers)
                && Arrays.equals(body, that.body) && created.equals(that.created)
                && Objects.equals(revalidate, that.revalidate) && Objects.equals(expire, that.expire)
                && tags.equals(that.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body), created, revalidate, expire, tags);
    }

    @Override
    public String toString() {
        return "CacheEntry[status=" + status + ", headers=" + headers + ", body=" + body.length + " bytes, created="
                + created + ", revalidate=" + revalidate + ", expire=" + expire + ", tags=" + tags + "]";
    }
}
