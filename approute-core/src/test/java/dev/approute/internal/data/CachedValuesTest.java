package dev.approute.internal.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.approute.Headers;
import dev.approute.TypeRef;
import dev.approute.internal.cache.CacheEntry;
import dev.approute.internal.cache.MemoryCacheHandler;
import dev.approute.internal.cache.RenderObservations;
import dev.approute.internal.cache.RenderObserver;
import dev.approute.internal.cache.TestClock;

/** Cache.cached below the public API: JSON round trips, tags flowing to entries and renders, uncached reads. */
class CachedValuesTest {
    private static final TypeRef<List<String>> STRINGS = new TypeRef<>() { };
    private static final DataRoute ISR = new DataRoute("app/api/posts/route.java", "auto", "auto", 60);
    private static final DataRoute FORCE_STATIC = new DataRoute("app/api/posts/route.java", "auto", "force-static", null);

    private final TestClock clock = new TestClock();
    private final MemoryCacheHandler store = new MemoryCacheHandler(16L << 20);
    private final DataCache cache = new DataCache(store, clock, Runnable::run);
    private final DataContext context = new DataContext(cache, ISR);
    private final AtomicInteger loads = new AtomicInteger();

    private List<String> posts(DataContext in, DataRevalidate revalidate, String... tags) throws Exception {
        return CachedValues.get(in, List.of("posts"), STRINGS.type(), revalidate, Set.of(tags),
                () -> List.of("post " + loads.incrementAndGet()));
    }

    @Test
    void aValueIsLoadedOnceAndEveryCallGetsItsOwnDecodedCopy() throws Exception {
        List<String> first = posts(context, DataRevalidate.NEVER);
        List<String> second = posts(context, DataRevalidate.NEVER);
        assertThat(first).containsExactly("post 1");
        assertThat(second).isEqualTo(first).isNotSameAs(first);
        assertThat(loads).hasValue(1);
    }

    @Test
    void revalidateZeroAndForceNoStoreRunTheLoaderEveryTime() throws Exception {
        posts(context, DataRevalidate.seconds(0));
        posts(context, DataRevalidate.seconds(0));
        DataContext forceNoStore = new DataContext(cache, new DataRoute("app/x/route.java", "force-no-store", "auto", null));
        posts(forceNoStore, DataRevalidate.NEVER);
        posts(forceNoStore, DataRevalidate.NEVER);
        assertThat(loads).hasValue(4);
        assertThat(store.size()).isZero();
    }

    @Test
    void tagsOfAValueAndOfEverythingItsLoaderReadAttachToTheEntryAndTheRender() throws Exception {
        RenderObserver observer = new RenderObserver();
        Map<?, ?> outer = observer.observe(() -> CachedValues.get(context, List.of("page"), Map.class, DataRevalidate.NEVER,
                Set.of("page"), () -> Map.of("posts", posts(context, DataRevalidate.NEVER, "posts"))));
        assertThat(outer).isEqualTo(Map.of("posts", List.of("post 1")));
        assertThat(observer.observations().tags()).containsExactlyInAnyOrder("page", "posts");

        // The entry remembers the inner tag: revalidating it refreshes the outer value, and a later render still
        // learns both tags from a HIT.
        RenderObserver later = new RenderObserver();
        later.observe(() -> CachedValues.get(context, List.of("page"), Map.class, DataRevalidate.NEVER, Set.of("page"),
                () -> Map.of("unused", true)));
        assertThat(later.observations().tags()).containsExactlyInAnyOrder("page", "posts");

        clock.advance(Duration.ofSeconds(1));
        cache.revalidateTag("posts", dev.approute.internal.cache.RevalidateProfile.EXPIRE_NOW);
        clock.advance(Duration.ofSeconds(1));
        Map<?, ?> refreshed = CachedValues.get(context, List.of("page"), Map.class, DataRevalidate.NEVER, Set.of("page"),
                () -> Map.of("posts", posts(context, DataRevalidate.NEVER, "posts")));
        assertThat(refreshed).as("nested reads are not cached on their own: the outer entry is the cache")
                .isEqualTo(Map.of("posts", List.of("post 2")));
    }

    @Test
    void anUncachedReadInACachedRenderIsDynamicUsageAndKeepsTheResponseFromBeingStoredUnlessForceStatic() throws Exception {
        RenderObserver isr = new RenderObserver();
        isr.observe(() -> posts(context, DataRevalidate.seconds(0)));
        RenderObservations seen = isr.observations();
        assertThat(seen.dynamicUsages()).containsExactly("uncached Cache.cached [posts]");
        assertThat(seen.uncachedData()).containsExactly("Cache.cached [posts]");

        RenderObserver forceStatic = new RenderObserver();
        forceStatic.observe(() -> posts(new DataContext(cache, FORCE_STATIC), DataRevalidate.seconds(0)));
        assertThat(forceStatic.observations().dynamicUsages()).containsExactly("uncached Cache.cached [posts]");
        assertThat(forceStatic.observations().uncachedData()).isEmpty();

        RenderObserver cachedRead = new RenderObserver();
        cachedRead.observe(() -> posts(context, DataRevalidate.seconds(60)));
        assertThat(cachedRead.observations().dynamicUsages()).isEmpty();
        assertThat(cachedRead.observations().uncachedData()).isEmpty();
    }

    @Test
    void aStoredValueThatNoLongerDecodesIsLoadedAgain() throws Exception {
        String key = DataKeys.cached(List.of("posts"), STRINGS.type().getTypeName());
        store.set(key, new CacheEntry(200, Headers.empty(), "{\"shape\":\"old\"}".getBytes(StandardCharsets.UTF_8),
                clock.instant(), null, null, Set.of()));
        assertThat(posts(context, DataRevalidate.NEVER)).containsExactly("post 1");
        assertThat(posts(context, DataRevalidate.NEVER)).containsExactly("post 1");
        assertThat(loads).hasValue(1);
    }

    /** No visible properties: Jackson would store {} and give back an empty object. */
    static final class Opaque {
        @SuppressWarnings("unused")
        private final int hidden = 42;
    }

    @Test
    void aValueJacksonCannotStoreIsRefusedWithTheFix() {
        assertThatThrownBy(() -> CachedValues.get(context, List.of("opaque"), Opaque.class, DataRevalidate.NEVER, Set.of(),
                Opaque::new))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cache.cached [opaque]")
                .hasMessageContaining("cannot be stored as JSON")
                .hasMessageContaining("fix:");
    }
}
