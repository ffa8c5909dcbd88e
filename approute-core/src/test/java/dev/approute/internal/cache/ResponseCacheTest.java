package dev.approute.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.approute.Headers;

/** HIT/STALE/MISS sequences and headers, mirroring SPEC §12 (12.2, 12.5-12.11), with a hand-moved clock. */
class ResponseCacheTest {
    private static final CachePolicy ISR_5 = new CachePolicy.Revalidate(5);
    private static final CachePolicy STATIC = new CachePolicy.Static();

    private final TestClock clock = new TestClock();
    private final TestClock.ManualExecutor background = new TestClock.ManualExecutor();
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final MemoryCacheHandler store = new MemoryCacheHandler(1 << 20);
    private final ResponseCache cache = new ResponseCache(store, clock, background, new ResponseCache.Listener() {
        @Override
        public void notStored(CacheKey key, Storability.NotStored reason) {
            events.add("notStored " + key.value() + " " + reason);
        }

        @Override
        public void regenerated(CacheKey key, CacheEntry entry) {
            events.add("regenerated " + key.value());
        }

        @Override
        public void regenerationFailed(CacheKey key, Throwable error) {
            events.add("failed " + key.value() + " " + error.getMessage());
        }
    });

    /** Renders "body 1", "body 2", ... and counts renders. */
    private final class Counter implements Callable<CachedResponse> {
        final AtomicInteger renders = new AtomicInteger();
        RenderObservations observed = RenderObservations.NONE;

        @Override
        public CachedResponse call() {
            int n = renders.incrementAndGet();
            return CachedResponse.complete(200, Headers.of("content-type", "text/plain;charset=UTF-8"),
                    ("body " + n).getBytes(StandardCharsets.UTF_8), observed);
        }
    }

    private static String body(ServedResponse served) {
        return new String(served.body(), StandardCharsets.UTF_8);
    }

    private static String seen(ServedResponse served) {
        return served.cacheStatus() + " " + new String(served.body(), StandardCharsets.UTF_8);
    }

    @Test
    void isrSequenceHitsUntilRevalidateThenStaleOnceThenTheNewBody() throws Exception {
        // SPEC 12.6: s0 HIT(A) +1.6 s HIT(A) +1.9 s HIT(A) +8.0 s STALE(A) +9.0 s HIT(B) +9.3 s HIT(B)
        CacheKey key = CacheKey.of("/api/isr");
        Counter render = new Counter();
        assertThat(seen(cache.serve(key, ISR_5, render))).isEqualTo("MISS body 1");   // no build seed here
        clock.advanceMillis(64);
        assertThat(seen(cache.serve(key, ISR_5, render))).isEqualTo("HIT body 1");
        clock.advanceMillis(1_600 - 64);
        assertThat(seen(cache.serve(key, ISR_5, render))).isEqualTo("HIT body 1");
        clock.advanceMillis(300);
        assertThat(seen(cache.serve(key, ISR_5, render))).isEqualTo("HIT body 1");
        clock.advanceMillis(8_000 - 1_900);
        ServedResponse stale = cache.serve(key, ISR_5, render);
        assertThat(seen(stale)).isEqualTo("STALE body 1");
        assertThat(background.pending()).isEqualTo(1);
        assertThat(render.renders).hasValue(1);   // the regeneration runs in the background, not in this request
        background.runAll();
        clock.advanceMillis(1_000);
        ServedResponse fresh = cache.serve(key, ISR_5, render);
        assertThat(seen(fresh)).isEqualTo("HIT body 2");
        clock.advanceMillis(300);
        assertThat(seen(cache.serve(key, ISR_5, render))).isEqualTo("HIT body 2");
        assertThat(render.renders).hasValue(2);
        for (ServedResponse served : List.of(stale, fresh)) {
            assertThat(served.headers().get("cache-control")).isEqualTo("s-maxage=5, stale-while-revalidate=31535995");
            assertThat(served.headers().get("x-approute-cache")).isEqualTo(served.cacheStatus().name());
            assertThat(served.headers().get("content-type")).isEqualTo("text/plain;charset=UTF-8");
        }
        assertThat(events).containsExactly("regenerated /api/isr");
    }

    @Test
    void staleIsServedToEveryRequestUntilTheOneRegenerationLands() throws Exception {
        CacheKey key = CacheKey.of("/api/isr");
        Counter render = new Counter();
        cache.serve(key, ISR_5, render);
        clock.advance(Duration.ofSeconds(6));
        for (int i = 0; i < 5; i++) {
            assertThat(seen(cache.serve(key, ISR_5, render))).isEqualTo("STALE body 1");
        }
        assertThat(background.pending()).isEqualTo(1);
        assertThat(cache.isRegenerating(key)).isTrue();
        background.runAll();
        assertThat(cache.isRegenerating(key)).isFalse();
        assertThat(seen(cache.serve(key, ISR_5, render))).isEqualTo("HIT body 2");
    }

    @Test
    void coldStartWithAnOldSeedIsStaleThenHit() throws Exception {
        // SPEC 12.5: the build's entry is older than revalidate on the first request of a fresh server.
        CacheKey key = CacheKey.of("/api/isr");
        store.set(key.value(), new CacheEntry(200, Headers.of("content-type", "application/json"),
                "{\"built\":true}".getBytes(StandardCharsets.UTF_8), clock.instant().minusSeconds(60), 5,
                clock.instant().plusSeconds(3600), key.implicitTags()));
        Counter render = new Counter();
        ServedResponse first = cache.serve(key, ISR_5, render);
        assertThat(seen(first)).isEqualTo("STALE {\"built\":true}");
        assertThat(first.headers().get("cache-control")).isEqualTo("s-maxage=5, stale-while-revalidate=31535995");
        background.runAll();
        assertThat(seen(cache.serve(key, ISR_5, render))).isEqualTo("HIT body 1");
    }

    @Test
    void staticIsHitForeverWithAYearOfSMaxage() throws Exception {
        // SPEC 12.2 and 12.8
        CacheKey key = CacheKey.of("/api/static");
        Counter render = new Counter();
        assertThat(seen(cache.serve(key, STATIC, render))).isEqualTo("MISS body 1");
        clock.advance(Duration.ofDays(400));
        ServedResponse hit = cache.serve(key, STATIC, render);
        assertThat(seen(hit)).isEqualTo("HIT body 1");
        assertThat(hit.headers().get("cache-control")).isEqualTo("s-maxage=31536000");
        assertThat(render.renders).hasValue(1);
        assertThat(background.pending()).isZero();
    }

    @Test
    void aPathNotSeededIsMissThenHit() throws Exception {
        // SPEC 12.7, the non-prerendered "second"
        CacheKey key = CacheKey.of("/api/isr-params/second", "/api/isr-params/[slug]");
        Counter render = new Counter();
        ServedResponse miss = cache.serve(key, ISR_5, render);
        assertThat(seen(miss)).isEqualTo("MISS body 1");
        assertThat(miss.headers().get("cache-control")).isEqualTo("s-maxage=5, stale-while-revalidate=31535995");
        assertThat(seen(cache.serve(key, ISR_5, render))).isEqualTo("HIT body 1");
    }

    @Test
    void revalidatePathMakesTheNextRequestAMissThenHit() throws Exception {
        // SPEC 12.9
        CacheKey key = CacheKey.of("/api/tagged");
        Counter render = new Counter();
        cache.serve(key, STATIC, render);
        assertThat(seen(cache.serve(key, STATIC, render))).isEqualTo("HIT body 1");
        clock.advanceMillis(10);
        cache.revalidatePath("/api/tagged");
        clock.advanceMillis(10);
        assertThat(seen(cache.serve(key, STATIC, render))).isEqualTo("MISS body 2");
        assertThat(seen(cache.serve(key, STATIC, render))).isEqualTo("HIT body 2");
        assertThat(background.pending()).isZero();
    }

    @Test
    void revalidatePathReachesOtherSpellingsPatternsAndLayouts() throws Exception {
        Counter render = new Counter();
        CacheKey post = CacheKey.of("/blog/a", "/blog/[slug]");
        CacheKey other = CacheKey.of("/blog/b", "/blog/[slug]");
        CacheKey elsewhere = CacheKey.of("/shop/x");
        for (CacheKey key : List.of(post, other, elsewhere)) {
            cache.serve(key, STATIC, render);
        }
        clock.advanceMillis(10);
        cache.revalidatePath("/blog/%61/");   // "/blog/a" spelt differently
        clock.advanceMillis(10);
        assertThat(cache.serve(post, STATIC, render).cacheStatus()).isEqualTo(CacheStatus.MISS);
        assertThat(cache.serve(other, STATIC, render).cacheStatus()).isEqualTo(CacheStatus.HIT);

        cache.revalidatePath("/blog/[slug]");
        clock.advanceMillis(10);
        assertThat(cache.serve(post, STATIC, render).cacheStatus()).isEqualTo(CacheStatus.MISS);
        assertThat(cache.serve(other, STATIC, render).cacheStatus()).isEqualTo(CacheStatus.MISS);
        assertThat(cache.serve(elsewhere, STATIC, render).cacheStatus()).isEqualTo(CacheStatus.HIT);

        cache.revalidatePath("/", "layout");
        clock.advanceMillis(10);
        for (CacheKey key : List.of(post, other, elsewhere)) {
            assertThat(cache.serve(key, STATIC, render).cacheStatus()).isEqualTo(CacheStatus.MISS);
        }
        assertThatThrownBy(() -> cache.revalidatePath("/blog", "segment")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void revalidateTagWithExpireZeroMakesTheNextRequestAMiss() throws Exception {
        // SPEC 12.10
        CacheKey key = CacheKey.of("/api/tagged");
        Counter render = new Counter();
        render.observed = RenderObservations.tagged("demo-tag");
        cache.serve(key, STATIC, render);
        assertThat(seen(cache.serve(key, STATIC, render))).isEqualTo("HIT body 1");
        clock.advanceMillis(10);
        cache.revalidateTag("demo-tag", RevalidateProfile.EXPIRE_NOW);
        clock.advanceMillis(10);
        assertThat(seen(cache.serve(key, STATIC, render))).isEqualTo("MISS body 2");
        assertThat(seen(cache.serve(key, STATIC, render))).isEqualTo("HIT body 2");
    }

    @Test
    void revalidateTagMaxServesStaleOnceThenTheNewBody() throws Exception {
        // SPEC 12.11
        CacheKey key = CacheKey.of("/api/tagged");
        Counter render = new Counter();
        render.observed = RenderObservations.tagged("demo-tag");
        cache.serve(key, STATIC, render);
        clock.advanceMillis(10);
        cache.revalidateTag("demo-tag", RevalidateProfile.MAX);
        clock.advanceMillis(10);
        ServedResponse stale = cache.serve(key, STATIC, render);
        assertThat(seen(stale)).isEqualTo("STALE body 1");
        assertThat(stale.headers().get("cache-control")).isEqualTo("s-maxage=31536000");
        background.runAll();
        assertThat(seen(cache.serve(key, STATIC, render))).isEqualTo("HIT body 2");
    }

    @Test
    void aTagOnlyReachesTheResponsesBuiltFromIt() throws Exception {
        Counter tagged = new Counter();
        tagged.observed = RenderObservations.tagged("products");
        Counter untagged = new Counter();
        CacheKey a = CacheKey.of("/api/products");
        CacheKey b = CacheKey.of("/api/users");
        cache.serve(a, STATIC, tagged);
        cache.serve(b, STATIC, untagged);
        clock.advanceMillis(10);
        cache.revalidateTag("products", RevalidateProfile.EXPIRE_NOW);
        clock.advanceMillis(10);
        assertThat(cache.serve(a, STATIC, tagged).cacheStatus()).isEqualTo(CacheStatus.MISS);
        assertThat(cache.serve(b, STATIC, untagged).cacheStatus()).isEqualTo(CacheStatus.HIT);
        assertThat(store.get("/api/products").orElseThrow().tags()).contains("products", "_N_T_/api/products");
    }

    @Test
    void tagsCollectedByTheObserverDuringARenderAttachToTheEntry() throws Exception {
        CacheKey key = CacheKey.of("/api/products");
        Callable<CachedResponse> render = () -> {
            RenderObserver observer = new RenderObserver();
            byte[] body = observer.observe(() -> {
                RenderObserver.addTags("products", "prices");
                return "list".getBytes(StandardCharsets.UTF_8);
            });
            return CachedResponse.complete(200, Headers.empty(), body, observer.observations());
        };
        cache.serve(key, STATIC, render);
        assertThat(store.get(key.value()).orElseThrow().tags()).contains("products", "prices", "_N_T_/api/products");
        assertThat(RenderObserver.current()).isEmpty();
        RenderObserver.addTags("outside-a-render");   // no observer: nothing happens
    }

    @Test
    void aTagRevalidatedWhileARegenerationRendersLeavesItsResultStale() throws Exception {
        CacheKey key = CacheKey.of("/api/tagged");
        Counter render = new Counter();
        render.observed = RenderObservations.tagged("t");
        cache.serve(key, ISR_5, render);
        clock.advance(Duration.ofSeconds(6));
        Callable<CachedResponse> slow = () -> {
            CachedResponse response = render.call();
            cache.revalidateTag("t", RevalidateProfile.MAX);   // data changed after this render read it
            return response;
        };
        assertThat(cache.serve(key, ISR_5, slow).cacheStatus()).isEqualTo(CacheStatus.STALE);
        background.runAll();
        clock.advanceMillis(1);
        assertThat(seen(cache.serve(key, ISR_5, render))).isEqualTo("STALE body 2");
    }

    @Test
    void aRegenerationThatThrowsKeepsTheStaleEntryAndTheNextRequestTriesAgain() throws Exception {
        CacheKey key = CacheKey.of("/api/isr");
        Counter render = new Counter();
        cache.serve(key, ISR_5, render);
        clock.advance(Duration.ofSeconds(6));
        Callable<CachedResponse> failing = () -> {
            throw new IllegalStateException("database down");
        };
        assertThat(seen(cache.serve(key, ISR_5, failing))).isEqualTo("STALE body 1");
        background.runAll();
        assertThat(events).containsExactly("failed /api/isr database down");
        assertThat(cache.isRegenerating(key)).isFalse();
        assertThat(seen(cache.serve(key, ISR_5, render))).isEqualTo("STALE body 1");
        background.runAll();
        assertThat(seen(cache.serve(key, ISR_5, render))).isEqualTo("HIT body 2");
    }

    @Test
    void aRegenerationThatMayNotBeStoredKeepsTheStaleEntry() throws Exception {
        CacheKey key = CacheKey.of("/api/isr");
        Counter render = new Counter();
        cache.serve(key, ISR_5, render);
        clock.advance(Duration.ofSeconds(6));
        cache.serve(key, ISR_5, () -> CachedResponse.complete(500, Headers.empty(), new byte[0], null));
        background.runAll();
        assertThat(events).containsExactly("notStored /api/isr NOT_2XX");
        assertThat(seen(cache.serve(key, ISR_5, render))).isEqualTo("STALE body 1");
    }

    @Test
    void aMissThatMayNotBeStoredIsServedAsRenderedWithNoStore() throws Exception {
        CacheKey key = CacheKey.of("/api/me");
        Callable<CachedResponse> render = () -> CachedResponse.complete(200,
                Headers.of("set-cookie", "sid=1", "content-type", "text/plain"), "mine".getBytes(StandardCharsets.UTF_8),
                null);
        ServedResponse served = cache.serve(key, STATIC, render);
        assertThat(served.cacheStatus()).isEqualTo(CacheStatus.MISS);
        assertThat(served.notStored()).isEqualTo(Storability.NotStored.SET_COOKIE);
        assertThat(served.headers().get("set-cookie")).isEqualTo("sid=1");
        assertThat(served.headers().get("cache-control")).isEqualTo(ResponseCache.NO_STORE_CACHE_CONTROL);
        assertThat(served.headers().get("x-approute-cache")).isEqualTo("MISS");
        assertThat(body(served)).isEqualTo("mine");
        assertThat(store.get(key.value())).isEmpty();
        assertThat(cache.serve(key, STATIC, render).cacheStatus()).isEqualTo(CacheStatus.MISS);

        ServedResponse own = cache.serve(CacheKey.of("/api/private"), STATIC, () -> CachedResponse.complete(200,
                Headers.of("cache-control", "private, max-age=10"), new byte[] {1}, null));
        assertThat(own.headers().get("cache-control")).isEqualTo("private, max-age=10");
    }

    @Test
    void storedHeadersDropFramingButKeepTheHandlersCacheControl() throws Exception {
        CacheKey key = CacheKey.of("/api/static");
        ServedResponse miss = cache.serve(key, STATIC, () -> CachedResponse.complete(200,
                Headers.of("cache-control", "public, max-age=60", "content-length", "2", "date", "x",
                        "x-approute-cache", "HIT", "x-custom", "kept"), "ok".getBytes(StandardCharsets.UTF_8), null));
        CacheEntry stored = store.get(key.value()).orElseThrow();
        assertThat(stored.headers().names()).containsExactlyInAnyOrder("cache-control", "x-custom");
        // Next 16 keeps a Cache-Control the handler set (metadata routes: public, max-age=0, must-revalidate)
        assertThat(miss.headers().toMap()).containsOnly(
                java.util.Map.entry("cache-control", "public, max-age=60"),
                java.util.Map.entry("x-approute-cache", "MISS"),
                java.util.Map.entry("x-custom", "kept"));
        ServedResponse hit = cache.serve(key, STATIC, () -> {
            throw new AssertionError("a HIT does not render");
        });
        assertThat(hit.cacheStatus()).isEqualTo(CacheStatus.HIT);
        assertThat(hit.headers().get("cache-control")).isEqualTo("public, max-age=60");
    }

    @Test
    void anEntryPastItsExpireIsAMiss() throws Exception {
        CacheKey key = CacheKey.of("/api/isr");
        Counter render = new Counter();
        cache.serve(key, ISR_5, render);
        clock.advance(Duration.ofSeconds(CachePolicy.EXPIRE_SECONDS));
        assertThat(seen(cache.serve(key, ISR_5, render))).isEqualTo("MISS body 2");
        assertThat(background.pending()).isZero();
    }

    @Test
    void aMissRenderThatThrowsPropagatesAndStoresNothing() {
        CacheKey key = CacheKey.of("/api/boom");
        assertThatThrownBy(() -> cache.serve(key, STATIC, () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(store.get(key.value())).isEmpty();
    }

    @Test
    void aFailingStoreNeverFailsTheRequest() throws Exception {
        List<String> failures = new ArrayList<>();
        CacheHandler broken = new CacheHandler() {
            @Override
            public java.util.Optional<CacheEntry> get(String key) {
                throw new IllegalStateException("redis down");
            }

            @Override
            public void set(String key, CacheEntry entry) {
                throw new IllegalStateException("redis down");
            }

            @Override
            public void revalidateTag(String tag, java.time.Instant now, RevalidateProfile profile) {
            }
        };
        ResponseCache degraded = new ResponseCache(broken, clock, background, new ResponseCache.Listener() {
            @Override
            public void storeFailed(String operation, String keyOrTag, RuntimeException error) {
                failures.add(operation + " " + keyOrTag);
            }
        });
        Counter render = new Counter();
        assertThat(seen(degraded.serve(CacheKey.of("/a"), STATIC, render))).isEqualTo("MISS body 1");
        assertThat(failures).containsExactly("get /a", "set /a");
    }

    @Test
    void revalidateTagRefusesReservedAndEmptyTags() {
        assertThatThrownBy(() -> cache.revalidateTag("", RevalidateProfile.MAX)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache.revalidateTag("_N_T_/x", RevalidateProfile.MAX))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
