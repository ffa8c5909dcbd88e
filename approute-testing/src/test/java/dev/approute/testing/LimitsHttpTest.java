package dev.approute.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.approute.internal.server.ServerOptions;

/**
 * Size limits, with the default options: what is too big gets its 4xx (431, 413, 414, 400) and never a 5xx, a hang or
 * a stack overflow. The default body limit is {@link ServerOptions#DEFAULT_MAX_BODY_BYTES} (10 MB, Next.js's).
 */
class LimitsHttpTest {
    private static final long LIMIT = ServerOptions.DEFAULT_MAX_BODY_BYTES;
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.builder()
                .file("app/api/length/route.java", """
                        class Route { static Response POST(Request request) { return Response.text(String.valueOf(request.bytes().length)); } }
                        """)
                .file("app/api/json/route.java", """
                        class Route { static Response POST(Request request) { request.json(); return Response.text("parsed"); } }
                        """)
                .file("app/api/form/route.java", """
                        class Route { static Response POST(Request request) { return Response.text(String.valueOf(request.formData().entries().size())); } }
                        """)
                .file("app/api/query/route.java", """
                        class Route { static Response GET(Request request) { return Response.text(String.valueOf(request.nextUrl().searchParams().size())); } }
                        """)
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void headerSectionOver8KiBIs431() {
        String oneBigHeader = RawHttp.exchange(app.port(), "GET /api/query HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(9 * 1024)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(RawHttp.status(oneBigHeader)).isEqualTo(431);
        String manySmallHeaders = RawHttp.exchange(app.port(), "GET /api/query HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Small: 0123456789abcdef0123456789abcdef\r\n".repeat(300) + "Connection: close\r\n\r\n");
        assertThat(RawHttp.status(manySmallHeaders)).isEqualTo(431);
        String justUnder = RawHttp.exchange(app.port(), "GET /api/query HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(7 * 1024)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(RawHttp.status(justUnder)).isEqualTo(200);
    }

    @Test
    void declaredBodyOverTheDefaultLimitIs413BeforeAByteIsRead() {
        // Only the head is sent: the answer cannot depend on reading the body.
        RawHttp.Received received = RawHttp.exchangeUntilClosed(app.port(), "POST /api/length HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Length: " + (LIMIT + 1) + "\r\n\r\n", 5);
        assertThat(received.status()).as(received.text()).isEqualTo(413);
        assertThat(received.closedByServer()).isTrue();
        // A length no long can hold is refused by Helidon's parser as not a number: a 400, still before any read.
        RawHttp.Received huge = RawHttp.exchangeUntilClosed(app.port(), "POST /api/length HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Length: 99999999999999999999999\r\n\r\n", 5);
        assertThat(huge.status()).as(huge.text()).isIn(400, 413);
        assertThat(huge.closedByServer()).isTrue();
    }

    @Test
    void bodyOfExactlyTheLimitIsAccepted() {
        HttpResponse<String> response = app.send(HttpRequest.newBuilder(app.uri("/api/length"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[(int) LIMIT])).build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(String.valueOf(LIMIT));
    }

    @Test
    void chunkedBodyOverTheLimitIs413WhileBeingRead() {
        // No Content-Length to check up front: the engine counts. Exactly LIMIT + 1 bytes are sent (no final chunk),
        // so the server has read everything when it answers and closes.
        try (RawHttp.Connection connection = RawHttp.Connection.open(app.port())) {
            connection.write("POST /api/length HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n");
            String megabyte = "a".repeat(1024 * 1024);
            for (int i = 0; i < LIMIT / megabyte.length(); i++) {
                connection.write(Integer.toHexString(megabyte.length()) + "\r\n" + megabyte + "\r\n");
            }
            connection.write("1\r\nb\r\n");
            RawHttp.Received received = connection.readUntilClosed(5);
            assertThat(received.status()).as(received.text()).isEqualTo(413);
            assertThat(received.text()).contains("Payload Too Large");
            assertThat(received.closedByServer()).isTrue();
        }
    }

    @Test
    void tenThousandQueryParametersAreAnsweredWithoutA5xx() {
        // 10,000 pairs do not fit the 16 KiB request line: 414. As many as fit are all parsed.
        String tenThousand = "/api/query?" + "a=1&".repeat(10_000);
        String raw = RawHttp.exchange(app.port(), "GET " + tenThousand + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(RawHttp.status(raw)).as(raw).isEqualTo(414);
        HttpResponse<String> fitting = app.get("/api/query?" + "a&".repeat(7_000));
        assertThat(fitting.statusCode()).isEqualTo(200);
        assertThat(fitting.body()).isEqualTo("7000");
    }

    @Test
    void tenThousandFormFieldsAreParsed() {
        HttpResponse<String> response = app.request("POST", "/api/form", Map.of("content-type", "application/x-www-form-urlencoded"),
                "field=value&".repeat(10_000));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("10000");
    }

    @Test
    void deeplyNestedJsonIs400NotAStackOverflow() {
        int depth = 100_000;
        for (String nested : new String[] {"[".repeat(depth) + "]".repeat(depth), "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)}) {
            HttpResponse<String> response = app.request("POST", "/api/json", Map.of("content-type", "application/json"), nested);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).contains("nesting depth");
        }
        assertThat(app.log()).as("no handler failure was logged").isEmpty();
        // Realistic nesting still parses.
        HttpResponse<String> shallow = app.request("POST", "/api/json", Map.of(), "[".repeat(200) + "]".repeat(200));
        assertThat(shallow.statusCode()).isEqualTo(200);
    }
}
