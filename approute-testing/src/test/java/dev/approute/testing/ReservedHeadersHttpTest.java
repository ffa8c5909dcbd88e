package dev.approute.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Headers a client sends to pose as the framework (ours or Next.js's) never reach a handler and never change routing,
 * caching or a redirect; route params come from the path alone. Served as {@code start} serves (cached routes on).
 */
class ReservedHeadersHttpTest {
    /** Next.js's internal request headers, with the values an attacker would send; they must change nothing. */
    private static final Map<String, String> NEXT_INTERNAL = new LinkedHashMap<>();
    /** Headers Next.js's client router sends in normal use: handlers may read them; they must still change nothing. */
    private static final Map<String, String> NEXT_CLIENT = new LinkedHashMap<>();

    static {
        NEXT_INTERNAL.put("x-middleware-subrequest", "middleware:middleware:middleware:middleware:middleware");
        NEXT_INTERNAL.put("x-middleware-subrequest-id", "1");
        NEXT_INTERNAL.put("x-middleware-prefetch", "1");
        NEXT_INTERNAL.put("x-middleware-rewrite", "/users/999");
        NEXT_INTERNAL.put("x-middleware-redirect", "http://evil.example/");
        NEXT_INTERNAL.put("x-middleware-next", "1");
        NEXT_INTERNAL.put("x-middleware-skip", "1");
        NEXT_INTERNAL.put("x-middleware-override-headers", "x-approute-cache");
        NEXT_INTERNAL.put("x-middleware-set-cookie", "session=evil");
        NEXT_INTERNAL.put("x-middleware-request-x-user", "admin");
        NEXT_INTERNAL.put("x-invoke-path", "/users/999");
        NEXT_INTERNAL.put("x-invoke-query", "{\"id\":\"999\"}");
        NEXT_INTERNAL.put("x-invoke-status", "500");
        NEXT_INTERNAL.put("x-invoke-error", "{\"message\":\"boom\"}");
        NEXT_INTERNAL.put("x-invoke-output", "/users/999");
        NEXT_INTERNAL.put("x-now-route-matches", "id=999&1=999");
        NEXT_INTERNAL.put("x-matched-path", "/users/[id]");
        NEXT_INTERNAL.put("x-nextjs-data", "1");
        NEXT_INTERNAL.put("x-nextjs-request-id", "1");
        NEXT_INTERNAL.put("x-nextjs-html-request-id", "1");
        NEXT_INTERNAL.put("x-next-resume-state-length", "10");
        NEXT_INTERNAL.put("next-resume", "1");
        NEXT_INTERNAL.put("x-prerender-revalidate", "any");
        NEXT_INTERNAL.put("x-prerender-revalidate-if-generated", "1");
        NEXT_INTERNAL.put("x-next-revalidate-tag-token", "any");
        NEXT_INTERNAL.put("x-next-revalidated-tags", "_N_T_/cached,numbers");
        NEXT_INTERNAL.put("x-next-cache-tags", "numbers");
        NEXT_INTERNAL.put("x-next-cache-soft-tags", "_N_T_/cached");
        NEXT_INTERNAL.put("x-approute-cache", "MISS");
        NEXT_INTERNAL.put("X-Approute-Anything", "1");

        NEXT_CLIENT.put("rsc", "1");
        NEXT_CLIENT.put("next-router-state-tree", "%5B%22%22%2C%7B%7D%5D");
        NEXT_CLIENT.put("next-router-prefetch", "1");
        NEXT_CLIENT.put("next-router-segment-prefetch", "/_tree");
        NEXT_CLIENT.put("next-hmr-refresh", "1");
        NEXT_CLIENT.put("next-url", "/users/999");
        NEXT_CLIENT.put("next-action", "0123abcd");
        NEXT_CLIENT.put("purpose", "prefetch");
        NEXT_CLIENT.put("x-forwarded-host", "evil.example");
        NEXT_CLIENT.put("x-forwarded-proto", "https");
    }

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.builder().cached(true)
                .file("app/users/[id]/route.java", """
                        class Route {
                            static Response GET(Request request, RouteContext ctx) {
                                return Response.json(Map.of("params", ctx.params().toMap(),
                                        "queryId", String.valueOf(request.nextUrl().searchParams().get("id"))));
                            }
                        }
                        """)
                .file("app/headers/route.java", """
                        class Route {
                            static Response GET(Request request) {
                                TreeSet<String> seen = new TreeSet<>();
                                request.headers().names().forEach(name -> seen.add(name.toLowerCase()));
                                Current.headers().names().forEach(name -> seen.add("current:" + name.toLowerCase()));
                                return Response.text(String.join("\\n", seen));
                            }
                        }
                        """)
                .file("app/cached/route.java", """
                        class Route {
                            static final int revalidate = 3600;
                            static int renders;
                            static Response GET() { Cache.tag("numbers"); return Response.text("render " + (++renders)); }
                        }
                        """)
                .file("app/go/route.java", """
                        class Route { static Response GET() { return Response.redirect("/login"); } }
                        """)
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String get(String target, Map<String, String> headers) {
        StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        return withoutDate(RawHttp.exchange(app.port(), request.append("Connection: close\r\n\r\n").toString()));
    }

    // The Date header is the one part of an answer that may differ between two identical requests.
    private static String withoutDate(String response) {
        StringBuilder kept = new StringBuilder();
        for (String line : response.split("\r\n", -1)) {
            if (!line.regionMatches(true, 0, "date:", 0, 5)) {
                kept.append(line).append("\r\n");
            }
        }
        return kept.toString();
    }

    private static Map<String, String> all(Map<String, String> first, Map<String, String> second) {
        Map<String, String> merged = new LinkedHashMap<>(first);
        merged.putAll(second);
        return merged;
    }

    @Test
    void reservedHeadersNeverReachAHandler() {
        // CVE-2025-29927: x-middleware-subrequest from the network made Next.js skip middleware. approute's own
        // x-approute- prefix and Next's internal headers are dropped before any handler (or later middleware) runs.
        String answer = get("/headers", all(NEXT_INTERNAL, NEXT_CLIENT));
        List<String> seen = List.of(answer.substring(answer.indexOf("\r\n\r\n") + 4).strip().split("\n"));
        for (String name : NEXT_INTERNAL.keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            assertThat(seen).as(name).doesNotContain(lower, "current:" + lower);
        }
        // The test must be able to fail: ordinary headers sent alongside do arrive.
        for (String name : NEXT_CLIENT.keySet()) {
            assertThat(seen).as(name).contains(name, "current:" + name);
        }
    }

    @Test
    void paramsComeFromThePathNeverFromTheQueryOrHeaders() {
        // CVE-2026-44574: Next.js read route params from the query (nxtP-prefixed) and from x-now-route-matches.
        String answer = get("/users/123?id=999&nxtPid=999&nxtIid=999", all(NEXT_INTERNAL, NEXT_CLIENT));
        assertThat(answer).contains("\"params\":{\"id\":\"123\"}").doesNotContain("\"id\":\"999\"");
        assertThat(answer).as("the query is still the query").contains("\"queryId\":\"999\"");
    }

    @Test
    void internalHeadersChangeNoRoutingAndNoCachedAnswer() {
        // x-prerender-revalidate and x-next-revalidated-tags made Next.js regenerate; x-matched-path and
        // x-invoke-path chose the route. With every one of them, the answers are byte for byte the plain ones.
        for (String target : List.of("/users/123", "/cached", "/nope", "/go")) {
            String plain = get(target, Map.of());
            for (Map.Entry<String, String> header : all(NEXT_INTERNAL, NEXT_CLIENT).entrySet()) {
                assertThat(get(target, Map.of(header.getKey(), header.getValue()))).as(target + " with " + header.getKey()).isEqualTo(plain);
            }
            assertThat(get(target, all(NEXT_INTERNAL, NEXT_CLIENT))).as(target + " with all of them").isEqualTo(plain);
        }
        assertThat(get("/cached", Map.of())).contains("x-approute-cache: HIT").endsWith("render 1\r\n");
    }

    @Test
    void redirectsAreByteIdenticalWithAndWithoutInternalHeaders() {
        // CVE-2026-44572: an internal header changed where Next.js redirected (and what a cache kept for everyone).
        Map<String, String> hostile = all(NEXT_INTERNAL, NEXT_CLIENT);
        for (String target : List.of("/go", "/users/123/", "//users/123", "/users/123/?x=1")) {
            String plain = get(target, Map.of());
            assertThat(plain).as(target).matches("(?s)HTTP/1\\.1 30[78] .*");
            assertThat(get(target, hostile)).as(target).isEqualTo(plain);
        }
    }

    @Test
    void headersThatChangeARepresentationAreListedInVary() {
        // A shared cache keys on the URL plus the Vary headers; any request header that changes an answer and is
        // missing from Vary lets one client's answer be served to another (cache poisoning).
        Map<String, String> candidates = all(NEXT_INTERNAL, NEXT_CLIENT);
        candidates.put("accept", "text/html");
        candidates.put("accept-encoding", "gzip");
        candidates.put("accept-language", "fr");
        candidates.put("cookie", "session=1");
        candidates.put("user-agent", "evil/1.0");
        candidates.put("origin", "http://evil.example");
        List<String> varied = new ArrayList<>();
        for (String target : List.of("/users/123", "/cached", "/nope", "/go", "/users/123/")) {
            String plain = get(target, Map.of());
            for (Map.Entry<String, String> header : candidates.entrySet()) {
                String with = get(target, Map.of(header.getKey(), header.getValue()));
                if (!with.equals(plain)) {
                    varied.add(target + " " + header.getKey());
                    assertThat(varyOf(with)).as(target + " changes with " + header.getKey() + ":\n" + with).contains(header.getKey().toLowerCase(Locale.ROOT));
                    assertThat(varyOf(plain)).as(target + " changes with " + header.getKey() + ":\n" + plain).contains(header.getKey().toLowerCase(Locale.ROOT));
                }
            }
        }
        // The check is not vacuous: these two do change answers.
        assertThat(varied).contains("/cached accept-encoding", "/nope accept");
    }

    private static List<String> varyOf(String response) {
        List<String> tokens = new ArrayList<>();
        for (String line : response.split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (line.regionMatches(true, 0, "vary:", 0, 5)) {
                for (String token : line.substring(5).split(",")) {
                    tokens.add(token.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return tokens;
    }
}
