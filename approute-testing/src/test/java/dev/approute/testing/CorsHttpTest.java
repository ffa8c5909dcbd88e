package dev.approute.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built-in CORS option (approute.json {@code cors}) next to the docs' manual headers (docs/config.md). */
class CorsHttpTest {
    private static final String APP_ORIGIN = "https://app.example.com";
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.builder()
                .file("approute.json", """
                        {"cors": [
                          {"source": "/api/private/:path*", "allowOrigins": ["https://app.example.com"], "allowHeaders": ["Content-Type"],
                           "exposeHeaders": ["X-Request-Id"], "allowCredentials": true, "maxAge": 600},
                          {"source": "/api/public", "allowOrigins": ["*"], "allowMethods": ["GET"]}
                        ]}
                        """)
                .file("app/api/private/data/route.java", """
                        class Route {
                            static Response GET() { return Response.json(Map.of("secret", 1), init -> init.header("X-Request-Id", "r1")); }
                            static Response POST() { return Response.json(Map.of("saved", true)); }
                        }
                        """)
                .file("app/api/public/route.java", "class Route { static Response GET() { return Response.text(\"public\"); } }")
                .file("app/api/manual/route.java", """
                        class Route {
                            static Response GET() { return Response.text("manual", init -> init.header("Access-Control-Allow-Origin", "*")); }
                            static Response OPTIONS() {
                                return Response.empty(init -> init.status(204).header("Access-Control-Allow-Origin", "*")
                                        .header("Access-Control-Allow-Methods", "GET, OPTIONS").header("Access-Control-Max-Age", "86400"));
                            }
                        }
                        """)
                .file("app/api/other/route.java", "class Route { static Response GET() { return Response.text(\"other\"); } }")
                .file("app/api/private/own/route.java", """
                        class Route {
                            static final Cors cors = Cors.allowOrigins("https://Partner.example").allowMethods("POST").maxAge(60);
                            static Response POST() { return Response.text("own"); }
                        }
                        """)
                .start();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static HttpResponse<String> send(String method, String path, String... headers) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        return app.request(method, path, map, null);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static List<String> varyTokens(HttpResponse<?> response) {
        return response.headers().allValues("vary").stream().flatMap(v -> java.util.Arrays.stream(v.split(","))).map(String::strip).toList();
    }

    @Test
    void preflightFromAnAllowedOriginIsAnsweredLikeAutoOptionsPlusTheCorsHeaders() {
        HttpResponse<String> preflight = send("OPTIONS", "/api/private/data", "Origin", APP_ORIGIN,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(header(preflight, "allow")).isEqualTo("GET, HEAD, OPTIONS, POST");
        assertThat(header(preflight, "access-control-allow-origin")).isEqualTo(APP_ORIGIN);
        assertThat(header(preflight, "access-control-allow-methods")).as("the route's own methods").isEqualTo("GET, HEAD, OPTIONS, POST");
        assertThat(header(preflight, "access-control-allow-headers")).isEqualTo("Content-Type");
        assertThat(header(preflight, "access-control-allow-credentials")).isEqualTo("true");
        assertThat(header(preflight, "access-control-max-age")).isEqualTo("600");
        assertThat(varyTokens(preflight)).contains("Origin");
    }

    @Test
    void anOriginNotListedGetsNoCorsHeaders() {
        HttpResponse<String> preflight = send("OPTIONS", "/api/private/data", "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().map().keySet()).noneMatch(name -> name.startsWith("access-control-"));
        HttpResponse<String> get = send("GET", "/api/private/data", "Origin", "https://evil.example");
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().map().keySet()).noneMatch(name -> name.startsWith("access-control-"));
        assertThat(varyTokens(get)).contains("Origin");
    }

    @Test
    void anActualRequestFromAnAllowedOriginEchoesItWithCredentialsAndExposedHeaders() {
        HttpResponse<String> get = send("GET", "/api/private/data", "Origin", APP_ORIGIN);
        assertThat(header(get, "access-control-allow-origin")).isEqualTo(APP_ORIGIN);
        assertThat(header(get, "access-control-allow-credentials")).isEqualTo("true");
        assertThat(header(get, "access-control-expose-headers")).isEqualTo("X-Request-Id");
        assertThat(header(get, "access-control-allow-methods")).as("only preflights list methods").isNull();
        assertThat(varyTokens(get)).contains("Origin", "Accept-Encoding");
        HttpResponse<String> notAllowed = send("PUT", "/api/private/data", "Origin", APP_ORIGIN);
        assertThat(notAllowed.statusCode()).isEqualTo(405);
        assertThat(header(notAllowed, "access-control-allow-origin")).as("a 405 is readable by the page too").isEqualTo(APP_ORIGIN);
    }

    @Test
    void withoutAnOriginThereAreNoCorsHeaders() {
        HttpResponse<String> get = send("GET", "/api/private/data");
        assertThat(get.headers().map().keySet()).noneMatch(name -> name.startsWith("access-control-"));
    }

    @Test
    void anyOriginWithoutCredentialsIsAStar() {
        HttpResponse<String> get = send("GET", "/api/public", "Origin", "https://anywhere.example");
        assertThat(header(get, "access-control-allow-origin")).isEqualTo("*");
        assertThat(header(get, "access-control-allow-credentials")).isNull();
        assertThat(varyTokens(get)).doesNotContain("Origin");
        HttpResponse<String> preflight = send("OPTIONS", "/api/public", "Origin", "https://anywhere.example",
                "Access-Control-Request-Method", "GET");
        assertThat(header(preflight, "access-control-allow-methods")).as("the rule's methods").isEqualTo("GET");
        assertThat(header(preflight, "access-control-allow-headers")).isNull();
    }

    @Test
    void theDocsManualHeadersStillWork() {
        HttpResponse<String> get = send("GET", "/api/manual", "Origin", "https://anywhere.example");
        assertThat(header(get, "access-control-allow-origin")).isEqualTo("*");
        HttpResponse<String> preflight = send("OPTIONS", "/api/manual", "Origin", "https://anywhere.example",
                "Access-Control-Request-Method", "GET");
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(header(preflight, "access-control-allow-methods")).isEqualTo("GET, OPTIONS");
        assertThat(header(preflight, "access-control-max-age")).isEqualTo("86400");
    }

    @Test
    void aRoutesOwnPolicyReplacesTheConfiguredOne() {
        HttpResponse<String> partner = send("OPTIONS", "/api/private/own", "Origin", "https://partner.example",
                "Access-Control-Request-Method", "POST");
        assertThat(partner.statusCode()).isEqualTo(204);
        assertThat(header(partner, "allow")).isEqualTo("OPTIONS, POST");
        assertThat(header(partner, "access-control-allow-origin")).isEqualTo("https://partner.example");
        assertThat(header(partner, "access-control-allow-methods")).isEqualTo("POST");
        assertThat(header(partner, "access-control-max-age")).isEqualTo("60");
        assertThat(header(partner, "access-control-allow-credentials")).isNull();
        HttpResponse<String> configured = send("POST", "/api/private/own", "Origin", APP_ORIGIN);
        assertThat(configured.statusCode()).isEqualTo(200);
        assertThat(configured.headers().map().keySet()).as("the approute.json entry no longer applies here")
                .noneMatch(name -> name.startsWith("access-control-"));
    }

    @Test
    void aMistakenPolicyFailsTheBuildNamingTheFile() {
        TestApp.Builder broken = TestApp.builder().file("app/api/bad/route.java", """
                class Route {
                    static final Cors cors = Cors.allowOrigins("*").allowCredentials();
                    static Response GET() { return Response.text("bad"); }
                }
                """);
        org.assertj.core.api.Assertions.assertThatThrownBy(broken::start)
                .isInstanceOf(dev.approute.internal.app.Problems.class)
                .satisfies(e -> assertThat(((dev.approute.internal.app.Problems) e).report())
                        .contains("app/api/bad/route.java").contains("the CORS policy is invalid")
                        .contains("allowCredentials() with allowOrigins(\"*\")").contains("fix: static final Cors cors ="));
    }

    @Test
    void aPathNoRuleCoversIsDeniedByDefault() {
        HttpResponse<String> get = send("GET", "/api/other", "Origin", APP_ORIGIN);
        assertThat(get.headers().map().keySet()).noneMatch(name -> name.startsWith("access-control-"));
    }
}
