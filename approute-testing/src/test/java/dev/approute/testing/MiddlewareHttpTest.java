package dev.approute.testing;

import static dev.approute.testing.TestApp.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** middleware.java over HTTP (docs/middleware.md): each thing middleware can do, and every kind of answer it wraps. */
class MiddlewareHttpTest {
    private static TestApp app;

    private static final String MIDDLEWARE = """
            import probe.Hits;

            class Middleware {
                static final Matcher[] matcher = {
                    Matcher.source("/api/:path*"),
                    Matcher.source("/page"),
                    Matcher.source("/cached"),
                    Matcher.source("/stream"),
                    Matcher.source("/gated/:rest*").has(Condition.header("x-gate", "open")).missing(Condition.cookie("skip")),
                };

                static Response handle(Request request, Next next) {
                    Hits.MIDDLEWARE.incrementAndGet();
                    switch (request.nextUrl().pathname()) {
                        case "/api/login-required" -> {
                            if (request.cookies().get("session") == null) {
                                return Response.redirect("/login");
                            }
                        }
                        case "/api/deny" -> {
                            return Response.json(Map.of("error", "denied by middleware"), init -> init.status(401));
                        }
                        case "/api/old" -> {
                            return next.rewrite("/api/echo").with(init -> init.header("x-mw", "rewrote"));
                        }
                        case "/api/old-query" -> {
                            return next.rewrite("/api/echo?from=rewrite");
                        }
                        case "/api/same-origin" -> {
                            return next.rewrite(request.nextUrl().withPathname("/api/echo"));
                        }
                        case "/api/elsewhere" -> {
                            return next.rewrite("https://example.com/api/echo");
                        }
                        case "/api/navigate" -> Navigation.redirect("/somewhere");
                        case "/api/twice" -> {
                            next.next();
                            return next.next();
                        }
                        case "/api/throws" -> throw new IllegalStateException("middleware broke on purpose");
                        case "/api/null" -> {
                            return null;
                        }
                        case "/api/reserved" -> {
                            return next.next(headers -> headers.set("x-approute-user", "1"));
                        }
                        case "/api/cookies" -> Current.cookies().set("from-mw", "m1");
                        case "/api/body" -> {
                            String text = request.text();
                            return next.next(headers -> headers.set("x-mw-body", text));
                        }
                        default -> { }
                    }
                    Response response = next.next(headers -> headers.set("x-user", "42").remove("x-remove-me"));
                    return response.with(init -> init.header("x-mw", "ran"));
                }
            }
            """;

    @BeforeAll
    static void start() {
        app = TestApp.builder().cached(true).dev(true)
                .file("src/probe/Hits.java", """
                        package probe;
                        import java.util.concurrent.atomic.AtomicInteger;
                        public final class Hits {
                            public static final AtomicInteger MIDDLEWARE = new AtomicInteger();
                            public static final AtomicInteger RENDERS = new AtomicInteger();
                        }
                        """)
                .file("middleware.java", MIDDLEWARE)
                .file("app/api/echo/route.java", """
                        class Route {
                            static Response GET(Request request) {
                                Map<String, Object> body = new LinkedHashMap<>();
                                body.put("path", request.nextUrl().pathname());
                                body.put("query", request.nextUrl().search());
                                body.put("user", String.valueOf(request.headers().get("x-user")));
                                body.put("currentUser", String.valueOf(Current.headers().get("x-user")));
                                body.put("removed", String.valueOf(request.headers().get("x-remove-me")));
                                return Response.json(body);
                            }
                            static Response DELETE() { return Response.text("deleted"); }
                        }
                        """)
                .file("app/api/login-required/route.java", "class Route { static Response GET() { return Response.text(\"secret\"); } }")
                .file("app/api/deny/route.java", """
                        class Route { static Response GET() { probe.Hits.RENDERS.incrementAndGet(); return Response.text("must not run"); } }
                        """)
                .file("app/api/cookies/route.java", """
                        class Route {
                            static Response GET(Request request) {
                                Cookie fromMiddleware = Current.cookies().get("from-mw");
                                Current.cookies().set("from-handler", "h1");
                                return Response.json(Map.of("seen", fromMiddleware == null ? "none" : fromMiddleware.value(),
                                        "requestCookies", request.cookies().getAll().size()));
                            }
                        }
                        """)
                .file("app/api/body/route.java", """
                        class Route {
                            static Response POST(Request request) {
                                return Response.text("handler read " + request.text() + ", middleware read " + request.headers().get("x-mw-body"));
                            }
                        }
                        """)
                .file("app/api/hits/route.java", "class Route { static Response GET() { return Response.text(\"\" + probe.Hits.MIDDLEWARE.get()); } }")
                .file("app/api/boom/route.java", "class Route { static Response GET() { throw new IllegalStateException(\"handler broke\"); } }")
                .file("app/outside/route.java", "class Route { static Response GET() { return Response.text(\"outside\"); } }")
                .file("app/page/page.html", "<p>static page</p>")
                .file("app/cached/route.java", """
                        class Route {
                            static final String dynamic = "force-static";
                            static Response GET() { return Response.text("render " + probe.Hits.RENDERS.incrementAndGet()); }
                        }
                        """)
                .file("app/stream/route.java", """
                        class Route {
                            static Response GET() {
                                return Response.stream(sink -> { sink.send("one,"); sink.send("two"); }, init -> init.contentType("text/plain"));
                            }
                        }
                        """)
                .file("app/gated/x/route.java", "class Route { static Response GET() { return Response.text(\"gated\"); } }")
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    // How often middleware ran so far; this read runs it too (/api/hits is under the matcher), before the count is read.
    private static int hits() {
        return Integer.parseInt(app.get("/api/hits").body());
    }

    @Test
    void continuesAndActsAfterTheHandler() {
        HttpResponse<String> response = app.get("/api/echo?a=1");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "x-mw")).isEqualTo("ran");
        assertThat(response.body()).contains("\"path\":\"/api/echo\"").contains("\"query\":\"?a=1\"");
    }

    @Test
    void requestHeadersItSetsReachTheHandlerAndRemovedOnesDoNot() {
        HttpResponse<String> response = app.request("GET", "/api/echo", Map.of("x-remove-me", "client"), null);
        assertThat(response.body()).contains("\"user\":\"42\"").contains("\"currentUser\":\"42\"").contains("\"removed\":\"null\"");
    }

    @Test
    void theReservedPrefixCannotBeSetEither() {
        HttpResponse<String> response = app.get("/api/reserved");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("x-approute-user").contains("reserved").contains("middleware.java");
    }

    @Test
    void rewriteServesAnotherRouteKeepingTheQuery() {
        HttpResponse<String> response = app.get("/api/old?keep=1");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "x-mw")).isEqualTo("rewrote");
        assertThat(response.body()).contains("\"path\":\"/api/echo\"").contains("\"query\":\"?keep=1\"");
        assertThat(app.get("/api/old-query?keep=1").body()).contains("\"query\":\"?from=rewrite\"");
        assertThat(app.get("/api/same-origin?q=2").body()).contains("\"path\":\"/api/echo\"").contains("\"query\":\"?q=2\"");
    }

    @Test
    void rewriteToAnotherHostIsAnErrorNotAProxy() {
        HttpResponse<String> response = app.get("/api/elsewhere");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("does not proxy").contains("middleware.java");
        assertThat(app.log()).anySatisfy(line -> assertThat(line).contains("middleware.java").contains("does not proxy"));
    }

    @Test
    void redirectsAndAnswersWithoutRunningTheRoute() {
        HttpResponse<String> redirect = app.get("/api/login-required");
        assertThat(redirect.statusCode()).isEqualTo(307);
        assertThat(header(redirect, "location")).isEqualTo("/login");
        HttpResponse<String> allowed = app.request("GET", "/api/login-required", Map.of("cookie", "session=abc"), null);
        assertThat(allowed.body()).isEqualTo("secret");

        HttpResponse<String> navigated = app.get("/api/navigate");
        assertThat(navigated.statusCode()).isEqualTo(307);
        assertThat(header(navigated, "location")).isEqualTo("/somewhere");

        HttpResponse<String> denied = app.get("/api/deny");
        assertThat(denied.statusCode()).isEqualTo(401);
        assertThat(denied.body()).contains("denied by middleware");
        assertThat(app.get("/api/deny").body()).doesNotContain("must not run");
    }

    @Test
    void cookiesItSetsReachTheHandlerAndTheResponse() {
        HttpResponse<String> response = app.request("GET", "/api/cookies", Map.of("cookie", "a=1; b=2"), null);
        assertThat(response.body()).contains("\"seen\":\"m1\"").contains("\"requestCookies\":2");
        List<String> setCookies = response.headers().allValues("set-cookie");
        assertThat(setCookies).anySatisfy(value -> assertThat(value).startsWith("from-mw=m1"));
        assertThat(setCookies).anySatisfy(value -> assertThat(value).startsWith("from-handler=h1"));
        assertThat(setCookies).hasSize(2);
    }

    @Test
    void aBodyReadByMiddlewareStillReachesTheHandler() {
        HttpResponse<String> response = app.request("POST", "/api/body", Map.of("content-type", "text/plain"), "hello");
        assertThat(response.body()).isEqualTo("handler read hello, middleware read hello");
    }

    @Test
    void matcherConditionsChooseTheRequests() {
        assertThat(header(app.get("/gated/x"), "x-mw")).isNull();
        assertThat(header(app.request("GET", "/gated/x", Map.of("x-gate", "open"), null), "x-mw")).isEqualTo("ran");
        assertThat(header(app.request("GET", "/gated/x", Map.of("x-gate", "closed"), null), "x-mw")).isNull();
        assertThat(header(app.request("GET", "/gated/x", Map.of("x-gate", "open", "cookie", "skip=1"), null), "x-mw")).isNull();
        assertThat(header(app.get("/outside"), "x-mw")).isNull();
    }

    @Test
    void everyKindOfAnswerPassesThroughIt() {
        HttpResponse<String> notFound = app.get("/api/nothing-here");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(header(notFound, "x-mw")).isEqualTo("ran");

        HttpResponse<String> notAllowed = app.request("PUT", "/api/echo");
        assertThat(notAllowed.statusCode()).isEqualTo(405);
        assertThat(header(notAllowed, "allow")).isEqualTo("DELETE, GET, HEAD, OPTIONS");
        assertThat(header(notAllowed, "x-mw")).isEqualTo("ran");

        HttpResponse<String> options = app.request("OPTIONS", "/api/echo");
        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(header(options, "x-mw")).isEqualTo("ran");

        HttpResponse<String> head = app.request("HEAD", "/api/echo");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(header(head, "x-mw")).isEqualTo("ran");

        HttpResponse<String> page = app.get("/page");
        assertThat(page.body()).isEqualTo("<p>static page</p>");
        assertThat(header(page, "x-mw")).isEqualTo("ran");

        HttpResponse<String> stream = app.get("/stream");
        assertThat(stream.body()).isEqualTo("one,two");
        assertThat(header(stream, "x-mw")).isEqualTo("ran");
        assertThat(header(stream, "content-length")).isNull();
    }

    @Test
    void etagsAnd304AndGzipApplyOnceToWhatItReturns() {
        HttpResponse<String> first = app.get("/api/echo?etag=1");
        String etag = header(first, "etag");
        assertThat(etag).isNotNull();
        HttpResponse<String> notModified = app.request("GET", "/api/echo?etag=1", Map.of("if-none-match", etag), null);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(header(notModified, "x-mw")).isEqualTo("ran");
        HttpResponse<String> gzipped = app.request("GET", "/api/echo?etag=1", Map.of("accept-encoding", "gzip"), null);
        assertThat(header(gzipped, "content-encoding")).isEqualTo("gzip");
        assertThat(gzipped.headers().allValues("content-encoding")).hasSize(1);
    }

    @Test
    void cachedAnswersAreServedThroughItOnEveryRequest() {
        int before = hits();
        HttpResponse<String> first = app.get("/cached");
        HttpResponse<String> second = app.get("/cached");
        assertThat(header(first, "x-approute-cache")).isEqualTo("HIT");
        assertThat(header(second, "x-approute-cache")).isEqualTo("HIT");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(header(first, "x-mw")).isEqualTo("ran");
        assertThat(header(second, "x-mw")).isEqualTo("ran");
        assertThat(hits()).isEqualTo(before + 2 + 1);
    }

    @Test
    void theCanonicalRedirectComesFirstAndMiddlewareRunsWhereItLeads() {
        HttpResponse<String> redirect = app.get("/api/echo/");
        assertThat(redirect.statusCode()).isEqualTo(308);
        assertThat(header(redirect, "x-mw")).isNull();
        assertThat(header(redirect, "location")).isEqualTo("/api/echo");
    }

    @Test
    void failuresAreReportedWithTheFile() {
        HttpResponse<String> thrown = app.get("/api/throws");
        assertThat(thrown.statusCode()).isEqualTo(500);
        assertThat(thrown.body()).contains("middleware broke on purpose").contains("middleware.java");

        HttpResponse<String> none = app.get("/api/null");
        assertThat(none.statusCode()).isEqualTo(500);
        assertThat(none.body()).contains("middleware.java").contains("next.next()");

        HttpResponse<String> twice = app.get("/api/twice");
        assertThat(twice.statusCode()).isEqualTo(500);
        assertThat(twice.body()).contains("already called");
    }

    @Test
    void aHandlerFailureReachesMiddlewareAsA500() {
        HttpResponse<String> response = app.get("/api/boom");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("app/api/boom/route.java").contains("handler broke");
        assertThat(header(response, "x-mw")).isEqualTo("ran");
    }
}
