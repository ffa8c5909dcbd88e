package dev.approute.internal.cache;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The default store: a bounded {@link MemoryCacheHandler} in front of a persistent {@link DiskCacheHandler}.
 * Reads try memory, then disk (and keep what disk had in memory). Writes go to disk, then memory: a disk failure on
 * {@code set} is logged and the entry stays in memory, so the cache degrades to memory-only rather than failing
 * requests. Revalidations go to memory, then disk, so they hold in this process even when the disk write fails
 * (that failure is thrown to the caller, which logs it).
 *
 * <pre>{@code
 * CacheHandler store = TieredCacheHandler.defaultFor(appRoot.resolve(".approute/cache"), 64L << 20);
 * }</pre>
 */
public final class TieredCacheHandler implements CacheHandler {
    private static final System.Logger LOG = System.getLogger("dev.approute.cache");

    /** The default memory bound: 64 MiB of responses. */
    public static final long DEFAULT_MEMORY_BYTES = 64L * 1024 * 1024;

    private final CacheHandler memory;
    private final CacheHandler persistent;

    public TieredCacheHandler(CacheHandler memory, CacheHandler persistent) {
        this.memory = memory;
        this.persistent = persistent;
    }

    /** Memory ({@code maxMemoryBytes}) over files in {@code directory} (an app's {@code .approute/cache}). */
    public static TieredCacheHandler defaultFor(Path directory, long maxMemoryBytes) {
        return new TieredCacheHandler(new MemoryCacheHandler(maxMemoryBytes), new DiskCacheHandler(directory));
    }

    @Override
    public Optional<CacheEntry> get(String key) {
        Optional<CacheEntry> hot = memory.get(key);
        if (hot.isPresent()) {
            return hot;
        }
        Optional<CacheEntry> cold = persistent.get(key);
        cold.ifPresent(entry -> memory.set(key, entry));
        return cold;
    }

    @Override
    public void set(String key, CacheEntry entry) {
        try {
            persistent.set(key, entry);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cache entry for " + key + " kept in memory only: " + e.getMessage());
        }
        memory.set(key, entry);
    }

    @Override
    public void revalidateTag(String tag, Instant now, RevalidateProfile profile) {
        memory.revalidateTag(tag, now, profile);
        persistent.revalidateTag(tag, now, profile);
    }

    @Override
    public void close() {
        try {
            memory.close();
        } finally {
            persistent.close();
        }
    }
}
