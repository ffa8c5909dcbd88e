package dev.approute.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The middleware rows of docs/security.md. CVE-2025-29927: a request header cannot make approute skip middleware
 * (its own x-approute-* names are dropped before middleware and handlers; Next's internal names are ordinary headers).
 * CVE-2025-57822: a Location header passed through middleware is never fetched by the server.
 */
class MiddlewareSecurityTest {
    private static TestApp app;

    /** approute's reserved prefix, in the names it uses (x-approute-cache) and names an attacker might guess. */
    static final List<String> OUR_NAMES = List.of("x-approute-cache", "X-Approute-Cache", "x-approute-middleware",
            "x-approute-skip-middleware", "x-approute-subrequest", "x-approute-rewrite", "x-approute-matched-path",
            "x-approute-internal", "X-APPROUTE-MIDDLEWARE-SUBREQUEST", "x-approute-");
    /** Next.js's internal request headers, including the one behind CVE-2025-29927. */
    static final List<String> NEXT_NAMES = List.of("x-middleware-subrequest", "x-middleware-prefetch", "x-middleware-invoke",
            "x-middleware-next", "x-middleware-rewrite", "x-middleware-redirect", "x-middleware-skip", "x-middleware-set-cookie",
            "x-middleware-override-headers", "x-middleware-request-x-user", "x-invoke-path", "x-invoke-query", "x-invoke-output",
            "x-invoke-status", "x-invoke-error", "x-now-route-matches", "x-nextjs-data", "x-matched-path", "x-next-cache-tags",
            "x-next-revalidated-tags", "x-next-revalidate-tag-token", "x-prerender-revalidate",
            "x-prerender-revalidate-if-generated", "rsc", "next-router-state-tree", "next-router-prefetch",
            "next-router-segment-prefetch", "next-url", "next-action", "x-nextjs-postponed");
    static final List<String> VALUES = List.of("1", "true", "middleware", "middleware:middleware:middleware:middleware:middleware",
            "src/middleware", "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware", "pages/_middleware",
            "/admin", "0", "");

    @BeforeAll
    static void start() {
        app = TestApp.builder()
                .file("middleware.java", """
                        class Middleware {
                            static Response handle(Request request, Next next) {
                                String path = request.nextUrl().pathname();
                                if (path.startsWith("/admin")) {
                                    return Response.text("blocked by middleware", init -> init.status(403));
                                }
                                String target = request.headers().get("x-target");
                                return switch (path) {
                                    case "/echo" -> {
                                        String reserved = String.join(",", request.headers().names().stream()
                                                .filter(name -> name.startsWith("x-approute")).toList());
                                        yield next.next(headers -> headers.set("x-mw-reserved", "[" + reserved + "]"));
                                    }
                                    case "/location/answer" -> Response.empty(init -> init.status(200).header("location", target));
                                    case "/location/after-next" -> next.next().with(init -> init.header("location", target));
                                    case "/location/request" -> next.next(headers -> headers.set("location", target));
                                    case "/location/redirect" -> Response.redirect(target);
                                    case "/location/rewrite" -> next.rewrite(target);
                                    default -> next.next();
                                };
                            }
                        }
                        """)
                .file("app/admin/route.java", "class Route { static Response GET() { return Response.text(\"secret\"); } "
                        + "static Response POST() { return Response.text(\"secret\"); } }")
                .file("app/echo/route.java", """
                        class Route {
                            static Response GET(Request request) {
                                String reserved = String.join(",", request.headers().names().stream()
                                        .filter(name -> name.startsWith("x-approute") && !name.equals("x-mw-reserved")).toList());
                                return Response.text("handler [" + reserved + "] middleware " + request.headers().get("x-mw-reserved"));
                            }
                        }
                        """)
                .file("app/location/[kind]/route.java", """
                        class Route {
                            static Response GET(Request request) { return Response.text("location header seen: " + request.headers().get("location")); }
                        }
                        """)
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String get(String path, List<String[]> headers) {
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        for (String[] header : headers) {
            request.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        return app.raw(request.append("\r\n").toString());
    }

    @Test
    void cve_2025_29927_noRequestHeaderSkipsMiddleware() {
        List<String> names = new ArrayList<>(OUR_NAMES);
        names.addAll(NEXT_NAMES);
        List<String> skipped = new ArrayList<>();
        for (String name : names) {
            for (String value : VALUES) {
                for (String path : List.of("/admin", "/admin/", "/%61dmin")) {
                    String raw = get(path, List.<String[]>of(new String[] {name, value}));
                    int status = RawHttp.status(raw);
                    boolean blocked = status == 403 && raw.endsWith("blocked by middleware");
                    boolean canonicalRedirect = path.endsWith("/") && status == 308;
                    if (!blocked && !canonicalRedirect || raw.contains("secret")) {
                        skipped.add(name + ": " + value + " on " + path + " -> " + status);
                    }
                }
            }
        }
        List<String[]> all = new ArrayList<>();
        names.forEach(name -> all.add(new String[] {name, "middleware:middleware:middleware:middleware:middleware"}));
        String everything = get("/admin", all);
        assertThat(RawHttp.status(everything)).isEqualTo(403);
        assertThat(skipped).as("requests that skipped middleware").isEmpty();
    }

    @Test
    void cve_2025_29927_reservedHeadersReachNeitherMiddlewareNorHandlers() {
        List<String[]> headers = new ArrayList<>();
        OUR_NAMES.forEach(name -> headers.add(new String[] {name, "1"}));
        headers.add(new String[] {"x-middleware-subrequest", "middleware"});
        String raw = get("/echo", headers);
        assertThat(RawHttp.status(raw)).isEqualTo(200);
        assertThat(raw).endsWith("handler [] middleware []");
    }

    @Test
    void cve_2025_57822_aLocationHeaderPassedThroughIsNeverFetched() throws IOException {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress("127.0.0.1", 0));
            listener.configureBlocking(false);
            String target = "http://127.0.0.1:" + ((InetSocketAddress) listener.getLocalAddress()).getPort() + "/internal";
            Map<String, String> withTarget = Map.of("x-target", target);

            HttpResponse<String> answer = app.request("GET", "/location/answer", withTarget, null);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("location")).hasValue(target);

            HttpResponse<String> afterNext = app.request("GET", "/location/after-next", withTarget, null);
            assertThat(afterNext.statusCode()).isEqualTo(200);
            assertThat(afterNext.headers().firstValue("location")).hasValue(target);
            assertThat(afterNext.body()).isEqualTo("location header seen: null");

            HttpResponse<String> request = app.request("GET", "/location/request", withTarget, null);
            assertThat(request.body()).isEqualTo("location header seen: " + target);

            HttpResponse<String> redirect = app.request("GET", "/location/redirect", withTarget, null);
            assertThat(redirect.statusCode()).isEqualTo(307);
            assertThat(redirect.headers().firstValue("location")).hasValue(target);

            HttpResponse<String> rewrite = app.request("GET", "/location/rewrite", withTarget, null);
            assertThat(rewrite.statusCode()).isEqualTo(500);

            // Every response is complete, so a server-side fetch made for any of them would be in the accept queue.
            SocketChannel fetched = listener.accept();
            assertThat(fetched).as("a connection the server made to " + target).isNull();
            // The check can see a connection: one made now is there.
            try (Socket probe = new Socket("127.0.0.1", ((InetSocketAddress) listener.getLocalAddress()).getPort())) {
                SocketChannel seen = null;
                for (int attempt = 0; attempt < 1000 && seen == null; attempt++) {
                    seen = listener.accept();
                    if (seen == null) {
                        Thread.onSpinWait();
                    }
                }
                assertThat(seen).isNotNull();
                seen.close();
            }
        }
    }
}
