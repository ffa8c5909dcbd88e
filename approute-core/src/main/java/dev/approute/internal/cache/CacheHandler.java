package dev.approute.internal.cache;

import java.time.Instant;
import java.util.Optional;

/**
 * The cache store SPI: where rendered responses live between requests. The policy (HIT/STALE/MISS, single-flight
 * regeneration, what may be stored) is {@link ResponseCache}'s; a handler only stores, finds and invalidates.
 * Every argument is a string, an instant or a plain value, and {@link CacheEntryCodec} gives entries a stable byte
 * form, so a handler outside the JVM's memory (Redis, a shared file system) implements this interface unchanged.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #get} returns the entry with every tag revalidation recorded so far applied to it
 *       ({@link TagManifest#apply}): a tag revalidated after the entry was created makes it come back stale, or
 *       expired. The handler never decides freshness itself: the caller compares with its clock.</li>
 *   <li>{@link #set} replaces the entry under the key. It may drop entries at any time (a size bound, a TTL).</li>
 *   <li>Handlers are thread-safe. They never throw for a missing, evicted or unreadable entry: {@code get}
 *       answers empty. {@code set} and {@code revalidateTag} may throw on an I/O failure; the caller logs it and
 *       carries on serving.</li>
 * </ul>
 *
 * <p>{@code dev.approute.redis.RedisCacheHandler} (module {@code approute-redis}) is the shared implementation,
 * reached by URL through {@link CacheStores}. Its shape:
 *
 * <pre>{@code
 * // A Redis handler (sketch): entries as codec bytes under "approute:e:<key>", tags in one hash "approute:tags".
 * final class RedisCacheHandler implements CacheHandler {
 *     public Optional<CacheEntry> get(String key) {
 *         byte[] bytes = redis.get("approute:e:" + key);
 *         if (bytes == null) return Optional.empty();
 *         CacheEntry entry = CacheEntryCodec.decode(bytes).entry();           // IOException -> log, empty
 *         TagManifest manifest = new TagManifest();
 *         manifest.restore(readTags(redis.hmget("approute:tags", entry.tags())));
 *         return Optional.of(manifest.apply(entry));
 *     }
 *     public void set(String key, CacheEntry entry) {
 *         redis.set("approute:e:" + key, CacheEntryCodec.encode(key, entry));  // optionally EXAT entry.expire()
 *     }
 *     public void revalidateTag(String tag, Instant now, RevalidateProfile profile) {
 *         // read-modify-write of one hash field, e.g. in a Lua script: TagManifest#revalidate's merge rule
 *     }
 * }
 * }</pre>
 */
public interface CacheHandler extends AutoCloseable {
    /** The entry stored under {@code key}, tag revalidations applied; empty when absent or unreadable. */
    Optional<CacheEntry> get(String key);

    /** Stores {@code entry} under {@code key}, replacing any previous one. */
    void set(String key, CacheEntry entry);

    /**
     * Stores {@code entry} only when nothing is stored under {@code key}; true when it did. Seeds a shared store with
     * prerendered entries without overwriting what running instances already regenerated. A shared store makes the
     * check and the write one atomic step (Redis: {@code SET NX}); this default is for single-process stores.
     */
    default boolean setIfAbsent(String key, CacheEntry entry) {
        if (get(key).isPresent()) {
            return false;
        }
        set(key, entry);
        return true;
    }

    /**
     * Records that {@code tag} was revalidated at {@code now}: entries carrying it and created at or before
     * {@code now} are stale from now on, and with an expiring {@code profile} expire {@code profile.expireSeconds()}
     * later. {@code revalidatePath} is a tag revalidation of the path's implicit tag ({@link CacheKey#pathTag}).
     */
    void revalidateTag(String tag, Instant now, RevalidateProfile profile);

    /** Releases connections or files; entries already set stay stored (for a persistent handler). */
    @Override
    default void close() {
    }
}
