package dev.approute.testing;

import static dev.approute.testing.TestApp.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where middleware sits among approute.json's rules (docs/middleware.md): after headers and redirects, before
 * rewrites and routing, under basePath; approute.json headers and CORS still reach what it answers.
 */
class MiddlewareOrderHttpTest {
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.builder()
                .file("approute.json", """
                        {
                          "basePath": "/base",
                          "bodySizeLimit": "1kb",
                          "headers": [{ "source": "/:path*", "headers": [{ "key": "x-config", "value": "configured" }] }],
                          "redirects": [{ "source": "/old", "destination": "/api/echo", "permanent": false }],
                          "rewrites": { "beforeFiles": [{ "source": "/before", "destination": "/api/echo" }] },
                          "cors": [{ "source": "/api/:path*", "allowOrigins": ["https://app.example.com"] }]
                        }
                        """)
                .file("middleware.java", """
                        class Middleware {
                            static final String[] matcher = {"/api/:path*", "/before", "/old", "/deny"};

                            static Response handle(Request request, Next next) {
                                String path = request.nextUrl().pathname();
                                if (path.equals("/base/deny")) {
                                    return Response.text("denied", init -> init.status(401));
                                }
                                if (request.nextUrl().searchParams().has("read")) {
                                    request.text();
                                }
                                Response response = next.next();
                                if (path.equals("/base/api/override")) {
                                    response = response.with(init -> init.header("x-config", "from middleware"));
                                }
                                return response.with(init -> init.header("x-mw-path", path));
                            }
                        }
                        """)
                .file("app/api/echo/route.java", """
                        class Route { static Response GET(Request request) { return Response.text(request.nextUrl().pathname()); } }
                        """)
                .file("app/api/upload/route.java", """
                        class Route {
                            static final String bodySizeLimit = "1mb";
                            static Response POST(Request request) { return Response.text("got " + request.bytes().length); }
                        }
                        """)
                .file("app/api/override/route.java", "class Route { static Response GET() { return Response.text(\"o\"); } }")
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void itMatchesUnderBasePathAndSeesTheFullPath() {
        HttpResponse<String> response = app.get("/base/api/echo");
        assertThat(response.body()).isEqualTo("/base/api/echo");
        assertThat(header(response, "x-mw-path")).isEqualTo("/base/api/echo");
        assertThat(header(response, "x-config")).isEqualTo("configured");

        HttpResponse<String> outside = app.get("/api/echo");
        assertThat(outside.statusCode()).isEqualTo(404);
        assertThat(header(outside, "x-mw-path")).isNull();
    }

    @Test
    void configuredRedirectsAnswerBeforeMiddleware() {
        HttpResponse<String> response = app.get("/base/old");
        assertThat(response.statusCode()).isEqualTo(307);
        assertThat(header(response, "location")).isEqualTo("/base/api/echo");
        assertThat(header(response, "x-mw-path")).isNull();
        assertThat(header(response, "x-config")).isEqualTo("configured");
    }

    @Test
    void beforeFilesRewritesComeAfterMiddleware() {
        HttpResponse<String> response = app.get("/base/before");
        assertThat(header(response, "x-mw-path")).isEqualTo("/base/before");
        assertThat(response.body()).isEqualTo("/base/api/echo");
    }

    @Test
    void configuredHeadersReachItsOwnAnswerAndItsHeadersWin() {
        HttpResponse<String> denied = app.get("/base/deny");
        assertThat(denied.statusCode()).isEqualTo(401);
        assertThat(header(denied, "x-config")).isEqualTo("configured");
        assertThat(header(app.get("/base/api/override"), "x-config")).isEqualTo("from middleware");
    }

    @Test
    void aBodyMiddlewareReadsIsHeldToTheAppLimitAndTheRouteKeepsItsOwn() {
        String body = "x".repeat(2048);
        HttpResponse<String> read = app.request("POST", "/base/api/upload?read=1", Map.of("content-type", "text/plain"), body);
        assertThat(read.statusCode()).isEqualTo(413);
        assertThat(read.body()).contains("1kb");
        HttpResponse<String> untouched = app.request("POST", "/base/api/upload", Map.of("content-type", "text/plain"), body);
        assertThat(untouched.body()).isEqualTo("got 2048");
    }

    @Test
    void corsHeadersOfTheRouteAreInTheResponseItGets() {
        HttpResponse<String> response = app.request("GET", "/base/api/echo", Map.of("origin", "https://app.example.com"), null);
        assertThat(header(response, "access-control-allow-origin")).isEqualTo("https://app.example.com");
        assertThat(header(response, "x-mw-path")).isEqualTo("/base/api/echo");
        assertThat(response.headers().allValues("vary")).anySatisfy(vary -> assertThat(vary).contains("Origin"));
    }
}
