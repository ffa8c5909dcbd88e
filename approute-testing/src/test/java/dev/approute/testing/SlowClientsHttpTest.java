package dev.approute.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.approute.internal.server.ServerOptions;

/**
 * Slow and lying clients (CVE-2026-44579, CVE-2024-56332: Next.js held connections for bodies that never came). With a
 * 1 s read timeout and a 100 bytes/s minimum rate, a client that stops sending or trickles loses its connection, and
 * stalled connections never keep a normal request from being answered.
 *
 * <p>"Closed in time" is shown by the server closing the connection well before the client's own read gives up
 * (8 s here, against the 1 s timeout), not by measuring.
 */
class SlowClientsHttpTest {
    private static final int CLIENT_PATIENCE_SECONDS = 8;
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.builder()
                .file("src/probe/Outcomes.java", """
                        package probe;
                        import java.util.concurrent.*;
                        public class Outcomes { public static final BlockingQueue<String> OF_UPLOADS = new LinkedBlockingQueue<>(); }
                        """)
                .file("app/api/upload/route.java", """
                        import probe.Outcomes;
                        class Route {
                            static Response POST(Request request) {
                                try {
                                    return Response.text("read " + request.bytes().length);
                                } catch (BadRequestException e) {
                                    Outcomes.OF_UPLOADS.add(e.status() + " " + e.getMessage());
                                    throw e;
                                }
                            }
                            // What the last failed upload saw, once its handler has run.
                            static Response GET() throws Exception {
                                return Response.text(String.valueOf(Outcomes.OF_UPLOADS.poll(8, java.util.concurrent.TimeUnit.SECONDS)));
                            }
                        }
                        """)
                .file("app/api/ignore/route.java", """
                        class Route { static Response POST() { return Response.text("ignored"); } }
                        """)
                .file("app/api/hello/route.java", """
                        class Route { static Response GET() { return Response.text("hello"); } }
                        """)
                .serverOptions(options -> options.withTimeouts(options.idleTimeout(), Duration.ofSeconds(1))
                        .withMinBodyRate(new ServerOptions.MinimumRate(100, Duration.ofSeconds(1))))
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static final String LYING_HEAD = "Host: localhost\r\nContent-Length: 1000\r\n\r\n";

    @Test
    void lyingContentLengthIsCutWithinTheReadTimeout() {
        // CVE-2026-44579: Content-Length 1000, 10 bytes sent, then silence while the handler waits for the rest.
        RawHttp.Received received = RawHttp.exchangeUntilClosed(app.port(), "POST /api/upload HTTP/1.1\r\n" + LYING_HEAD + "0123456789",
                CLIENT_PATIENCE_SECONDS);
        assertThat(received.closedByServer()).as("the server ended the connection: " + received.text()).isTrue();
        assertThat(received.text()).doesNotContain("read ");
        assertThat(lastFailedUpload()).as("the handler's read failed as the client's problem, not a 500").startsWith("408 ").contains("no data");
        assertThat(app.log()).isEmpty();
    }

    @Test
    void theReadTimeoutComesFromApprouteJson() {
        // The same lying body against an app that sets its read timeout in approute.json, not through the engine options.
        try (TestApp configured = TestApp.builder()
                .file("approute.json", "{\"serverTimeouts\": {\"read\": 1}}")
                .file("app/api/upload/route.java", """
                        class Route { static Response POST(Request request) { return Response.text("read " + request.bytes().length); } }
                        """)
                .start()) {
            RawHttp.Received received = RawHttp.exchangeUntilClosed(configured.port(),
                    "POST /api/upload HTTP/1.1\r\n" + LYING_HEAD + "0123456789", CLIENT_PATIENCE_SECONDS);
            assertThat(received.closedByServer()).as("closed by the 1 s read timeout of approute.json: " + received.text()).isTrue();
            assertThat(received.text()).doesNotContain("read ");
        }
    }

    @Test
    void lyingContentLengthToAHandlerThatIgnoresTheBodyIsAnsweredThenClosed() {
        // The response does not wait for the body; the engine then stops waiting for the rest of it.
        RawHttp.Received received = RawHttp.exchangeUntilClosed(app.port(), "POST /api/ignore HTTP/1.1\r\n" + LYING_HEAD + "0123456789",
                CLIENT_PATIENCE_SECONDS);
        assertThat(received.status()).isEqualTo(200);
        assertThat(received.text()).endsWith("ignored");
        assertThat(received.closedByServer()).isTrue();
    }

    @Test
    void tricklingBodyBelowTheMinimumRateIsCut() throws Exception {
        // CVE-2024-56332: one byte every 200 ms never trips a 1 s read timeout; the 100 bytes/s minimum rate does.
        try (RawHttp.Connection connection = RawHttp.Connection.open(app.port())) {
            connection.write("POST /api/upload HTTP/1.1\r\n" + LYING_HEAD);
            CompletableFuture<RawHttp.Received> reply = CompletableFuture.supplyAsync(() -> connection.readUntilClosed(CLIENT_PATIENCE_SECONDS));
            int sent = 0;
            while (!reply.isDone() && sent < 1000 && connection.write("x")) {
                sent++;
                Thread.sleep(200);
            }
            RawHttp.Received received = reply.get();
            assertThat(received.closedByServer()).as("cut after " + sent + " bytes: " + received.text()).isTrue();
            assertThat(sent).isLessThan(1000);
            assertThat(lastFailedUpload()).startsWith("408 ").contains("slower than 100 bytes/s");
        }
    }

    @Test
    void slowHeaderSectionIsAnswered408AndClosed() throws Exception {
        // Slowloris: a request line, then one header line every 300 ms, forever.
        try (RawHttp.Connection connection = RawHttp.Connection.open(app.port())) {
            connection.write("GET /api/hello HTTP/1.1\r\nHost: localhost\r\n");
            CompletableFuture<RawHttp.Received> reply = CompletableFuture.supplyAsync(() -> connection.readUntilClosed(CLIENT_PATIENCE_SECONDS));
            for (int i = 0; !reply.isDone() && i < 100 && connection.write("X-Slow-" + i + ": 1\r\n"); i++) {
                Thread.sleep(300);
            }
            RawHttp.Received received = reply.get();
            assertThat(received.status()).as(received.text()).isEqualTo(408);
            assertThat(received.closedByServer()).isTrue();
        }
    }

    @Test
    void fiftyStalledBodiesDoNotStarveANormalRequest() {
        List<RawHttp.Connection> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                RawHttp.Connection connection = RawHttp.Connection.open(app.port());
                stalled.add(connection);
                connection.write("POST /api/upload HTTP/1.1\r\n" + LYING_HEAD + "0123456789");
            }
            HttpResponse<String> normal = app.get("/api/hello");
            assertThat(normal.statusCode()).isEqualTo(200);
            assertThat(normal.body()).isEqualTo("hello");
            // And the stalled ones are all let go.
            for (RawHttp.Connection connection : stalled) {
                assertThat(connection.readUntilClosed(CLIENT_PATIENCE_SECONDS).closedByServer()).isTrue();
                assertThat(lastFailedUpload()).startsWith("408 ");
            }
        } finally {
            stalled.forEach(RawHttp.Connection::close);
        }
    }

    @Test
    void bodyAtFullSpeedIsReadWhole() {
        HttpResponse<String> response = app.send(HttpRequest.newBuilder(app.uri("/api/upload"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024])).build());
        assertThat(response.body()).isEqualTo("read " + 2 * 1024 * 1024);
    }

    @Test
    void clientThatHangsUpMidBodyIsNotAHandlerFailure() {
        try (RawHttp.Connection connection = RawHttp.Connection.open(app.port())) {
            connection.write("POST /api/upload HTTP/1.1\r\n" + LYING_HEAD + "0123456789");
        }
        assertThat(lastFailedUpload()).startsWith("400 ").contains("ended early");
        assertThat(app.log()).as("no 500 was logged").isEmpty();
    }

    private static String lastFailedUpload() {
        return app.get("/api/upload").body();
    }
}
