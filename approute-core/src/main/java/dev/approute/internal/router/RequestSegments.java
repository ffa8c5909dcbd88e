package dev.approute.internal.router;

import dev.approute.internal.util.PercentDecoding;

/**
 * How a request path segment compares with a literal segment (a static route segment, a middleware matcher literal):
 * percent-decoded (RFC 3986 §6.2.2.2: {@code %61dmin} is {@code admin}), case-sensitive, and never equal to a literal
 * when it decodes to something holding {@code /} ({@code admin%2Fusers} is one segment, not two). The router and the
 * middleware matcher both use this, so middleware runs for exactly the paths the router serves under its matcher.
 *
 * <pre>{@code
 * RequestSegments.literalForm("%61dmin");      // "admin"
 * RequestSegments.literalForm("a%2Fb");        // null: matches no literal
 * RequestSegments.literalForm("%zz");          // throws MalformedEncodingException (400)
 * }</pre>
 */
public final class RequestSegments {
    private RequestSegments() {
    }

    /**
     * The text a raw (still percent-encoded) segment is compared as against literal segments, or null when it can
     * equal none.
     *
     * @throws PercentDecoding.MalformedEncodingException for a bad escape
     */
    public static String literalForm(String rawSegment) {
        String decoded = PercentDecoding.decodeStrict(rawSegment);
        return decoded.indexOf('/') >= 0 ? null : decoded;
    }
}
