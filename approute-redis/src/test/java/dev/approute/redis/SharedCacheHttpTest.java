package dev.approute.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.approute.testing.TestApp;

/**
 * Two app servers in cached mode sharing one real Redis, as two instances behind a load balancer: an entry rendered
 * by one is a HIT on the other, a revalidation on one holds on the other, and a Redis that goes away turns cached
 * routes into plain renders (MISS, 200) until it is back.
 */
class SharedCacheHttpTest {
    // Each render carries a fresh random id, so equal bodies prove one render was served from the shared store.
    private static final String RENDERED = """
            class Route {
                static final String dynamic = "force-static";
                static Response GET() {
                    Cache.tag("posts");
                    return Response.text("render " + java.util.UUID.randomUUID());
                }
            }
            """;
    private static final String REVALIDATE = """
            class Route {
                static Response POST(Request request) {
                    var query = request.nextUrl().searchParams();
                    Cache.revalidateTag(query.get("tag"), query.get("profile"));
                    return Response.json(Map.of("revalidated", true));
                }
            }
            """;

    private RedisServer redis;
    private TestApp one;
    private TestApp two;

    @BeforeEach
    void start() {
        redis = RedisServer.start();
        one = app();
        two = app();
    }

    @AfterEach
    void stop() {
        try (RedisServer server = redis; TestApp first = one; TestApp second = two) {
            // closes both apps, then Redis
        }
    }

    private TestApp app() {
        return TestApp.builder().cacheUrl(redis.url("prefix=shared-test:"))
                .file("app/api/posts/route.java", RENDERED)
                .file("app/api/revalidate/route.java", REVALIDATE)
                .start();
    }

    @Test
    void theSecondInstanceServesTheFirstInstancesPrerenderAndKeepsItsOwnOutOfRedis() {
        assertThat(one.log()).anyMatch(line -> line.contains("1 prerendered entries seeded, 0 already there"));
        assertThat(two.log()).anyMatch(line -> line.contains("0 prerendered entries seeded, 1 already there"));
        HttpResponse<String> fromOne = one.get("/api/posts");
        HttpResponse<String> fromTwo = two.get("/api/posts");
        assertThat(cacheStatus(fromOne)).isEqualTo("HIT");
        assertThat(cacheStatus(fromTwo)).isEqualTo("HIT");
        assertThat(fromTwo.body()).isEqualTo(fromOne.body());
    }

    @Test
    void revalidateTagZeroOnOneInstanceIsAMissOnTheOtherAndItsRenderIsSharedBack() {
        String before = one.get("/api/posts").body();
        assertThat(one.request("POST", "/api/revalidate?tag=posts&profile=0").statusCode()).isEqualTo(200);

        HttpResponse<String> miss = two.get("/api/posts");
        assertThat(cacheStatus(miss)).isEqualTo("MISS");
        assertThat(miss.body()).isNotEqualTo(before);
        HttpResponse<String> hitOnOne = one.get("/api/posts");
        assertThat(cacheStatus(hitOnOne)).isEqualTo("HIT");
        assertThat(hitOnOne.body()).isEqualTo(miss.body());
    }

    @Test
    void revalidateTagMaxOnOneInstanceIsStaleOnceOnTheOtherThenTheNewRender() throws Exception {
        String before = one.get("/api/posts").body();
        two.request("POST", "/api/revalidate?tag=posts&profile=max");

        HttpResponse<String> stale = one.get("/api/posts");
        assertThat(cacheStatus(stale)).isEqualTo("STALE");
        assertThat(stale.body()).isEqualTo(before);
        // Instance one regenerates in the background; instance two then gets that render from Redis.
        HttpResponse<String> fresh = awaitStatus(one, "HIT");
        assertThat(fresh.body()).isNotEqualTo(before);
        HttpResponse<String> onTwo = two.get("/api/posts");
        assertThat(cacheStatus(onTwo)).isEqualTo("HIT");
        assertThat(onTwo.body()).isEqualTo(fresh.body());
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void withRedisGoneCachedRoutesAreRenderedAndServedAndTheCacheReturnsWithRedis() throws Exception {
        redis.pause();   // a Redis that never answers: each call ends at the client timeout
        try {
            HttpResponse<String> first = getWithin(one, Duration.ofSeconds(30));
            HttpResponse<String> second = getWithin(one, Duration.ofSeconds(30));
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(cacheStatus(first)).isEqualTo("MISS");
            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(second.body()).isNotEqualTo(first.body());
        } finally {
            redis.resume();
        }

        redis.stop();    // connection refused
        HttpResponse<String> refused = getWithin(two, Duration.ofSeconds(30));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(cacheStatus(refused)).isEqualTo("MISS");
        assertThat(refused.body()).startsWith("render ");

        redis.restart(); // empty: the next render is stored again and shared
        HttpResponse<String> hit = awaitStatus(two, "HIT");
        assertThat(awaitStatus(one, "HIT").body()).isEqualTo(hit.body());
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anInstanceStartingWhileRedisIsDownSaysItSeededNothingAndServes() {
        redis.stop();
        try (TestApp late = app()) {
            assertThat(late.log()).anyMatch(line -> line.contains("prerendered entries NOT seeded")
                    && line.contains("routes render on their first request"));
            HttpResponse<String> served = getWithin(late, Duration.ofSeconds(30));
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(cacheStatus(served)).isEqualTo("MISS");
        }
    }

    private static String cacheStatus(HttpResponse<String> response) {
        return response.headers().firstValue("x-approute-cache").orElse("none");
    }

    // The time limit only turns a hang into a failure; nothing here measures speed.
    private static HttpResponse<String> getWithin(TestApp app, Duration limit) {
        return app.send(HttpRequest.newBuilder(app.uri("/api/posts")).timeout(limit).GET().build());
    }

    private static HttpResponse<String> awaitStatus(TestApp app, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> response = app.get("/api/posts");
        while (!cacheStatus(response).equals(status) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            response = app.get("/api/posts");
        }
        assertThat(cacheStatus(response)).as("x-approute-cache of GET /api/posts").isEqualTo(status);
        return response;
    }
}
