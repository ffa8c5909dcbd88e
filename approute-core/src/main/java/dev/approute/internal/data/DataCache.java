package dev.approute.internal.data;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import dev.approute.internal.cache.CacheEntry;
import dev.approute.internal.cache.CacheHandler;
import dev.approute.internal.cache.MemoryCacheHandler;
import dev.approute.internal.cache.ResponseCache;
import dev.approute.internal.cache.RevalidateProfile;

/**
 * The data cache: entries produced by {@code Fetch} and {@code Cache.cached(...)}, kept in a {@link CacheHandler}
 * (in {@code start} the same store as responses, under keys starting with {@link #KEY_PREFIX}, so a restart or a
 * shared store keeps them and one {@code revalidateTag} reaches both).
 *
 * <p>One read of a key answers:
 * <ul>
 *   <li>HIT: a fresh entry.</li>
 *   <li>STALE: an entry past its revalidate time is returned once more while exactly one refresh per key runs in
 *       the background; with {@code waitWhenStale} (a cached response being rendered) the reader waits for the
 *       refresh instead, so a regenerated response is never built from stale data.</li>
 *   <li>MISS: nothing usable stored: load now. Concurrent readers of the same key share that one load.</li>
 * </ul>
 *
 * <pre>{@code
 * DataCache data = new DataCache(store, Clock.systemUTC());
 * CacheEntry entry = data.read("data:fetch:ab12...", 60, false, () -> DataCache.Loaded.storable(entryFromUpstream()));
 * data.revalidateTag("posts", RevalidateProfile.EXPIRE_NOW);   // the next read of entries tagged "posts" loads anew
 * }</pre>
 *
 * Single-flight is per key within this JVM: with a shared store (Redis) each node may load once.
 */
public final class DataCache {
    private static final System.Logger LOG = System.getLogger("dev.approute.cache");

    /** Every data key starts with it; response keys are paths and start with {@code /}. */
    public static final String KEY_PREFIX = "data:";

    /** Next's limit for one data entry: larger results are returned but not stored. */
    public static final int MAX_ENTRY_BYTES = 2 * 1024 * 1024;

    /** Memory for the data cache where it has its own store ({@code dev}, calls outside any app). */
    static final long OWN_MEMORY_BYTES = 32L * 1024 * 1024;

    private static volatile DataCache processDefault;

    private final CacheHandler store;
    private final InstantSource clock;
    private final Executor refresher;
    private final ConcurrentHashMap<String, CompletableFuture<CacheEntry>> loading = new ConcurrentHashMap<>();

    /** Background refreshes on fresh virtual threads. */
    public DataCache(CacheHandler store, InstantSource clock) {
        this(store, clock, task -> Thread.ofVirtual().name("approute-data-refresh").start(task));
    }

    public DataCache(CacheHandler store, InstantSource clock, Executor refresher) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refresher = Objects.requireNonNull(refresher, "refresher");
    }

    /** The data cache of an app served by {@code start}: the response cache's store and clock. */
    public static DataCache sharing(ResponseCache responses) {
        return new DataCache(responses.store(), responses.clock());
    }

    /** A data cache of its own, in memory ({@code dev}: data is cached as in {@code start}, but not kept across restarts). */
    public static DataCache inMemory() {
        return new DataCache(new MemoryCacheHandler(OWN_MEMORY_BYTES), InstantSource.system());
    }

    /** The data cache for calls outside any request (a static initializer, a thread the app started). */
    public static DataCache processDefault() {
        DataCache current = processDefault;
        if (current == null) {
            synchronized (DataCache.class) {
                if (processDefault == null) {
                    processDefault = inMemory();
                }
                current = processDefault;
            }
        }
        return current;
    }

    /** Makes {@code cache} the one calls outside a request use (the served app's, set once the server runs). */
    public static void useAsProcessDefault(DataCache cache) {
        processDefault = Objects.requireNonNull(cache, "cache");
    }

    public CacheHandler store() {
        return store;
    }

    public InstantSource clock() {
        return clock;
    }

    /** What a load produced: the entry to hand to readers, and whether it may be stored. */
    public record Loaded(CacheEntry entry, boolean store) {
        public Loaded {
            Objects.requireNonNull(entry, "entry");
        }

        public static Loaded storable(CacheEntry entry) {
            return new Loaded(entry, true);
        }

        public static Loaded notStorable(CacheEntry entry) {
            return new Loaded(entry, false);
        }
    }

    /** Produces an entry: calls upstream, runs a supplier. Its {@code created} is when the load started. */
    @FunctionalInterface
    public interface Loader {
        Loaded load() throws Exception;
    }

    /**
     * One read of {@code key}.
     *
     * @param revalidateSeconds the caller's revalidate (null: never by time); an entry stored with a longer one is
     *                          stale after this one, so shortening an interval in code takes effect at once
     * @param waitWhenStale     wait for the refresh of a stale entry instead of returning it (while a cached response
     *                          renders)
     * @throws Exception what the loader threw when there was nothing to return instead (never a checked exception of
     *                   its own: an interrupted wait is a {@link CancellationException})
     */
    public CacheEntry read(String key, Integer revalidateSeconds, boolean waitWhenStale, Loader loader) throws Exception {
        Objects.requireNonNull(loader, "loader");
        Optional<CacheEntry> found = get(key);
        if (found.isPresent()) {
            CacheEntry entry = revalidateSeconds == null ? found.get()
                    : found.get().tightened(found.get().created().plusSeconds(revalidateSeconds), null);
            switch (entry.freshness(clock.instant())) {
                case FRESH -> {
                    return entry;
                }
                case STALE -> {
                    if (!waitWhenStale) {
                        refreshInBackground(key, loader);
                        return entry;
                    }
                }
                case EXPIRED -> {
                    // loaded below, as if nothing were stored
                }
            }
        }
        return loadNow(key, loader);
    }

    /** Loads {@code key} now (joining a load already running), ignoring what is stored: for an entry that cannot be decoded. */
    public CacheEntry reload(String key, Loader loader) throws Exception {
        return loadNow(key, loader);
    }

    /** {@code revalidateTag} for data entries, where the data cache has a store of its own ({@code dev}). */
    public void revalidateTag(String tag, RevalidateProfile profile) {
        store.revalidateTag(tag, clock.instant(), profile);
    }

    /** Whether a load or refresh of {@code key} is running (for tests). */
    public boolean isLoading(String key) {
        return loading.containsKey(key);
    }

    /** Completes when every load and refresh running now has finished (for shutdown and tests). */
    public CompletableFuture<Void> whenIdle() {
        return CompletableFuture.allOf(loading.values().stream()
                .map(future -> future.handle((entry, error) -> null))
                .toArray(CompletableFuture[]::new));
    }

    private CacheEntry loadNow(String key, Loader loader) throws Exception {
        CompletableFuture<CacheEntry> mine = new CompletableFuture<>();
        CompletableFuture<CacheEntry> running = loading.putIfAbsent(key, mine);
        if (running != null) {
            return await(running);
        }
        runLoad(key, loader, mine);
        return await(mine);
    }

    // Single-flight: the first reader of a stale key starts the one refresh; later readers find it running.
    private void refreshInBackground(String key, Loader loader) {
        CompletableFuture<CacheEntry> mine = new CompletableFuture<>();
        if (loading.putIfAbsent(key, mine) != null) {
            return;
        }
        // A failed background refresh is logged; its readers already have the stale entry.
        mine.exceptionally(error -> {
            LOG.log(Level.WARNING, "Refreshing data " + key + " failed; the stale entry is kept and served", error);
            return null;
        });
        try {
            refresher.execute(() -> runLoad(key, loader, mine));
        } catch (RejectedExecutionException e) {
            loading.remove(key, mine);
            mine.completeExceptionally(e);
        }
    }

    private void runLoad(String key, Loader loader, CompletableFuture<CacheEntry> done) {
        try {
            Loaded loaded = loader.load();
            if (loaded.store()) {
                write(key, loaded.entry());
            }
            // Removed only after the entry is stored: a reader in between finds it, or finds this load running.
            loading.remove(key, done);
            done.complete(loaded.entry());
        } catch (Throwable e) {
            loading.remove(key, done);
            done.completeExceptionally(e);
        }
    }

    private Optional<CacheEntry> get(String key) {
        try {
            return store.get(key);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cache store get failed for " + key + ": " + e.getMessage(), e);
            return Optional.empty();
        }
    }

    private void write(String key, CacheEntry entry) {
        if (entry.bodyLength() > MAX_ENTRY_BYTES) {
            LOG.log(Level.WARNING, "Data " + key + " not cached: " + entry.bodyLength() + " bytes is over the "
                    + MAX_ENTRY_BYTES + "-byte limit of one data entry");
            return;
        }
        try {
            store.set(key, entry);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cache store set failed for " + key + ": " + e.getMessage(), e);
        }
    }

    private static CacheEntry await(CompletableFuture<CacheEntry> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException | CompletionException wrapped) {
            Throwable cause = wrapped.getCause() == null ? wrapped : wrapped.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            // Unchecked, so that whatever checked exception reaches the caller is the loader's own.
            Thread.currentThread().interrupt();
            CancellationException cancelled = new CancellationException("interrupted while waiting for data to load");
            cancelled.initCause(e);
            throw cancelled;
        }
    }
}
