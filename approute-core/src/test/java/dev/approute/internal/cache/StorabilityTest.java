package dev.approute.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.approute.Headers;
import dev.approute.Request;
import dev.approute.internal.cache.Storability.NotStored;

/** Every never-stored rule, one by one, and that no request input reaches the caching decision. */
class StorabilityTest {
    private static final byte[] BODY = "body".getBytes();

    private static Optional<NotStored> check(int status, Headers headers) {
        return Storability.check(CachedResponse.complete(status, headers, BODY, null));
    }

    @Test
    void aPlain200IsStorable() {
        assertThat(check(200, Headers.of("content-type", "text/plain", "content-length", "4",
                "cache-control", "public, max-age=60", "vary", "accept-encoding"))).isEmpty();
        assertThat(Storability.check(CachedResponse.complete(200, Headers.empty(), new byte[0], null))).isEmpty();
    }

    @Test
    void headRendersAreNeverStored() {
        assertThat(Storability.check(CachedResponse.forHead(200, Headers.empty(), null))).contains(NotStored.HEAD_RESPONSE);
    }

    @Test
    void partialBodiesAreNeverStored() {
        assertThat(Storability.check(CachedResponse.partial(200, Headers.empty(), BODY, null))).contains(NotStored.PARTIAL_BODY);
        assertThat(check(206, Headers.of("content-range", "bytes 0-3/10"))).contains(NotStored.PARTIAL_BODY);
        assertThat(check(200, Headers.of("content-range", "bytes 0-3/10"))).contains(NotStored.PARTIAL_BODY);
        assertThat(check(200, Headers.of("content-length", "10"))).contains(NotStored.PARTIAL_BODY);
        assertThat(check(200, Headers.of("content-length", "four"))).contains(NotStored.PARTIAL_BODY);
    }

    @ParameterizedTest
    @ValueSource(ints = {204, 205})
    void noContentIsNeverStored(int status) {
        assertThat(check(status, Headers.empty())).contains(NotStored.NO_CONTENT);
    }

    @ParameterizedTest
    @ValueSource(ints = {101, 301, 304, 307, 308, 400, 404, 405, 500, 503})
    void non2xxIsNeverStored(int status) {
        assertThat(check(status, Headers.empty())).contains(NotStored.NOT_2XX);
    }

    @Test
    void setCookieIsNeverStored() {
        assertThat(check(200, Headers.of("Set-Cookie", "a=1"))).contains(NotStored.SET_COOKIE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "private|CACHE_CONTROL_PRIVATE",
            "max-age=60, Private|CACHE_CONTROL_PRIVATE",
            "private=\"set-cookie\"|CACHE_CONTROL_PRIVATE",
            "no-store|CACHE_CONTROL_NO_STORE",
            "public, NO-STORE|CACHE_CONTROL_NO_STORE",
    })
    void privateAndNoStoreAreNeverStored(String cacheControl, NotStored reason) {
        assertThat(check(200, Headers.of("cache-control", cacheControl))).contains(reason);
        assertThat(check(200, Headers.of("cache-control", "public", "cache-control", cacheControl))).contains(reason);
    }

    @Test
    void varyStarIsNeverStored() {
        assertThat(check(200, Headers.of("vary", "*"))).contains(NotStored.VARY_STAR);
        assertThat(check(200, Headers.of("vary", "accept-encoding, *"))).contains(NotStored.VARY_STAR);
    }

    @Test
    void rendersThatReadCookiesOrAuthorizationAreNeverStored() {
        assertThat(Storability.check(CachedResponse.complete(200, Headers.empty(), BODY,
                new RenderObservations(true, false, Set.of())))).contains(NotStored.READ_COOKIES);
        assertThat(Storability.check(CachedResponse.complete(200, Headers.empty(), BODY,
                new RenderObservations(false, true, Set.of())))).contains(NotStored.READ_AUTHORIZATION);
    }

    @Test
    void theObserverRecordsReadsOnItsThread() throws Exception {
        RenderObserver observer = new RenderObserver();
        observer.observe(() -> {
            RenderObserver.noteCookiesRead();
            RenderObserver.noteAuthorizationRead();
            return null;
        });
        assertThat(observer.observations()).isEqualTo(new RenderObservations(true, true, Set.of()));
        RenderObserver.noteCookiesRead();   // outside a render: nothing to record, no error
    }

    @Test
    void everyReasonSaysWhy() {
        for (NotStored reason : NotStored.values()) {
            assertThat(reason.message()).isNotBlank();
        }
    }

    @Test
    void noRequestInputReachesTheCachingDecision() {
        // CVE-2024-46982 class: whether and under which key a response is cached depends on the route's policy and
        // canonical path only. No public entry point of the policy takes a request, its headers or its query.
        for (Class<?> type : new Class<?>[] {ResponseCache.class, CachePolicy.class, CacheKey.class, Storability.class}) {
            for (Method method : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers())) {
                    continue;
                }
                assertThat(Arrays.asList(method.getParameterTypes()))
                        .as(type.getSimpleName() + "." + method.getName())
                        .doesNotContain(Request.class, Headers.class);
            }
        }
        assertThat(CacheKey.of("/api/static?__nextDataReq=1&x-now-route-matches=1")).isEqualTo(CacheKey.of("/api/static"));
    }
}
