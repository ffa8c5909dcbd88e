package dev.approute.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.approute.Headers;

/** Real virtual threads, coordinated with latches: single-flight regeneration, and HEAD/GET racing a regeneration. */
class ConcurrencyTest {
    private static final CachePolicy ISR_5 = new CachePolicy.Revalidate(5);
    private static final int THREADS = 64;

    private final TestClock clock = new TestClock();

    private static List<Thread> startAll(int count, CountDownLatch gate, Runnable body) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    gate.await();
                    body.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        return threads;
    }

    private static void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
    }

    @Test
    void manyRequestsOnAStaleKeyStartExactlyOneRegeneration() throws Exception {
        MemoryCacheHandler store = new MemoryCacheHandler(1 << 20);
        ResponseCache cache = new ResponseCache(store, clock);
        CacheKey key = CacheKey.of("/api/isr");
        cache.serve(key, ISR_5, () -> CachedResponse.complete(200, Headers.empty(), "old".getBytes(StandardCharsets.UTF_8), null));
        clock.advance(Duration.ofSeconds(6));

        AtomicInteger renders = new AtomicInteger();
        CountDownLatch regenerationStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Callable<CachedResponse> blockingRender = () -> {
            renders.incrementAndGet();
            regenerationStarted.countDown();
            release.await();
            return CachedResponse.complete(200, Headers.empty(), "new".getBytes(StandardCharsets.UTF_8), null);
        };
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        CountDownLatch gate = new CountDownLatch(1);
        List<Thread> threads = startAll(THREADS, gate, () -> {
            try {
                ServedResponse served = cache.serve(key, ISR_5, blockingRender);
                seen.add(served.cacheStatus() + " " + new String(served.body(), StandardCharsets.UTF_8));
            } catch (Exception e) {
                seen.add("error " + e);
            }
        });
        gate.countDown();
        joinAll(threads);
        assertThat(regenerationStarted.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).hasSize(THREADS).containsOnly("STALE old");
        assertThat(cache.isRegenerating(key)).isTrue();

        // A second wave while the regeneration is still blocked: still STALE, still no second render.
        CountDownLatch gate2 = new CountDownLatch(1);
        List<Thread> wave = startAll(THREADS, gate2, () -> {
            try {
                seen.add(cache.serve(key, ISR_5, blockingRender).cacheStatus().name());
            } catch (Exception e) {
                seen.add("error " + e);
            }
        });
        gate2.countDown();
        joinAll(wave);
        assertThat(renders).hasValue(1);

        release.countDown();
        cache.whenIdle().get(30, TimeUnit.SECONDS);
        assertThat(renders).hasValue(1);
        ServedResponse after = cache.serve(key, ISR_5, blockingRender);
        assertThat(after.cacheStatus()).isEqualTo(CacheStatus.HIT);
        assertThat(new String(after.body(), StandardCharsets.UTF_8)).isEqualTo("new");
    }

    /** Records every body handed to the store. */
    private static final class RecordingStore implements CacheHandler {
        final MemoryCacheHandler delegate = new MemoryCacheHandler(16 << 20);
        final ConcurrentLinkedQueue<byte[]> writes = new ConcurrentLinkedQueue<>();

        @Override
        public Optional<CacheEntry> get(String key) {
            return delegate.get(key);
        }

        @Override
        public void set(String key, CacheEntry entry) {
            writes.add(entry.body());
            delegate.set(key, entry);
        }

        @Override
        public void revalidateTag(String tag, Instant now, RevalidateProfile profile) {
            delegate.revalidateTag(tag, now, profile);
        }
    }

    @Test
    void headAndGetRacingRegenerationsNeverStoreAnEmptyOrPartialBody() throws Exception {
        // The dispatcher is meant to render HEAD as GET; this test hands the cache the worst a caller could: HEAD
        // renders without a body, and GET renders whose stream fails half-way, all racing MISSes and regenerations.
        byte[] full = new byte[64 * 1024];
        for (int i = 0; i < full.length; i++) {
            full[i] = (byte) ('a' + i % 26);
        }
        RecordingStore store = new RecordingStore();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ResponseCache cache = new ResponseCache(store, clock,
                task -> Thread.ofVirtual().start(task), new ResponseCache.Listener() {
                    @Override
                    public void regenerationFailed(CacheKey key, Throwable error) {
                        failures.add(error.toString());
                    }
                });
        CacheKey key = CacheKey.of("/api/isr");
        Headers headers = Headers.of("content-type", "application/octet-stream", "content-length", String.valueOf(full.length));
        Callable<CachedResponse> head = () -> CachedResponse.forHead(200, headers, null);
        Callable<CachedResponse> headWithEmptyBodyClaimingComplete = () ->
                CachedResponse.complete(200, headers, new byte[0], null);   // Content-Length says 65536
        Callable<CachedResponse> brokenStream = () ->
                CachedResponse.partial(200, headers.toBuilder().remove("content-length").build(),
                        Arrays.copyOf(full, full.length / 2), null);
        Callable<CachedResponse> get = () -> CachedResponse.complete(200, headers, full, null);
        List<Callable<CachedResponse>> renders = List.of(head, headWithEmptyBodyClaimingComplete, brokenStream, get);

        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        for (int round = 0; round < 20; round++) {
            CountDownLatch gate = new CountDownLatch(1);
            AtomicInteger next = new AtomicInteger();
            List<Thread> threads = startAll(THREADS, gate, () -> {
                int n = next.getAndIncrement();
                try {
                    ServedResponse served = cache.serve(key, ISR_5, renders.get(n % renders.size()));
                    if (served.cacheStatus() != CacheStatus.MISS && !Arrays.equals(served.body(), full)) {
                        problems.add(served.cacheStatus() + " served " + served.body().length + " bytes");
                    }
                } catch (Exception e) {
                    problems.add(e.toString());
                }
            });
            gate.countDown();
            joinAll(threads);
            cache.whenIdle().get(30, TimeUnit.SECONDS);
            clock.advance(Duration.ofSeconds(6));   // the next round races regenerations of a stale entry
        }
        assertThat(problems).isEmpty();
        assertThat(failures).isEmpty();
        assertThat(store.writes).isNotEmpty().allSatisfy(body -> assertThat(body).isEqualTo(full));
        assertThat(store.get(key.value()).orElseThrow().body()).isEqualTo(full);
    }

    @Test
    void aBufferReusedByTheRendererAfterwardsCannotChangeTheStoredBody() throws Exception {
        MemoryCacheHandler store = new MemoryCacheHandler(1 << 20);
        ResponseCache cache = new ResponseCache(store, clock);
        byte[] buffer = "complete".getBytes(StandardCharsets.UTF_8);
        CachedResponse rendered = CachedResponse.complete(200, Headers.empty(), buffer, null);
        Arrays.fill(buffer, (byte) 0);
        ServedResponse served = cache.serve(CacheKey.of("/a"), ISR_5, () -> rendered);
        served.body()[0] = 'X';
        assertThat(new String(store.get("/a").orElseThrow().body(), StandardCharsets.UTF_8)).isEqualTo("complete");
        assertThat(new String(cache.serve(CacheKey.of("/a"), ISR_5, () -> rendered).body(), StandardCharsets.UTF_8))
                .isEqualTo("complete");
    }
}
