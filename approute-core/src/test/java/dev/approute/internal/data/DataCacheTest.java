package dev.approute.internal.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.approute.Headers;
import dev.approute.internal.cache.CacheEntry;
import dev.approute.internal.cache.MemoryCacheHandler;
import dev.approute.internal.cache.RevalidateProfile;
import dev.approute.internal.cache.TestClock;

/** HIT / STALE / MISS of data entries with a hand-moved clock, single-flight, tags and the never-stored cases. */
class DataCacheTest {
    private static final String KEY = "data:cached:test";

    private final TestClock clock = new TestClock();
    private final TestClock.ManualExecutor background = new TestClock.ManualExecutor();
    private final MemoryCacheHandler store = new MemoryCacheHandler(16L << 20);
    private final DataCache cache = new DataCache(store, clock, background);

    /** Loads "value 1", "value 2", ... with the given revalidate and tags, counting loads. */
    private final class Counter implements DataCache.Loader {
        final AtomicInteger loads = new AtomicInteger();
        final Integer revalidate;
        final Set<String> tags;

        Counter(Integer revalidate, String... tags) {
            this.revalidate = revalidate;
            this.tags = Set.of(tags);
        }

        @Override
        public DataCache.Loaded load() {
            int n = loads.incrementAndGet();
            return DataCache.Loaded.storable(entry("value " + n, revalidate, tags));
        }
    }

    private CacheEntry entry(String body, Integer revalidate, Set<String> tags) {
        return new CacheEntry(200, Headers.empty(), body.getBytes(StandardCharsets.UTF_8), clock.instant(), revalidate,
                null, tags);
    }

    private static String body(CacheEntry entry) {
        return new String(entry.body(), StandardCharsets.UTF_8);
    }

    private String read(Integer revalidate, boolean waitWhenStale, DataCache.Loader loader) throws Exception {
        return body(cache.read(KEY, revalidate, waitWhenStale, loader));
    }

    @Test
    void freshIsAHitStaleIsServedOnceMoreWhileOneBackgroundRefreshRuns() throws Exception {
        Counter loader = new Counter(60);
        assertThat(read(60, false, loader)).isEqualTo("value 1");
        clock.advance(Duration.ofSeconds(59));
        assertThat(read(60, false, loader)).isEqualTo("value 1");
        assertThat(loader.loads).hasValue(1);

        clock.advance(Duration.ofSeconds(2));
        assertThat(read(60, false, loader)).isEqualTo("value 1");
        assertThat(read(60, false, loader)).isEqualTo("value 1");
        assertThat(background.pending()).as("one refresh for two stale reads").isEqualTo(1);
        assertThat(cache.isLoading(KEY)).isTrue();
        background.runAll();
        assertThat(loader.loads).hasValue(2);
        assertThat(read(60, false, loader)).isEqualTo("value 2");
        assertThat(cache.isLoading(KEY)).isFalse();
    }

    @Test
    void whileACachedResponseRendersAStaleEntryIsRefreshedFirst() throws Exception {
        Counter loader = new Counter(60);
        read(60, false, loader);
        clock.advance(Duration.ofSeconds(61));
        assertThat(read(60, true, loader)).isEqualTo("value 2");
        assertThat(background.pending()).isZero();
    }

    @Test
    void revalidateFalseNeverTurnsStaleByTime() throws Exception {
        Counter loader = new Counter(null);
        read(null, false, loader);
        clock.advance(Duration.ofDays(400));
        assertThat(read(null, false, loader)).isEqualTo("value 1");
        assertThat(background.pending()).isZero();
    }

    @Test
    void aShorterRevalidateInTheCallerAppliesToAnEntryStoredWithALongerOne() throws Exception {
        Counter loader = new Counter(3600);
        read(3600, false, loader);
        clock.advance(Duration.ofSeconds(11));
        read(10, false, loader);
        assertThat(background.pending()).isEqualTo(1);
    }

    @Test
    void revalidateTagExpiresTaggedEntriesAndMaxServesThemStaleOnce() throws Exception {
        Counter loader = new Counter(null, "posts");
        read(null, false, loader);
        clock.advance(Duration.ofSeconds(1));
        cache.revalidateTag("other", RevalidateProfile.EXPIRE_NOW);
        assertThat(read(null, false, loader)).isEqualTo("value 1");

        cache.revalidateTag("posts", RevalidateProfile.EXPIRE_NOW);
        clock.advance(Duration.ofSeconds(1));
        assertThat(read(null, false, loader)).as("expired: loaded now").isEqualTo("value 2");

        clock.advance(Duration.ofSeconds(1));
        cache.revalidateTag("posts", RevalidateProfile.MAX);
        clock.advance(Duration.ofSeconds(1));
        assertThat(read(null, false, loader)).as("stale: served once more").isEqualTo("value 2");
        background.runAll();
        assertThat(read(null, false, loader)).isEqualTo("value 3");
    }

    @Test
    void aLoadThatMayNotBeStoredIsReturnedButLoadedAgainNextTime() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        DataCache.Loader failingUpstream = () -> DataCache.Loaded.notStorable(
                new CacheEntry(503, Headers.empty(), ("down " + loads.incrementAndGet()).getBytes(StandardCharsets.UTF_8),
                        clock.instant(), 60, null, Set.of()));
        assertThat(body(cache.read(KEY, 60, false, failingUpstream))).isEqualTo("down 1");
        assertThat(body(cache.read(KEY, 60, false, failingUpstream))).isEqualTo("down 2");
        assertThat(store.size()).isZero();
    }

    @Test
    void anEntryOverTheDataLimitIsReturnedButNotStored() throws Exception {
        byte[] big = new byte[DataCache.MAX_ENTRY_BYTES + 1];
        DataCache.Loader loader = () -> DataCache.Loaded.storable(
                new CacheEntry(200, Headers.empty(), big, clock.instant(), null, null, Set.of()));
        assertThat(cache.read(KEY, null, false, loader).bodyLength()).isEqualTo(big.length);
        assertThat(store.size()).isZero();
    }

    @Test
    void aFailedLoadIsThrownToTheReaderAndAFailedRefreshKeepsTheStaleEntry() throws Exception {
        DataCache.Loader broken = () -> {
            throw new java.io.IOException("database down");
        };
        assertThatThrownBy(() -> cache.read(KEY, 60, false, broken)).isInstanceOf(java.io.IOException.class)
                .hasMessage("database down");
        assertThat(cache.isLoading(KEY)).isFalse();

        read(60, false, new Counter(60));
        clock.advance(Duration.ofSeconds(61));
        assertThat(read(60, false, broken)).isEqualTo("value 1");
        background.runAll();
        assertThat(read(60, false, broken)).as("still the stale entry; a new refresh is tried").isEqualTo("value 1");
        assertThat(background.pending()).isEqualTo(1);
    }

    @Test
    void concurrentMissesOfOneKeyShareOneLoad() throws Exception {
        DataCache real = new DataCache(new MemoryCacheHandler(1 << 20), clock);
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch loadStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DataCache.Loader slow = () -> {
            loads.incrementAndGet();
            loadStarted.countDown();
            release.await(10, TimeUnit.SECONDS);
            return DataCache.Loaded.storable(entry("shared", null, Set.of()));
        };
        List<String> results = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> readers = new ArrayList<>();
        readers.add(Thread.ofVirtual().start(() -> results.add(readQuietly(real, slow))));
        assertThat(loadStarted.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 15; i++) {
            readers.add(Thread.ofVirtual().start(() -> results.add(readQuietly(real, slow))));
        }
        // The other 15 readers block on the running load (it cannot complete before release).
        while (readers.stream().skip(1).filter(t -> t.getState() == Thread.State.WAITING).count() < 15) {
            Thread.onSpinWait();
        }
        release.countDown();
        for (Thread reader : readers) {
            reader.join();
        }
        assertThat(loads).hasValue(1);
        assertThat(results).hasSize(16).containsOnly("shared");
    }

    private static String readQuietly(DataCache cache, DataCache.Loader loader) {
        try {
            return body(cache.read(KEY, null, false, loader));
        } catch (Exception e) {
            return "failed: " + e;
        }
    }
}
