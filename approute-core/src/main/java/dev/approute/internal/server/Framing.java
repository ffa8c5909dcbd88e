package dev.approute.internal.server;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerRequestHeaders;

/**
 * RFC 9112 §6: where a request body ends must be unambiguous, or a proxy in front and approute can disagree on it
 * and one client's body becomes another request (smuggling). Helidon's parser accepts some ambiguous forms, so every
 * request is checked here before its body is touched; a refused request is answered 400 and its connection closed.
 */
final class Framing {
    private Framing() {
    }

    /** What is wrong with how this request frames its body, or null when it is unambiguous. */
    static String problem(ServerRequestHeaders headers) {
        boolean hasLength = headers.contains(HeaderNames.CONTENT_LENGTH);
        if (headers.contains(HeaderNames.TRANSFER_ENCODING)) {
            if (hasLength) {
                return "ambiguous message framing (Transfer-Encoding with Content-Length)";
            }
            Header codings = headers.get(HeaderNames.TRANSFER_ENCODING);
            // One coding, chunked: chunked must be last (§6.1), and approute decodes no other transfer coding.
            if (codings.allValues().size() != 1 || !codings.get().equals("chunked")) {
                return "unsupported Transfer-Encoding '" + String.join(", ", codings.allValues()) + "' (only 'chunked' is accepted)";
            }
            return null;
        }
        if (hasLength) {
            Header lengths = headers.get(HeaderNames.CONTENT_LENGTH);
            if (lengths.allValues().size() != 1) {
                return "ambiguous message framing (several Content-Length values)";
            }
            if (!isDigits(lengths.get())) {
                // Long.parseLong would take "+5"; Helidon reads "-1" as a chunked body.
                return "Content-Length must be a decimal number of bytes, got '" + lengths.get() + "'";
            }
        }
        return null;
    }

    /** The declared body length, or -1 when there is none (no header, chunked, or too large to count). */
    static long declaredLength(ServerRequestHeaders headers) {
        if (!headers.contains(HeaderNames.CONTENT_LENGTH)) {
            return -1;
        }
        String value = headers.get(HeaderNames.CONTENT_LENGTH).get();
        // 18 digits always fit a long; a longer value is over any limit anyway.
        return value.length() > 18 ? Long.MAX_VALUE : Long.parseLong(value);
    }

    private static boolean isDigits(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
