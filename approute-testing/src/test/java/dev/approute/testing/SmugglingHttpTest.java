package dev.approute.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Request smuggling (RFC 9112 §6, §5.2): a request whose body length is ambiguous is refused with a 400 and its
 * connection closed, and bytes the server did not read as a body are never read as the next request. Each refused
 * request carries a smuggled second request; it must never be answered.
 */
class SmugglingHttpTest {
    private static final String SMUGGLED = "GET /api/secret HTTP/1.1\r\nHost: localhost\r\n\r\n";
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.builder()
                .file("app/api/hello/route.java", """
                        class Route {
                            static Response GET() { return Response.text("hello"); }
                            static Response POST(Request request) { return Response.text("echo:" + request.text()); }
                        }
                        """)
                .file("app/api/stream/route.java", """
                        class Route {
                            static Response GET() { return Response.stream(sink -> { sink.send("one,"); sink.send("two"); }); }
                            static Response POST(Request request) { return Response.stream(request.body(), init -> init.contentType("text/plain")); }
                        }
                        """)
                .file("app/api/secret/route.java", """
                        class Route { static Response GET() { return Response.text("SMUGGLED"); } }
                        """)
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static RawHttp.Received send(String request) {
        return RawHttp.exchangeUntilClosed(app.port(), request, 5);
    }

    private static void assertRefusedAndClosed(String description, String request) {
        RawHttp.Received received = send(request);
        assertThat(received.status()).as(description + "\n" + received.text()).isEqualTo(400);
        assertThat(received.responses()).as(description + ": the smuggled request is never answered").isEqualTo(1);
        assertThat(received.text()).as(description).doesNotContain("SMUGGLED");
        assertThat(received.closedByServer()).as(description + ": the connection is closed").isTrue();
    }

    @Test
    void transferEncodingWithContentLengthIsRefused() {
        // RFC 9112 §6.3: TE + CL is the CL.TE / TE.CL desync; a server may not pick one of them.
        String chunkedBody = "0\r\n\r\n" + SMUGGLED;
        assertRefusedAndClosed("TE+CL", "POST /api/hello HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + chunkedBody);
        assertRefusedAndClosed("CL+TE", "POST /api/hello HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                + "Content-Length: " + chunkedBody.length() + "\r\n\r\n" + chunkedBody);
    }

    @Test
    void twoContentLengthsAreRefused() {
        assertRefusedAndClosed("two CLs", "POST /api/hello HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n"
                + "Content-Length: " + (2 + SMUGGLED.length()) + "\r\n\r\nab" + SMUGGLED);
        assertRefusedAndClosed("CL list", "POST /api/hello HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2, 2\r\n\r\nab" + SMUGGLED);
    }

    @Test
    void transferCodingsOtherThanChunkedAloneAreRefused() {
        // RFC 9112 §6.1: chunked must be the final coding, and approute decodes no other one.
        for (String codings : List.of("chunked, identity", "identity, chunked", "gzip, chunked", "xchunked", "chunked\r\nTransfer-Encoding: chunked")) {
            assertRefusedAndClosed("Transfer-Encoding: " + codings, "POST /api/hello HTTP/1.1\r\nHost: localhost\r\n"
                    + "Transfer-Encoding: " + codings + "\r\n\r\n0\r\n\r\n" + SMUGGLED);
        }
    }

    @Test
    void obsoleteLineFoldingIsRefused() {
        // RFC 9112 §5.2: obs-fold in a request is rejected (or replaced by SP); a folded Transfer-Encoding is a known desync.
        assertRefusedAndClosed("obs-fold", "POST /api/hello HTTP/1.1\r\nHost: localhost\r\nX-Folded: a\r\n b\r\n"
                + "Content-Length: 2\r\n\r\nab" + SMUGGLED);
        assertRefusedAndClosed("folded TE", "POST /api/hello HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding:\r\n chunked\r\n"
                + "Content-Length: 2\r\n\r\nab" + SMUGGLED);
    }

    @Test
    void whitespaceBeforeTheColonIsRefused() {
        // RFC 9112 §5.1: "Transfer-Encoding : chunked" must be rejected, not read as some other header.
        assertRefusedAndClosed("space before colon", "POST /api/hello HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding : chunked\r\n"
                + "Content-Length: 5\r\n\r\n0\r\n\r\n" + SMUGGLED);
    }

    @Test
    void contentLengthThatIsNotPlainDigitsIsRefused() {
        // Long.parseLong reads "+5"; Helidon reads "-1" as a chunked body.
        for (String length : List.of("+5", "-1", "0x5", "5 5", "")) {
            assertRefusedAndClosed("Content-Length: '" + length + "'", "POST /api/hello HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Length: " + length + "\r\n\r\nhello" + SMUGGLED);
        }
    }

    @Test
    void malformedChunkIsA400NotA500() {
        RawHttp.Received received = send("POST /api/hello HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "zz\r\nhello\r\n0\r\n\r\n" + SMUGGLED);
        assertThat(received.status()).as(received.text() + app.log()).isEqualTo(400);
        assertThat(received.text()).doesNotContain("SMUGGLED");
        assertThat(received.closedByServer()).isTrue();
    }

    @Test
    void unreadBodyIsNeverParsedAsTheNextRequest() {
        // The POST goes to a route without POST (405): nobody reads its body. The engine must consume it as a body,
        // so the next request on the connection is the real one, not the bytes inside the body.
        try (RawHttp.Connection connection = RawHttp.Connection.open(app.port())) {
            connection.write("POST /api/secret HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + SMUGGLED.length() + "\r\n\r\n" + SMUGGLED);
            connection.write("GET /api/hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            RawHttp.Received received = connection.readUntilClosed(5);
            assertThat(received.responses()).as(received.text()).isEqualTo(2);
            assertThat(received.status()).isEqualTo(405);
            assertThat(received.text()).doesNotContain("SMUGGLED").endsWith("hello");
            assertThat(received.closedByServer()).isTrue();
        }
    }

    @Test
    void connectionCloseEndsTheConnectionEvenWithAnUnreadBody() {
        // Helidon 4.5 keeps reading after a Connection: close response (helidon#12324); with an unread body that
        // would answer the bytes inside it as a request.
        RawHttp.Received received = send("POST /api/secret HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: "
                + SMUGGLED.length() + "\r\n\r\n" + SMUGGLED);
        assertThat(received.responses()).as(received.text()).isEqualTo(1);
        assertThat(received.status()).isEqualTo(405);
        assertThat(received.closedByServer()).isTrue();

        RawHttp.Received pipelined = send("GET /api/hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n" + SMUGGLED);
        assertThat(pipelined.responses()).as(pipelined.text()).isEqualTo(1);
        assertThat(pipelined.text()).endsWith("hello").doesNotContain("SMUGGLED");
        assertThat(pipelined.closedByServer()).isTrue();
    }

    @Test
    void connectionCloseEndsTheConnectionAfterTheWholeStreamedBody() {
        // The connection is ended after the response is complete: the last chunk of a stream is not lost.
        RawHttp.Received streamed = send("GET /api/stream HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(streamed.text()).as(streamed.text()).contains("one,", "two").endsWith("\r\n0\r\n\r\n");
        assertThat(streamed.closedByServer()).isTrue();
        RawHttp.Received echoed = send("POST /api/stream HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\nabc\r\n0\r\n\r\n");
        assertThat(echoed.text()).as(echoed.text()).contains("abc").endsWith("\r\n0\r\n\r\n");
        assertThat(echoed.closedByServer()).isTrue();
    }

    @Test
    void expectContinueForABodyNobodyReadsEndsTheConnectionWithoutALate100() {
        // RFC 9110 §10.1.1: the final answer came before the body; a 100 Continue sent after it (to drain the body)
        // would be read by the client as the answer to its next request.
        RawHttp.Received received = send("POST /api/secret HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
        assertThat(received.status()).as(received.text()).isEqualTo(405);
        assertThat(received.responses()).isEqualTo(1);
        assertThat(received.closedByServer()).isTrue();
    }

    @Test
    void expectContinueForABodyTheHandlerReadsGetsItsContinue() {
        try (RawHttp.Connection connection = RawHttp.Connection.open(app.port())) {
            connection.write("POST /api/hello HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\nContent-Length: 5\r\nConnection: close\r\n\r\n");
            assertThat(RawHttp.status(connection.readResponse())).isEqualTo(100);
            connection.write("howdy");
            assertThat(connection.readUntilClosed(5).text()).endsWith("echo:howdy");
        }
    }

    @Test
    void malformedRequestsGetA4xxNeverA5xxOrAHang() {
        List<String> malformed = List.of(
                "GET /api/hello HTTP/1.1\r\n\r\n",                                        // no Host (RFC 9112 §3.2)
                "GET /api/hello HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",                    // two Hosts
                "GET /api/hello HTTP/1.1\r\nHost: a b\r\n\r\n",                             // invalid Host
                "G@T /api/hello HTTP/1.1\r\nHost: localhost\r\n\r\n",                     // method is not a token
                "GET  /api/hello HTTP/1.1\r\nHost: localhost\r\n\r\n",                    // two spaces
                "GET /api/hel\u0000lo HTTP/1.1\r\nHost: localhost\r\n\r\n",               // NUL in the target
                "GET /api/h\u00e9llo HTTP/1.1\r\nHost: localhost\r\n\r\n",                 // raw non-ASCII target
                "GET /api/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n",                       // malformed escape
                "GET /api/hello HTTP/1.1\r\nHost: localhost\r\nX-Nul: a\u0000b\r\n\r\n",      // NUL in a value
                "GET /api/hello HTTP/1.1\r\nHost: localhost\r\nBad Name: x\r\n\r\n",      // space in a name
                "GET /api/hello HTTP/1.1\r\nHost: localhost\r\nNo-Colon\r\n\r\n",        // no colon
                "GET /api/hello HTTP/1.1\r\nHost: localhost\r\n: empty-name\r\n\r\n",    // empty name
                "POST /api/hello HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\nx\r\n0\r\n\r\n");
        for (String request : malformed) {
            // One answer, within the client's 5 s (a hang shows as no status at all).
            String answer = RawHttp.exchange(app.port(), request);
            assertThat(RawHttp.status(answer)).as(request.replace("\r\n", "\\r\\n") + "\n" + answer).isBetween(400, 499);
        }
        assertThat(app.log()).as("no handler failed").isEmpty();
    }

    @Test
    void wellFramedRequestsStillWorkOnOneConnection() {
        // The other tests must fail for the right reason: the same connection serves correct pipelined requests.
        try (RawHttp.Connection connection = RawHttp.Connection.open(app.port())) {
            connection.write("POST /api/hello HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\nab"
                    + "POST /api/hello HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n2\r\ncd\r\n0\r\n\r\n"
                    + "GET /api/hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            RawHttp.Received received = connection.readUntilClosed(5);
            assertThat(received.responses()).as(received.text()).isEqualTo(3);
            assertThat(received.text()).contains("echo:ab", "echo:cd").endsWith("hello");
        }
    }
}
