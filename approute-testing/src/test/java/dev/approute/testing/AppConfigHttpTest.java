package dev.approute.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** approute.json over HTTP (docs/config.md): one app per group of keys, served as {@code start} serves it. */
class AppConfigHttpTest {
    private static final String HELLO = """
            class Route {
                static Response GET(Request request) { return Response.json(Map.of("url", request.url(), "query", request.nextUrl().search())); }
                static Response POST(Request request) { return Response.text("got " + request.text().length()); }
            }
            """;

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** One app for a nested group of tests, started once for the group. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract class Served {
        TestApp app;

        abstract TestApp build();

        @BeforeAll
        void start() {
            app = build();
        }

        @AfterAll
        void stop() {
            if (app != null) {
                app.close();
            }
        }
    }

    /** headers, redirects, rewrites, poweredByHeader, bodySizeLimit, ETags. */
    @Nested
    class Rules extends Served {
        @Override
        TestApp build() {
            return TestApp.builder().cached(true)
                    .file("approute.json", """
                            {
                              "poweredByHeader": true,
                              "bodySizeLimit": "1kb",
                              "headers": [
                                {"source": "/api/:path*", "headers": [{"key": "X-Frame-Options", "value": "DENY"}]},
                                {"source": "/api/items/:slug", "headers": [{"key": "X-Slug", "value": "item-:slug"}]},
                                {"source": "/api/hello", "has": [{"type": "query", "key": "beta", "value": "1|yes"}],
                                 "headers": [{"key": "X-Beta", "value": "on"}]},
                                {"source": "/api/hello", "missing": [{"type": "cookie", "key": "session"}],
                                 "headers": [{"key": "X-Anonymous", "value": "true"}]},
                                {"source": "/api/own", "headers": [{"key": "X-Own", "value": "config"}, {"key": "Vary", "value": "X-Tenant"}]}
                              ],
                              "redirects": [
                                {"source": "/old/:slug", "destination": "/api/items/:slug", "permanent": true},
                                {"source": "/temp", "destination": "/api/hello", "permanent": false},
                                {"source": "/moved", "destination": "https://example.com/new", "statusCode": 301},
                                {"source": "/by-header", "has": [{"type": "header", "key": "x-user"}], "destination": "/api/users/:xuser", "permanent": false}
                              ],
                              "rewrites": {
                                "beforeFiles": [{"source": "/api/hello", "has": [{"type": "query", "key": "rewrite"}], "destination": "/api/items/rewritten"}],
                                "afterFiles": [{"source": "/blog/:slug", "destination": "/api/items/:slug?from=blog"},
                                               {"source": "/api/items/special", "destination": "/api/hello"}],
                                "fallback": [{"source": "/legacy/:path*", "destination": "/api/fallback"}]
                              }
                            }
                            """)
                    .file("app/api/hello/route.java", HELLO)
                    .file("app/api/items/[slug]/route.java", """
                            class Route {
                                static Response GET(Request request, RouteContext ctx) {
                                    return Response.json(Map.of("slug", ctx.params().get("slug"), "path", request.nextUrl().pathname(),
                                            "from", String.valueOf(request.nextUrl().searchParams().get("from"))));
                                }
                            }
                            """)
                    .file("app/api/fallback/route.java", """
                            class Route { static Response GET(Request request) { return Response.text("fallback for " + request.nextUrl().pathname()); } }
                            """)
                    .file("app/api/own/route.java", """
                            class Route { static Response GET() { return Response.text("own", init -> init.header("X-Own", "handler").header("Vary", "Cookie")); } }
                            """)
                    .file("app/api/static/route.java", """
                            class Route {
                                static final String dynamic = "force-static";
                                static Response GET() { return Response.text("static"); }
                            }
                            """)
                    .file("app/api/upload/route.java", """
                            class Route {
                                static final String bodySizeLimit = "4kb";
                                static Response POST(Request request) { return Response.text("uploaded " + request.bytes().length); }
                            }
                            """)
                    .file("app/api/stream/route.java", """
                            class Route {
                                static Response POST(Request request) throws Exception {
                                    long total = 0;
                                    try (var in = request.body()) {
                                        byte[] buffer = new byte[256];
                                        int n;
                                        while ((n = in.read(buffer)) >= 0) total += n;
                                    }
                                    return Response.text("read " + total);
                                }
                            }
                            """)
                    .start();
        }

        @Test
        void configuredHeadersReachEveryResponseIncluding404And405AndAutoOptions() {
            HttpResponse<String> ok = app.get("/api/hello");
            assertThat(header(ok, "x-frame-options")).isEqualTo("DENY");
            HttpResponse<String> notFound = app.get("/api/missing");
            assertThat(notFound.statusCode()).isEqualTo(404);
            assertThat(header(notFound, "x-frame-options")).isEqualTo("DENY");
            HttpResponse<String> options = app.request("OPTIONS", "/api/hello");
            assertThat(options.statusCode()).isEqualTo(204);
            assertThat(header(options, "x-frame-options")).isEqualTo("DENY");
            assertThat(header(options, "allow")).isEqualTo("GET, HEAD, OPTIONS, POST");
            HttpResponse<String> notAllowed = app.request("PUT", "/api/hello");
            assertThat(notAllowed.statusCode()).isEqualTo(405);
            assertThat(header(notAllowed, "x-frame-options")).isEqualTo("DENY");
            assertThat(header(app.get("/api/hello/"), "x-frame-options")).as("the trailing-slash 308").isEqualTo("DENY");
        }

        @Test
        void cachedHitsCarryConfiguredHeadersToo() {
            app.get("/api/static");
            HttpResponse<String> hit = app.get("/api/static");
            assertThat(header(hit, "x-approute-cache")).isEqualTo("HIT");
            assertThat(header(hit, "x-frame-options")).isEqualTo("DENY");
        }

        @Test
        void headerValuesUseTheSourceParameters() {
            assertThat(header(app.get("/api/items/42"), "x-slug")).isEqualTo("item-42");
        }

        @Test
        void hasAndMissingConditions() {
            assertThat(header(app.get("/api/hello?beta=yes"), "x-beta")).isEqualTo("on");
            assertThat(header(app.get("/api/hello?beta=no"), "x-beta")).isNull();
            assertThat(header(app.get("/api/hello"), "x-anonymous")).isEqualTo("true");
            assertThat(header(app.request("GET", "/api/hello", Map.of("cookie", "session=1"), null), "x-anonymous")).isNull();
        }

        @Test
        void theHandlersOwnHeaderWinsAndVaryIsMerged() {
            HttpResponse<String> response = app.get("/api/own");
            assertThat(response.headers().allValues("x-own")).containsExactly("handler");
            assertThat(String.join(",", response.headers().allValues("vary"))).contains("Cookie").contains("X-Tenant");
        }

        @Test
        void poweredByHeaderWhenEnabled() {
            assertThat(header(app.get("/api/hello"), "x-powered-by")).isEqualTo("approute");
        }

        @Test
        void redirectsWithStatusesParametersAndTheQuery() {
            HttpResponse<String> permanent = app.get("/old/abc?x=1");
            assertThat(permanent.statusCode()).isEqualTo(308);
            assertThat(header(permanent, "location")).isEqualTo("/api/items/abc?x=1");
            assertThat(permanent.body()).isEqualTo("/api/items/abc?x=1");
            HttpResponse<String> temporary = app.get("/temp");
            assertThat(temporary.statusCode()).isEqualTo(307);
            assertThat(header(temporary, "location")).isEqualTo("/api/hello");
            HttpResponse<String> external = app.get("/moved");
            assertThat(external.statusCode()).isEqualTo(301);
            assertThat(header(external, "location")).isEqualTo("https://example.com/new");
            HttpResponse<String> fromHeader = app.request("GET", "/by-header", Map.of("x-user", "ann smith"), null);
            assertThat(fromHeader.statusCode()).isEqualTo(307);
            assertThat(header(fromHeader, "location")).as("a header value is percent-encoded into the URL").isEqualTo("/api/users/ann%20smith");
            assertThat(app.get("/by-header").statusCode()).as("without the header the rule does not apply").isEqualTo(404);
        }

        @Test
        void rewritesServeAnotherRouteWithoutARedirect() {
            HttpResponse<String> blog = app.get("/blog/first");
            assertThat(blog.statusCode()).isEqualTo(200);
            assertThat(ShowcaseHttpTest.json(blog.body())).isEqualTo(
                    ShowcaseHttpTest.json("{\"slug\":\"first\",\"path\":\"/api/items/first\",\"from\":\"blog\"}"));
            HttpResponse<String> before = app.get("/api/hello?rewrite=1");
            assertThat(ShowcaseHttpTest.json(before.body()).get("slug").asText()).isEqualTo("rewritten");
        }

        @Test
        void afterFilesComeBeforeDynamicRoutesAndFallbackLast() {
            // /api/items/special matches the dynamic [slug] route, but an afterFiles rewrite goes first (as in Next.js).
            assertThat(app.get("/api/items/special").body()).contains("\"url\"");
            assertThat(app.get("/legacy/at/all").body()).isEqualTo("fallback for /api/fallback");
            assertThat(app.get("/nowhere").statusCode()).isEqualTo(404);
        }

        @Test
        void bodyOverTheLimitDeclaredUpFrontIs413() {
            HttpResponse<String> response = app.request("POST", "/api/hello", Map.of("content-type", "text/plain"), "x".repeat(2000));
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).contains("larger than the limit of 1kb");
            assertThat(app.request("POST", "/api/hello", Map.of("content-type", "text/plain"), "x".repeat(1024)).body()).isEqualTo("got 1024");
        }

        @Test
        void aRouteMayRaiseTheLimitInItsSegmentConfig() {
            assertThat(app.request("POST", "/api/upload", Map.of("content-type", "text/plain"), "x".repeat(3000)).body()).isEqualTo("uploaded 3000");
            HttpResponse<String> tooLarge = app.request("POST", "/api/upload", Map.of("content-type", "text/plain"), "x".repeat(5000));
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(tooLarge.body()).contains("larger than the limit of 4kb");
        }

        @Test
        void chunkedBodyOverTheLimitIsCountedAndRefused() {
            byte[] big = "y".repeat(5000).getBytes(StandardCharsets.UTF_8);
            // An InputStream publisher has no known length: the body goes out chunked, without Content-Length.
            HttpRequest request = HttpRequest.newBuilder(app.uri("/api/stream"))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
            HttpResponse<String> response = app.send(request);
            assertThat(response.statusCode()).isEqualTo(413);
            HttpRequest small = HttpRequest.newBuilder(app.uri("/api/stream"))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[1000]))).build();
            assertThat(app.send(small).body()).isEqualTo("read 1000");
        }

        @Test
        void etagsAndNotModified() {
            HttpResponse<String> first = app.get("/api/items/etag");
            String etag = header(first, "etag");
            assertThat(etag).startsWith("\"");
            HttpResponse<String> again = app.request("GET", "/api/items/etag", Map.of("if-none-match", etag), null);
            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(header(again, "etag")).isEqualTo(etag);
            HttpResponse<String> other = app.request("GET", "/api/items/etag", Map.of("if-none-match", "\"other\""), null);
            assertThat(other.statusCode()).isEqualTo(200);
            HttpResponse<String> gzip = app.request("GET", "/api/items/etag", Map.of("accept-encoding", "gzip"), null);
            assertThat(header(gzip, "content-encoding")).isEqualTo("gzip");
            assertThat(header(gzip, "etag")).as("a gzipped body is another representation").isEqualTo("W/" + etag);
            HttpResponse<String> weakMatch = app.request("GET", "/api/items/etag", Map.of("if-none-match", "W/" + etag), null);
            assertThat(weakMatch.statusCode()).isEqualTo(304);
            assertThat(header(app.get("/api/items/other"), "etag")).isNotEqualTo(etag);
        }
    }

    /** basePath, compress: false, generateEtags: false, skipTrailingSlashRedirect. */
    @Nested
    class BasePathAndSwitches extends Served {
        @Override
        TestApp build() {
            return TestApp.builder()
                    .file("approute.json", """
                            {"basePath": "/docs", "compress": false, "generateEtags": false, "skipTrailingSlashRedirect": true,
                             "headers": [{"source": "/:path*", "headers": [{"key": "X-Docs", "value": "1"}]}],
                             "redirects": [{"source": "/old", "destination": "/api/hello", "permanent": true},
                                           {"source": "/", "basePath": false, "destination": "/docs", "permanent": false}]}
                            """)
                    .file("app/api/hello/route.java", HELLO)
                    .file("app/route.java", "class Route { static Response GET() { return Response.text(\"root\"); } }")
                    .start();
        }

        @Test
        void routesLiveUnderTheBasePathAndNothingElseIsServed() {
            assertThat(app.get("/docs/api/hello").statusCode()).isEqualTo(200);
            assertThat(app.get("/docs").body()).isEqualTo("root");
            assertThat(app.get("/api/hello").statusCode()).isEqualTo(404);
            assertThat(app.get("/docsx/api/hello").statusCode()).isEqualTo(404);
            assertThat(header(app.get("/docs/api/hello"), "x-docs")).as("sources are under basePath").isEqualTo("1");
            assertThat(header(app.get("/api/hello"), "x-docs")).isNull();
        }

        @Test
        void redirectsUnderAndOutsideTheBasePath() {
            HttpResponse<String> old = app.get("/docs/old");
            assertThat(old.statusCode()).isEqualTo(308);
            assertThat(header(old, "location")).isEqualTo("/docs/api/hello");
            HttpResponse<String> root = app.get("/");
            assertThat(root.statusCode()).isEqualTo(307);
            assertThat(header(root, "location")).isEqualTo("/docs");
        }

        @Test
        void compressAndEtagsOff() {
            HttpResponse<String> response = app.request("GET", "/docs/api/hello", Map.of("accept-encoding", "gzip"), null);
            assertThat(header(response, "content-encoding")).isNull();
            assertThat(header(response, "etag")).isNull();
            assertThat(header(response, "x-powered-by")).as("off by default").isNull();
        }

        @Test
        void skipTrailingSlashRedirectServesBothForms() {
            assertThat(app.get("/docs/api/hello/").statusCode()).isEqualTo(200);
            assertThat(app.get("/docs/api/hello").statusCode()).isEqualTo(200);
            assertThat(app.get("/docs//api/hello").statusCode()).as("// still collapses").isEqualTo(308);
        }
    }

    /** trustProxy and allowedHosts: how request.url() is built. */
    @Nested
    class Hosts extends Served {
        @Override
        TestApp build() {
            return TestApp.builder()
                    .file("approute.json", "{\"trustProxy\": true, \"allowedHosts\": [\"localhost\", \"*.example.com\"]}")
                    .file("app/api/hello/route.java", HELLO)
                    .start();
        }

        private String get(String... headerLines) {
            StringBuilder request = new StringBuilder("GET /api/hello HTTP/1.1\r\n");
            for (String line : headerLines) {
                request.append(line).append("\r\n");
            }
            return app.raw(request.append("Connection: close\r\n\r\n").toString());
        }

        @Test
        void anAllowedHostBuildsTheUrl() {
            assertThat(ShowcaseHttpTest.rawBody(get("Host: api.example.com:8080"))).contains("\"url\":\"http://api.example.com:8080/api/hello\"");
            assertThat(ShowcaseHttpTest.rawBody(get("Host: localhost:3000"))).contains("\"url\":\"http://localhost:3000/api/hello\"");
        }

        @Test
        void anotherHostIs400() {
            String response = get("Host: evil.test");
            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(ShowcaseHttpTest.rawBody(response)).contains("The host 'evil.test' is not served here");
            assertThat(get("Host: example.com")).as("*.example.com is subdomains only").startsWith("HTTP/1.1 400");
        }

        @Test
        void aTrustedProxySetsSchemeAndHost() {
            String body = ShowcaseHttpTest.rawBody(get("Host: localhost:3000", "X-Forwarded-Proto: https", "X-Forwarded-Host: www.example.com"));
            assertThat(body).contains("\"url\":\"https://www.example.com/api/hello\"");
            assertThat(get("Host: localhost:3000", "X-Forwarded-Host: evil.test")).as("the forwarded host is checked too").startsWith("HTTP/1.1 400");
        }
    }

    // Reads until the server closes the connection. The socket's own 20 s timeout lies between the configured second
    // and the engine's 5-minute default: it only stops a test whose setting did not reach the engine.
    private static String readUntilClosed(java.net.Socket socket, String request) throws java.io.IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        socket.setSoTimeout(20_000);
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        java.io.InputStream in = socket.getInputStream();
        try {
            int read;
            while ((read = in.read()) >= 0) {
                received.write(read);
            }
        } catch (java.net.SocketTimeoutException stillOpen) {
            throw new AssertionError("the server kept the connection open; received: " + received, stillOpen);
        } catch (java.net.SocketException reset) {
            // closed by the server: what the test waits for
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    /** serverTimeouts.idle reaches the engine: a kept-alive connection without a next request is closed. */
    @Nested
    class IdleTimeout extends Served {
        @Override
        TestApp build() {
            return TestApp.builder().file("approute.json", "{\"serverTimeouts\": {\"idle\": 1}}").file("app/api/hello/route.java", HELLO).start();
        }

        @Test
        void anIdleKeptAliveConnectionIsClosed() throws Exception {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.port())) {
                assertThat(readUntilClosed(socket, "GET /api/hello HTTP/1.1\r\nHost: localhost\r\n\r\n")).startsWith("HTTP/1.1 200");
            }
        }
    }

    /** origin: request.url() from configuration; X-Forwarded-* ignored without trustProxy. */
    @Nested
    class FixedOrigin extends Served {
        @Override
        TestApp build() {
            return TestApp.builder()
                    .file("approute.json", "{\"origin\": \"https://api.example.com\"}")
                    .file("app/api/hello/route.java", HELLO)
                    .start();
        }

        @Test
        void theConfiguredOriginWhateverTheClientSends() {
            String response = app.raw("GET /api/hello?a=1 HTTP/1.1\r\nHost: evil.test\r\nX-Forwarded-Proto: http\r\n"
                    + "X-Forwarded-Host: other.test\r\nConnection: close\r\n\r\n");
            assertThat(ShowcaseHttpTest.rawBody(response)).contains("\"url\":\"https://api.example.com/api/hello?a=1\"");
        }
    }
}
