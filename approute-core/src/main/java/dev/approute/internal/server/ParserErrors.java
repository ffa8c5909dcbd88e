package dev.approute.internal.server;

import java.nio.charset.StandardCharsets;

import io.helidon.http.DirectHandler;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

import dev.approute.internal.config.ByteSize;

/** Answers for requests the engine refuses before any route runs: always a 4xx, with a short reason. */
final class ParserErrors {
    private ParserErrors() {
    }

    /**
     * Connection-closing answers for what Helidon's HTTP/1 parser refuses. Direct handlers run only for requests that
     * never reached routing (approute's dispatcher answers everything routed), so an "internal error" here is a
     * request the parser could not read, such as an invalid method token (RFC 9112 §3: method = token): a 400.
     * So is Helidon's 501 for a transfer coding it does not implement: bad input never gets a 5xx.
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
        Status answer = event == DirectHandler.EventType.INTERNAL_ERROR || status.code() == 501 ? Status.BAD_REQUEST_400 : status;
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
        answerAndClose(response, Status.BAD_REQUEST_400, "Bad Request: " + reason);
    }

    /** RFC 9110 §5.1: a field name is a token, so never empty; Helidon's validation lets {@code ": value"} through. */
    static boolean hasEmptyFieldName(ServerRequestHeaders headers) {
        for (Header header : headers) {
            if (header.name().isEmpty()) {
                return true;
            }
        }
        return false;
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
        answerAndClose(response, Status.create(431, "Request Header Fields Too Large"),
                "Request Header Fields Too Large: the headers exceed " + limit + " bytes");
    }

    /** RFC 9110 §15.5.14: the declared body is over the limit; refused before a byte of it is read. */
    static void rejectBodySize(ServerResponse response, long declared, long limit) {
        answerAndClose(response, Status.REQUEST_ENTITY_TOO_LARGE_413,
                "Payload Too Large: the request body of " + declared + " bytes is larger than the limit of " + ByteSize.format(limit));
    }

    // The connection is closed after these: what follows on it (an unread body) is never parsed as a request.
    private static void answerAndClose(ServerResponse response, Status status, String text) {
        response.status(status);
        response.header(HeaderNames.CONNECTION, "close");
        response.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.send(text.getBytes(StandardCharsets.UTF_8));
    }
}
