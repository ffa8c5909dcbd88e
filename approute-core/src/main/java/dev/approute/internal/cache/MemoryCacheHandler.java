package dev.approute.internal.cache;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Entries in memory, least recently used evicted first once their total {@link CacheEntry#weight() weight} (body
 * bytes plus a small per-entry overhead) passes {@code maxBytes}. An entry heavier than the whole bound is not kept.
 *
 * <pre>{@code
 * CacheHandler store = new MemoryCacheHandler(64L * 1024 * 1024);   // 64 MiB of responses
 * }</pre>
 */
public final class MemoryCacheHandler implements CacheHandler {
    private final long maxBytes;
    private final ReentrantLock lock = new ReentrantLock();
    // Access order: iteration starts at the least recently used entry.
    private final LinkedHashMap<String, CacheEntry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final TagManifest manifest = new TagManifest();
    private long totalWeight;

    public MemoryCacheHandler(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be > 0, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    @Override
    public Optional<CacheEntry> get(String key) {
        lock.lock();
        try {
            CacheEntry entry = entries.get(key);
            return entry == null ? Optional.empty() : Optional.of(manifest.apply(entry));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void set(String key, CacheEntry entry) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(entry, "entry");
        lock.lock();
        try {
            CacheEntry previous = entries.remove(key);
            if (previous != null) {
                totalWeight -= previous.weight();
            }
            long weight = entry.weight();
            if (weight > maxBytes) {
                return;
            }
            entries.put(key, entry);
            totalWeight += weight;
            Iterator<Map.Entry<String, CacheEntry>> eldest = entries.entrySet().iterator();
            while (totalWeight > maxBytes && eldest.hasNext()) {
                totalWeight -= eldest.next().getValue().weight();
                eldest.remove();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void revalidateTag(String tag, Instant now, RevalidateProfile profile) {
        lock.lock();
        try {
            manifest.revalidate(tag, now, profile);
        } finally {
            lock.unlock();
        }
    }

    /** Total weight held now; never above the bound. */
    public long weight() {
        lock.lock();
        try {
            return totalWeight;
        } finally {
            lock.unlock();
        }
    }

    public int size() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            lock.unlock();
        }
    }

    public long maxBytes() {
        return maxBytes;
    }
}
