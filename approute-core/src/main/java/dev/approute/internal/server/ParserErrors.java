package dev.approute.internal.server;

import java.nio.charset.StandardCharsets;

import io.helidon.http.DirectHandler;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** Answers for requests the engine refuses before any route runs: always a 4xx, with a short reason. */
final class ParserErrors {
    private ParserErrors() {
    }

    /**
     * Connection-closing answers for what Helidon's HTTP/1 parser refuses. Direct handlers run only for requests that
     * never reached routing (approute's dispatcher answers everything routed), so an "internal error" here is a
     * request the parser could not read, such as an invalid method token (RFC 9112 §3: method = token): a 400.
     */
    static final DirectHandler HANDLER = new DirectHandler() {
        @Override
        public TransportResponse handle(TransportRequest request, EventType event, Status status,
                                        ServerResponseHeaders headers, Throwable cause) {
            return answer(event, status, headers);
        }

        @Override
        public TransportResponse handle(TransportRequest request, EventType event, Status status,
                                        ServerResponseHeaders headers, String message) {
            return answer(event, status, headers);
        }
    };

    private static DirectHandler.TransportResponse answer(DirectHandler.EventType event, Status status, ServerResponseHeaders headers) {
        Status answer = event == DirectHandler.EventType.INTERNAL_ERROR ? Status.BAD_REQUEST_400 : status;
        return DirectHandler.TransportResponse.builder()
                .status(answer)
                .headers(headers)
                .header(HeaderNames.CONNECTION, "close")
                .keepAlive(false)
                .build();
    }

    /** RFC 9112 §3.2: a request target is ASCII; raw non-ASCII bytes are a malformed request. */
    static boolean hasNonAsciiTarget(String rawTarget) {
        for (int i = 0; i < rawTarget.length(); i++) {
            if (rawTarget.charAt(i) > 0x7e || rawTarget.charAt(i) < 0x21) {
                return true;
            }
        }
        return false;
    }

    static void reject(ServerResponse response, String reason) {
        response.status(Status.BAD_REQUEST_400);
        response.header(HeaderNames.CONNECTION, "close");
        response.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.send(("Bad Request: " + reason).getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes of the header section as sent: each line is {@code name: value CRLF}. */
    static int headerBytes(ServerRequestHeaders headers) {
        int total = 0;
        for (Header header : headers) {
            int nameLength = header.name().length();
            if (header.valueCount() == 1) {
                total += nameLength + 2 + header.get().length() + 2; // no list for the usual single value
            } else {
                for (String value : header.allValues()) {
                    total += nameLength + 2 + value.length() + 2;
                }
            }
        }
        return total;
    }

    /** RFC 6585 §5. */
    static void rejectHeaderSize(ServerResponse response, int limit) {
        response.status(Status.create(431, "Request Header Fields Too Large"));
        response.header(HeaderNames.CONNECTION, "close");
        response.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.send(("Request Header Fields Too Large: the headers exceed " + limit + " bytes").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * RFC 9112 §6.1: a request with both Transfer-Encoding and Content-Length, or with several Content-Length
     * values, is a smuggling attempt; it is refused and the connection closed.
     */
    static boolean isAmbiguousFraming(ServerRequestHeaders headers) {
        boolean chunked = headers.contains(HeaderNames.TRANSFER_ENCODING);
        if (!headers.contains(HeaderNames.CONTENT_LENGTH)) {
            return false;
        }
        return chunked || headers.get(HeaderNames.CONTENT_LENGTH).allValues().size() > 1;
    }

    static void rejectFraming(ServerResponse response) {
        reject(response, "ambiguous message framing (Transfer-Encoding with Content-Length)");
    }
}
