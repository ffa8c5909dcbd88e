package dev.approute.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * approute never connects anywhere because of what a request says (SSRF), and never sends a client to a host the
 * request named. A trap listener on 127.0.0.1 is named as the Host, the absolute-form target, the forwarded host and
 * the Location a handler passes through; after the answers arrive, its backlog must be empty. (An outbound request
 * made while answering would have been queued there before the answer was sent.)
 */
class OutboundRequestsHttpTest {
    private static TestApp app;
    private static ServerSocketChannel trap;
    private static String trapAddress;

    @BeforeAll
    static void start() throws IOException {
        trap = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        trap.configureBlocking(false);
        trapAddress = "127.0.0.1:" + ((InetSocketAddress) trap.getLocalAddress()).getPort();
        app = TestApp.builder()
                .file("app/users/[id]/route.java", """
                        class Route {
                            static Response GET(Request request, RouteContext ctx) { return Response.text(request.url()); }
                            static Response POST(Request request) { return Response.text("posted " + request.text()); }
                        }
                        """)
                .file("app/go/route.java", """
                        class Route { static Response GET() { return Response.redirect("/login"); } }
                        """)
                .file("app/pass-location/route.java", """
                        class Route {
                            // What a middleware does when it passes a header along: Location set from request data.
                            static Response GET(Request request) {
                                var query = request.nextUrl().searchParams();
                                return Response.text("passed", init -> init.status(Integer.parseInt(query.get("status"))).header("location", query.get("to")));
                            }
                        }
                        """)
                .start();
    }

    @AfterAll
    static void stop() throws IOException {
        app.close();
        trap.close();
    }

    @AfterEach
    void nothingConnectedToTheTrap() throws IOException {
        assertThat(trap.accept()).as("approute made a connection to an address taken from the request").isNull();
    }

    private static String location(String response) {
        for (String line : response.split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (line.regionMatches(true, 0, "location:", 0, 9)) {
                return line.substring(9).strip();
            }
        }
        return null;
    }

    @Test
    void hostileHostNeverBecomesALocationOrAConnection() {
        // CVE-2024-34351: Next.js built a redirect's absolute URL from the Host header and fetched it server-side.
        for (String host : List.of(trapAddress, "evil.example", "localhost:" + trap.socket().getLocalPort())) {
            String canonical = RawHttp.exchange(app.port(), "GET /users/123/ HTTP/1.1\r\nHost: " + host + "\r\nX-Forwarded-Host: " + host
                    + "\r\nConnection: close\r\n\r\n");
            assertThat(RawHttp.status(canonical)).isEqualTo(308);
            assertThat(location(canonical)).as(host).isEqualTo("/users/123");

            String redirect = RawHttp.exchange(app.port(), "GET /go HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
            assertThat(location(redirect)).as(host).isEqualTo("/login");

            // request.url() is the configured origin, never the Host a client sent.
            String url = RawHttp.exchange(app.port(), "GET /users/123 HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
            assertThat(url).as(host).endsWith("\r\n\r\nhttp://localhost:" + app.port() + "/users/123");
        }
    }

    @Test
    void absoluteFormTargetNeverBecomesALocationOrAConnection() {
        // RFC 9112 §3.2.2: the absolute form is routed by its path; its authority is never used to build a URL.
        for (String target : List.of("http://" + trapAddress + "/users/123/", "http://evil.example/users/123/", "http://evil.example//users/123")) {
            String response = RawHttp.exchange(app.port(), "GET " + target + " HTTP/1.1\r\nHost: " + trapAddress + "\r\nConnection: close\r\n\r\n");
            assertThat(RawHttp.status(response)).as(target).isEqualTo(308);
            assertThat(location(response)).as(target).isEqualTo("/users/123");
        }
        String served = RawHttp.exchange(app.port(), "GET http://" + trapAddress + "/users/123 HTTP/1.1\r\nHost: " + trapAddress
                + "\r\nConnection: close\r\n\r\n");
        assertThat(served).endsWith("http://localhost:" + app.port() + "/users/123");
    }

    @Test
    void protocolRelativePathsNeverRedirectOffSite() {
        // "//evil.example" in a Location is another host; the canonical redirect of such a path stays on this one.
        for (String path : List.of("//evil.example/", "//evil.example/users/123", "/\\evil.example/", "/%5Cevil.example/", "///evil.example/")) {
            String response = RawHttp.exchange(app.port(), "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            String location = location(response);
            if (location != null) {
                assertThat(location).as(path).startsWith("/").doesNotStartWith("//").doesNotStartWith("/\\");
            }
            assertThat(RawHttp.status(response)).as(path).isBetween(300, 499);
        }
    }

    @Test
    void upgradeToAnUnknownProtocolIs400() {
        // CVE-2026-44578: Next.js relayed upgrade requests to a target derived from the request. approute upgrades
        // to h2c only; anything else is refused before routing, and the connection closed.
        for (String upgrade : List.of("websocket", "foo", "h2c, websocket", "TLS/1.2")) {
            RawHttp.Received received = RawHttp.exchangeUntilClosed(app.port(), "GET http://" + trapAddress + "/users/123 HTTP/1.1\r\nHost: "
                    + trapAddress + "\r\nConnection: Upgrade\r\nUpgrade: " + upgrade + "\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n", 5);
            assertThat(received.status()).as(upgrade + "\n" + received.text()).isEqualTo(400);
            assertThat(received.closedByServer()).as(upgrade).isTrue();
        }
        // An h2c upgrade Helidon declines (it has a body) is ignored, as RFC 9110 §7.8 allows: the request is served.
        String h2cWithBody = RawHttp.exchange(app.port(), "POST /users/123 HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi");
        assertThat(h2cWithBody).endsWith("posted hi");
    }

    @Test
    void locationFromAHandlerIsSentNotFollowed() {
        // CVE-2025-57822: Next.js followed a Location header that middleware passed through (next() with headers),
        // fetching it server-side. approute sends response headers to the client and nothing else.
        for (String status : List.of("200", "307")) {
            String response = RawHttp.exchange(app.port(), "GET /pass-location?status=" + status + "&to=http://" + trapAddress
                    + "/internal HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(RawHttp.status(response)).isEqualTo(Integer.parseInt(status));
            assertThat(location(response)).isEqualTo("http://" + trapAddress + "/internal");
        }
    }

    @Test
    void theTrapSeesAConnectionWhenOneIsMade() throws Exception {
        // Without this, "nothing connected to the trap" could hold because the trap sees no connection at all.
        try (SocketChannel client = SocketChannel.open(trap.getLocalAddress())) {
            SocketChannel accepted = trap.accept();
            for (int i = 0; accepted == null && i < 100; i++) {
                Thread.sleep(10);
                accepted = trap.accept();
            }
            assertThat(accepted).isNotNull();
            accepted.close();
        }
    }
}
