package dev.approute.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CVE-2024-51479, CVE-2026-44575 (a path alias reaches a route while skipping middleware): for many routes, many
 * aliases of their paths and every method, middleware runs if and only if the router dispatches the request to a
 * route under the matcher. Each request is sent byte for byte; what ran is read from the answer: the middleware adds
 * {@code x-mw: ran}, protected routes answer {@code x-route: protected} (or, for automatic OPTIONS and 405, an
 * {@code Allow} with DELETE, which only they declare), and a handler reports whether it saw the request header the
 * middleware set.
 */
class MiddlewareAliasPropertyTest {
    private static final String PROTECTED = """
            class Route {
                static Response GET(Request request) { return answer(request); }
                static Response DELETE(Request request) { return answer(request); }
                static Response answer(Request request) {
                    String saw = request.headers().get("x-mw-seen");
                    return Response.text("protected", init -> init.header("x-route", "protected").header("x-saw-mw", saw == null ? "no" : saw));
                }
            }
            """;
    private static final String PUBLIC = PROTECTED.replace("DELETE", "POST").replace("\"protected\"", "\"public\"");

    private static final List<String> ROUTES_UNDER_MATCHER = List.of("/admin", "/admin/users", "/admin/a/b/c", "/admin/%C3%A9t%C3%A9",
            "/api/secret/42", "/api/secret/x%2Fy");
    private static final List<String> OTHER_PATHS = List.of("/", "/adminx", "/public", "/api/secret", "/api/items/1", "/admin-panel",
            "/api/secret/1/2", "/nothing/here");
    private static final List<String> METHODS = List.of("GET", "HEAD", "OPTIONS", "POST", "DELETE", "PUT");

    private static TestApp app(String config) {
        TestApp.Builder builder = TestApp.builder()
                .file("middleware.java", """
                        class Middleware {
                            static final String[] matcher = {"/admin/:path*", "/api/secret/:id"};

                            static Response handle(Request request, Next next) {
                                return next.next(headers -> headers.set("x-mw-seen", "yes")).with(init -> init.header("x-mw", "ran"));
                            }
                        }
                        """)
                .file("app/admin/route.java", PROTECTED)
                .file("app/admin/users/route.java", PROTECTED)
                .file("app/admin/[...rest]/route.java", PROTECTED)
                .file("app/api/secret/[id]/route.java", PROTECTED)
                .file("app/route.java", PUBLIC)
                .file("app/[slug]/route.java", PUBLIC)
                .file("app/adminx/route.java", PUBLIC)
                .file("app/public/route.java", PUBLIC)
                .file("app/api/secret/route.java", PUBLIC)
                .file("app/api/items/[id]/route.java", PUBLIC);
        if (config != null) {
            builder.file("approute.json", config);
        }
        return builder.start();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"plain", "basePath and trailingSlash", "skipTrailingSlashRedirect"})
    void middlewareRunsIfAndOnlyIfTheRouterDispatchesUnderTheMatcher(String variant) {
        String base = variant.startsWith("basePath") ? "/base" : "";
        String config = switch (variant) {
            case "plain" -> null;
            case "skipTrailingSlashRedirect" -> "{\"skipTrailingSlashRedirect\": true}";
            default -> "{\"basePath\": \"/base\", \"trailingSlash\": true}";
        };
        boolean trailingSlash = variant.startsWith("basePath");
        Set<String> targets = new LinkedHashSet<>();
        for (String path : concat(ROUTES_UNDER_MATCHER, OTHER_PATHS)) {
            // each path in its canonical form: with trailingSlash: true, /admin/ is served and /admin redirects
            String canonical = trailingSlash ? base + (path.equals("/") ? "/" : path + "/") : base + path;
            targets.addAll(aliases(canonical));
        }
        List<String> violations = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        try (TestApp app = app(config)) {
            for (String target : targets) {
                for (String method : METHODS) {
                    String raw = app.raw(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    int status = RawHttp.status(raw);
                    Map<String, String> headers = headers(raw);
                    boolean middlewareRan = "ran".equals(headers.get("x-mw"));
                    boolean dispatchedUnderMatcher = "protected".equals(headers.get("x-route"))
                            || headers.getOrDefault("allow", "").contains("DELETE");
                    boolean handlerRan = headers.containsKey("x-route");
                    String outcome = (dispatchedUnderMatcher ? "protected" : handlerRan || headers.containsKey("allow") ? "other route" : "no route")
                            + " " + status + (middlewareRan ? " with middleware" : "");
                    outcomes.merge(outcome, 1, Integer::sum);
                    if (middlewareRan != dispatchedUnderMatcher) {
                        violations.add(method + " " + target + " -> " + status + ": middleware " + (middlewareRan ? "ran" : "did not run")
                                + ", router dispatched " + (dispatchedUnderMatcher ? "a route under the matcher" : "no route under it"));
                    }
                    if (handlerRan && !headers.get("x-saw-mw").equals(middlewareRan ? "yes" : "no")) {
                        violations.add(method + " " + target + ": the handler saw x-mw-seen=" + headers.get("x-saw-mw")
                                + " though middleware " + (middlewareRan ? "ran" : "did not run"));
                    }
                }
            }
            // The property is not vacuous: aliases reach protected routes (with middleware), other routes, and redirects.
            assertThat(outcomes.keySet()).as(outcomes.toString())
                    .anyMatch(key -> key.startsWith("protected 200 with middleware"))
                    .anyMatch(key -> key.startsWith("other route 200"))
                    .anyMatch(key -> key.startsWith("no route 308"))
                    .anyMatch(key -> key.startsWith("no route 400"));
            String encodedAdmin = base + "/%61dmin" + (trailingSlash ? "/" : "");
            assertThat(headers(app.raw("GET " + encodedAdmin + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")))
                    .as("%61dmin is admin for the router and for the matcher").containsEntry("x-route", "protected").containsEntry("x-mw", "ran");
        }
        assertThat(violations).as(targets.size() * METHODS.size() + " requests, outcomes " + outcomes).isEmpty();
    }

    /** Ways to write {@code full} (a canonical path) that a client, or an attacker, might send. */
    static List<String> aliases(String full) {
        Set<String> out = new LinkedHashSet<>();
        String inner = full.equals("/") ? "" : full.substring(1);
        out.add(full);
        out.add(full + "/");
        out.add(full.endsWith("/") && full.length() > 1 ? full.substring(0, full.length() - 1) : full);
        out.add("/" + full);
        out.add(full.replace("/", "//"));
        out.add(full + "?q=1");
        out.add(full + ";x");
        out.add(full + "%20");
        out.add(full + "%00");
        out.add(full + "/.");
        out.add(full + "/..");
        out.add("/./" + inner);
        out.add("/x/../" + inner);
        out.add("/x/%2e%2e/" + inner);
        out.add("/x/%2E%2E/" + inner);
        out.add("/x/.%2e/" + inner);
        out.add("/x/..%2f" + inner);
        out.add("/x/..%2F" + inner);
        out.add("/%2f" + inner);
        out.add("/" + inner.replace("/", "/./"));
        out.add("/" + inner.replace("/", "%2F"));
        out.add("/" + inner.replace("/", "\\"));
        out.add(full.toUpperCase(Locale.ROOT));
        out.add(capitalized(full));
        out.add(encodeFirstLetters(full, "%%%02x"));
        out.add(encodeFirstLetters(full, "%%%02X"));
        out.add(encodeAll(full));
        out.add(full.replace("a", "%2561"));
        out.add(full.replace("a", "%EF%BD%81"));
        int lastSlash = full.lastIndexOf('/');
        if (lastSlash > 0) {
            out.add(full.substring(0, lastSlash) + ";x" + full.substring(lastSlash));
            out.add(full.substring(0, lastSlash) + "/x/.." + full.substring(lastSlash));
        }
        return new ArrayList<>(out);
    }

    private static String capitalized(String path) {
        StringBuilder out = new StringBuilder(path);
        for (int i = 1; i < out.length(); i++) {
            if (out.charAt(i - 1) == '/' && Character.isLowerCase(out.charAt(i))) {
                out.setCharAt(i, Character.toUpperCase(out.charAt(i)));
            }
        }
        return out.toString();
    }

    // "/admin/users" -> "/%61dmin/%75sers": the first letter of each segment percent-encoded
    private static String encodeFirstLetters(String path, String format) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            out.append(i > 0 && path.charAt(i - 1) == '/' && Character.isLetter(c) ? String.format(format, (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    private static String encodeAll(String path) {
        StringBuilder out = new StringBuilder();
        for (char c : path.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) ? String.format("%%%02X", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Map<String, String> headers(String raw) {
        Map<String, String> headers = new TreeMap<>();
        int end = raw.indexOf("\r\n\r\n");
        String head = end < 0 ? raw : raw.substring(0, end);
        String[] lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip(),
                        (a, b) -> a + ", " + b);
            }
        }
        return headers;
    }
}
