package dev.approute.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Segment-config caching over HTTP, as `start` serves it (docs/caching.md). */
class CachingHttpTest {
    private static TestApp app;

    // Each render returns a new number, so a repeated body proves it came from the cache.
    private static final String COUNTER = """
            import java.util.concurrent.atomic.AtomicInteger;
            class Counter { static final AtomicInteger RENDERS = new AtomicInteger(); }
            """;

    @BeforeAll
    static void start() {
        app = TestApp.builder().cached(true)
                .file("app/static/Counter.java", COUNTER)
                .file("app/static/route.java", """
                        class Route {
                            static final String dynamic = "force-static";
                            static Response GET(Request request) {
                                Cache.tag("numbers");
                                return Response.json(Map.of("render", Counter.RENDERS.incrementAndGet(), "url", request.url(),
                                        "accept", String.valueOf(request.headers().get("accept"))));
                            }
                            static Response POST() { return Response.json(Map.of("render", Counter.RENDERS.incrementAndGet())); }
                        }
                        """)
                .file("app/isr/Counter.java", COUNTER)
                .file("app/isr/route.java", """
                        class Route {
                            static final int revalidate = 1;
                            static Response GET() { return Response.json(Map.of("render", Counter.RENDERS.incrementAndGet())); }
                        }
                        """)
                .file("app/cookie/route.java", """
                        class Route {
                            static final String dynamic = "force-static";
                            static int renders;
                            static Response GET() { return Response.text("render " + (++renders), init -> init.cookie("seen", "1")); }
                        }
                        """)
                .file("app/dynamic/route.java", """
                        class Route {
                            static int renders;
                            static Response GET() { return Response.text("render " + (++renders)); }
                        }
                        """)
                .file("app/sp/[slug]/route.java", """
                        class Route {
                            static final String dynamic = "force-static";
                            static final boolean dynamicParams = false;
                            static List<Map<String, String>> generateStaticParams() { return List.of(Map.of("slug", "a"), Map.of("slug", "b c")); }
                            static Response GET(Request request, RouteContext ctx) { return Response.json(Map.of("slug", ctx.params().get("slug"))); }
                        }
                        """)
                .file("app/isrp/[slug]/route.java", """
                        class Route {
                            static final int revalidate = 3600;
                            static List<Map<String, String>> generateStaticParams() { return List.of(Map.of("slug", "first")); }
                            static Response GET(Request request, RouteContext ctx) { return Response.json(Map.of("slug", ctx.params().get("slug"))); }
                        }
                        """)
                .file("app/revalidate/route.java", """
                        class Route {
                            static Response POST(Request request) {
                                String tag = request.nextUrl().searchParams().get("tag");
                                if (tag != null) { Cache.revalidateTag(tag); } else { Cache.revalidatePath(request.nextUrl().searchParams().get("path")); }
                                return Response.json(Map.of("revalidated", true));
                            }
                        }
                        """)
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void forceStaticIsPrerenderedAndServedFromTheCacheWhateverTheRequest() {
        HttpResponse<String> first = app.request("GET", "/static?query=1", Map.of("accept", "text/plain"), null);
        HttpResponse<String> second = app.get("/static?query=2");
        assertThat(first.headers().firstValue("x-approute-cache")).hasValue("HIT");
        assertThat(first.headers().firstValue("cache-control")).hasValue("s-maxage=31536000");
        assertThat(second.body()).isEqualTo(first.body());
        // Rendered from the path alone: no query, no request headers.
        assertThat(first.body()).contains("\"url\":\"http://localhost:3000/static\"").contains("\"accept\":\"null\"");
    }

    @Test
    void cacheHitsAreGzippedAndTaggedTheSameEveryTimeAndAnswer304() throws Exception {
        String plain = app.get("/static").body();
        HttpRequest gzipped = HttpRequest.newBuilder(app.uri("/static")).header("accept-encoding", "gzip").build();
        HttpResponse<byte[]> first = app.send(gzipped, HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> second = app.send(gzipped, HttpResponse.BodyHandlers.ofByteArray());

        for (HttpResponse<byte[]> hit : java.util.List.of(first, second)) {
            assertThat(hit.headers().firstValue("x-approute-cache")).contains("HIT");
            assertThat(hit.headers().firstValue("content-encoding")).contains("gzip");
            try (var in = new GZIPInputStream(new ByteArrayInputStream(hit.body()))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain);
            }
        }
        String etag = first.headers().firstValue("etag").orElseThrow();
        assertThat(etag).startsWith("W/");
        assertThat(second.headers().firstValue("etag")).contains(etag);
        HttpResponse<String> notModified = app.request("GET", "/static", Map.of("if-none-match", etag), null);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
    }

    @Test
    void otherMethodsOfACachedFileRunEveryTimeAndHeadAndOptionsWork() {
        HttpResponse<String> post1 = app.request("POST", "/static");
        HttpResponse<String> post2 = app.request("POST", "/static");
        assertThat(post1.headers().firstValue("x-approute-cache")).isEmpty();
        assertThat(post2.body()).isNotEqualTo(post1.body());
        HttpResponse<String> head = app.request("HEAD", "/static");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("x-approute-cache")).hasValue("HIT");
        HttpResponse<String> options = app.request("OPTIONS", "/static");
        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(options.headers().firstValue("allow")).hasValue("GET, HEAD, OPTIONS, POST");
    }

    @Test
    void revalidateTagAndPathMakeTheNextRequestAMiss() {
        String before = app.get("/static").body();
        app.request("POST", "/revalidate?tag=numbers");
        HttpResponse<String> miss = app.get("/static");
        assertThat(miss.headers().firstValue("x-approute-cache")).hasValue("MISS");
        assertThat(miss.body()).isNotEqualTo(before);
        HttpResponse<String> hit = app.get("/static");
        assertThat(hit.headers().firstValue("x-approute-cache")).hasValue("HIT");
        assertThat(hit.body()).isEqualTo(miss.body());

        app.request("POST", "/revalidate?path=/static");
        HttpResponse<String> missAgain = app.get("/static");
        assertThat(missAgain.headers().firstValue("x-approute-cache")).hasValue("MISS");
        assertThat(missAgain.body()).isNotEqualTo(hit.body());
    }

    @Test
    void anExpiredIsrEntryIsServedOnceAsStaleWhileItRegenerates() throws Exception {
        // The build's entry may already be older than 1 s: start from a HIT.
        HttpResponse<String> fresh = awaitHitWithNewBody("");
        assertThat(fresh.headers().firstValue("cache-control")).hasValue("s-maxage=1, stale-while-revalidate=31535999");
        Thread.sleep(1_100); // the entry must be older than its 1 s interval; no timing is asserted
        HttpResponse<String> stale = app.get("/isr");
        assertThat(stale.headers().firstValue("x-approute-cache")).hasValue("STALE");
        assertThat(stale.body()).isEqualTo(fresh.body());
        HttpResponse<String> regenerated = awaitHitWithNewBody(stale.body());
        assertThat(regenerated.body()).isNotEqualTo(stale.body());
    }

    @Test
    void aResponseThatSetsACookieIsNeverStored() {
        HttpResponse<String> first = app.get("/cookie");
        HttpResponse<String> second = app.get("/cookie");
        assertThat(first.headers().firstValue("x-approute-cache")).hasValue("MISS");
        assertThat(second.headers().firstValue("x-approute-cache")).hasValue("MISS");
        assertThat(second.body()).isNotEqualTo(first.body());
        assertThat(second.headers().firstValue("cache-control")).hasValue("private, no-cache, no-store, max-age=0, must-revalidate");
    }

    @Test
    void routesWithoutCachingConfigAreNeverCached() {
        HttpResponse<String> first = app.get("/dynamic");
        HttpResponse<String> second = app.get("/dynamic");
        assertThat(first.headers().firstValue("x-approute-cache")).isEmpty();
        assertThat(first.headers().firstValue("cache-control")).isEmpty();
        assertThat(second.body()).isNotEqualTo(first.body());
    }

    @Test
    void generateStaticParamsArePrerenderedAndDynamicParamsFalseMakesOthers404() {
        HttpResponse<String> a = app.get("/sp/a");
        assertThat(a.statusCode()).isEqualTo(200);
        assertThat(a.headers().firstValue("x-approute-cache")).hasValue("HIT");
        HttpResponse<String> encoded = app.get("/sp/b%20c");
        assertThat(encoded.headers().firstValue("x-approute-cache")).hasValue("HIT");
        assertThat(encoded.body()).isEqualTo("{\"slug\":\"b c\"}");
        HttpResponse<String> other = app.get("/sp/c");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.headers().firstValue("cache-control").orElse("")).doesNotContain("s-maxage");
    }

    @Test
    void paramsOutsideGenerateStaticParamsRenderOnDemandWhenDynamicParamsIsTrue() {
        assertThat(app.get("/isrp/first").headers().firstValue("x-approute-cache")).hasValue("HIT");
        HttpResponse<String> first = app.get("/isrp/second");
        assertThat(first.headers().firstValue("x-approute-cache")).hasValue("MISS");
        assertThat(app.get("/isrp/second").headers().firstValue("x-approute-cache")).hasValue("HIT");
    }

    // The regeneration runs in the background; poll (bounded) until it has landed.
    private static HttpResponse<String> awaitHitWithNewBody(String oldBody) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        HttpResponse<String> response = app.get("/isr");
        while ((response.body().equals(oldBody) || !"HIT".equals(response.headers().firstValue("x-approute-cache").orElse("")))
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
            response = app.get("/isr");
        }
        assertThat(response.headers().firstValue("x-approute-cache")).hasValue("HIT");
        return response;
    }
}
