package dev.approute.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The data cache over HTTP, as {@code start} serves it (docs/caching.md, "The data cache"): apps fetch from a local
 * {@link Upstream} that counts requests, so a repeated count proves the data came from the cache.
 */
class DataCacheHttpTest {
    private static Upstream upstream;
    private static TestApp app;

    private static final String REVALIDATE = """
            class Route {
                static Response POST(Request request) {
                    Cache.revalidateTag(request.nextUrl().searchParams().get("tag"));
                    return Response.json(Map.of("revalidated", true));
                }
            }
            """;

    @BeforeAll
    static void start() {
        upstream = new Upstream();
        app = TestApp.builder().cached(true).dev(true)
                .file("app/isr-posts/route.java", withUpstream("""
                        class Route {
                            static final int revalidate = 3600;
                            static Response GET() {
                                FetchResponse res = Fetch.get("UP/posts?t=isr", init -> init.revalidate(3600).tags("posts"));
                                return Response.json(Map.of("upstream", res.json(Map.class).get("hit")));
                            }
                        }
                        """))
                .file("app/feed/route.java", withUpstream("""
                        class Route {
                            static final String dynamic = "force-static";
                            static Response GET() {
                                // Not cached as data (fetchCache auto, no option), but its tag still marks the response.
                                return Response.text(Fetch.get("UP/posts?t=feed", init -> init.tags("feed")).text());
                            }
                        }
                        """))
                .file("app/users/route.java", """
                        import java.util.concurrent.atomic.AtomicInteger;
                        class Route {
                            record User(String name, int load) {}
                            static final TypeRef<List<User>> USERS = new TypeRef<>() {};
                            static final AtomicInteger LOADS = new AtomicInteger();
                            static Response GET() {
                                List<User> users = Cache.cached(List.of("users"), USERS, options -> options.tags("users"),
                                        () -> List.of(new User("ada", LOADS.incrementAndGet())));
                                return Response.text(users + " loads=" + LOADS.get());
                            }
                        }
                        """)
                .file("app/live/route.java", withUpstream("""
                        class Route {
                            static final int revalidate = 60;
                            static Response GET() {
                                return Response.text(Fetch.get("UP/posts?t=live", init -> init.cache("no-store")).text());
                            }
                        }
                        """))
                .file("app/only-no-store/route.java", withUpstream("""
                        class Route {
                            static final String fetchCache = "only-no-store";
                            static Response GET() {
                                return Response.text(Fetch.get("UP/posts?t=only", init -> init.cache("force-cache")).text());
                            }
                        }
                        """))
                .file("app/force-no-store/route.java", withUpstream("""
                        class Route {
                            static final String fetchCache = "force-no-store";
                            static Response GET() {
                                return Response.text(Fetch.get("UP/posts?t=forced", init -> init.cache("force-cache")).text());
                            }
                        }
                        """))
                .file("app/upstream-says/route.java", withUpstream("""
                        class Route {
                            static Response GET(Request request) {
                                String path = request.nextUrl().searchParams().get("path");
                                FetchResponse res = Fetch.get("UP/" + path, init -> init.cache("force-cache"));
                                return Response.text(res.status() + " " + res.text());
                            }
                        }
                        """))
                .file("app/graphql/route.java", withUpstream("""
                        class Route {
                            static Response POST(Request request) {
                                String query = request.text();
                                return Response.text(Fetch.send("UP/posts?t=graphql", init -> init.method("POST")
                                        .json(Map.of("query", query)).cache("force-cache")).text());
                            }
                        }
                        """))
                .file("app/background/route.java", withUpstream("""
                        class Route {
                            static Response GET() throws Exception {
                                // A thread the app starts has no request: data calls still work there.
                                String[] seen = new String[2];
                                Thread worker = Thread.ofVirtual().start(() -> {
                                    seen[0] = Fetch.get("UP/posts?t=background", init -> init.revalidate(60)).text();
                                    seen[1] = Cache.cached(List.of("background"), String.class, () -> "computed");
                                });
                                worker.join();
                                return Response.text(seen[0] + " " + seen[1]);
                            }
                        }
                        """))
                .file("app/revalidate/route.java", REVALIDATE)
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
        upstream.close();
    }

    private static String withUpstream(String source) {
        return source.replace("UP/", upstream.url("/"));
    }

    private static String cacheStatus(HttpResponse<String> response) {
        return response.headers().firstValue("x-approute-cache").orElse("none");
    }

    @Test
    void revalidatingAFetchTagRefreshesTheDataAndTheResponseBuiltFromIt() {
        HttpResponse<String> first = app.get("/isr-posts");
        assertThat(cacheStatus(first)).isEqualTo("HIT");
        assertThat(first.body()).isEqualTo("{\"upstream\":1}");
        assertThat(app.get("/isr-posts").body()).isEqualTo("{\"upstream\":1}");
        assertThat(upstream.hits("GET /posts?t=isr")).as("fetched once, by the build").isEqualTo(1);

        assertThat(app.request("POST", "/revalidate?tag=posts").statusCode()).isEqualTo(200);
        HttpResponse<String> refreshed = app.get("/isr-posts");
        assertThat(cacheStatus(refreshed)).isEqualTo("MISS");
        // 2, not 1: the data entry was revalidated too; the response alone would have re-read the cached data.
        assertThat(refreshed.body()).isEqualTo("{\"upstream\":2}");
        assertThat(cacheStatus(app.get("/isr-posts"))).isEqualTo("HIT");
        assertThat(upstream.hits("GET /posts?t=isr")).isEqualTo(2);
    }

    @Test
    void theTagOfAnUncachedFetchStillMarksTheResponseItWasRenderedInto() {
        assertThat(app.get("/feed").body()).isEqualTo("{\"hit\":1}");
        assertThat(app.get("/feed").body()).isEqualTo("{\"hit\":1}");
        app.request("POST", "/revalidate?tag=feed");
        assertThat(app.get("/feed").body()).isEqualTo("{\"hit\":2}");
    }

    @Test
    void cachedRunsItsLoaderOnceUntilItsTagIsRevalidatedAndRecordsSurviveTheJsonRoundTrip() {
        assertThat(app.get("/users").body()).isEqualTo("[User[name=ada, load=1]] loads=1");
        assertThat(app.get("/users").body()).isEqualTo("[User[name=ada, load=1]] loads=1");
        app.request("POST", "/revalidate?tag=users");
        assertThat(app.get("/users").body()).isEqualTo("[User[name=ada, load=2]] loads=2");
    }

    @Test
    void aNoStoreFetchInARevalidatingRouteMakesItRenderOnEveryRequest() {
        int before = upstream.hits("GET /posts?t=live");
        HttpResponse<String> first = app.get("/live");
        HttpResponse<String> second = app.get("/live");
        assertThat(cacheStatus(first)).isEqualTo("MISS");
        assertThat(cacheStatus(second)).isEqualTo("MISS");
        assertThat(second.headers().firstValue("cache-control")).hasValue("private, no-cache, no-store, max-age=0, must-revalidate");
        assertThat(upstream.hits("GET /posts?t=live")).isEqualTo(before + 2);
    }

    @Test
    void forceCacheUnderOnlyNoStoreIsAnErrorNamingTheRouteFileAndTheFetch() {
        HttpResponse<String> response = app.get("/only-no-store");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(app.log()).anySatisfy(line -> assertThat(line)
                .contains("app/only-no-store/route.java")
                .contains("GET " + upstream.url("/posts?t=only"))
                .contains("fetchCache = \"only-no-store\"")
                .contains("fix:"));
        assertThat(upstream.hits("GET /posts?t=only")).isZero();
    }

    @Test
    void forceNoStoreFetchesEveryTimeEvenWhenTheFetchAsksForForceCache() {
        app.get("/force-no-store");
        app.get("/force-no-store");
        assertThat(upstream.hits("GET /posts?t=forced")).isEqualTo(2);
    }

    @Test
    void aForceCacheFetchIsServedFromTheDataCacheButNeverAnErrorOrANoStoreAnswer() {
        assertThat(app.get("/upstream-says?path=posts%3Ft%3Dplain").body()).isEqualTo("200 {\"hit\":1}");
        assertThat(app.get("/upstream-says?path=posts%3Ft%3Dplain").body()).isEqualTo("200 {\"hit\":1}");
        assertThat(app.get("/upstream-says?path=broken").body()).isEqualTo("503 {\"hit\":1}");
        assertThat(app.get("/upstream-says?path=broken").body()).isEqualTo("503 {\"hit\":2}");
        assertThat(app.get("/upstream-says?path=no-store").body()).isEqualTo("200 {\"hit\":1}");
        assertThat(app.get("/upstream-says?path=no-store").body()).isEqualTo("200 {\"hit\":2}");
    }

    @Test
    void anExplicitlyCachedPostIsKeyedByItsBody() {
        assertThat(app.request("POST", "/graphql", java.util.Map.of(), "posts")).extracting(HttpResponse::body)
                .isEqualTo("{\"body\":\"{\\\"query\\\":\\\"posts\\\"}\",\"hit\":1}");
        assertThat(app.request("POST", "/graphql", java.util.Map.of(), "posts").body()).contains("\"hit\":1");
        assertThat(app.request("POST", "/graphql", java.util.Map.of(), "users").body()).contains("\"hit\":2");
        assertThat(upstream.hits("POST /posts?t=graphql")).isEqualTo(2);
    }

    @Test
    void dataCallsWorkOnAThreadWithoutARequest() {
        HttpResponse<String> response = app.get("/background");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"hit\":1} computed");
        assertThat(app.get("/background").body()).as("revalidate(60): cached").isEqualTo("{\"hit\":1} computed");
    }

    @Test
    void aRestartKeepsTheDataEntries() {
        try (Upstream own = new Upstream()) {
            TestApp first = TestApp.builder().cached(true)
                    .file("app/data/route.java", """
                            class Route {
                                static Response GET() {
                                    return Response.text(Fetch.get("URL", init -> init.cache("force-cache")).text());
                                }
                            }
                            """.replace("URL", own.url("/posts")))
                    .start();
            assertThat(first.get("/data").body()).isEqualTo("{\"hit\":1}");
            TestApp second = first.restart();
            try {
                assertThat(second.get("/data").body()).isEqualTo("{\"hit\":1}");
                assertThat(own.hits("GET /posts")).isEqualTo(1);
            } finally {
                second.close();
            }
        }
    }

    @Test
    void devCachesDataInMemoryAndRevalidateTagReachesIt() {
        try (TestApp dev = TestApp.builder().dev(true)
                .file("app/data/route.java", withUpstream("""
                        class Route {
                            static Response GET() {
                                return Response.text(Fetch.get("UP/posts?t=dev", init -> init.cache("force-cache").tags("dev")).text());
                            }
                        }
                        """))
                .file("app/revalidate/route.java", REVALIDATE)
                .start()) {
            assertThat(dev.get("/data").body()).isEqualTo("{\"hit\":1}");
            assertThat(dev.get("/data").body()).isEqualTo("{\"hit\":1}");
            dev.request("POST", "/revalidate?tag=dev");
            assertThat(dev.get("/data").body()).isEqualTo("{\"hit\":2}");
        }
    }
}
