package dev.approute;

import java.io.InputStream;

/**
 * An incoming HTTP request, shaped like the Web {@code Request} with Next.js's {@code NextRequest} helpers.
 * Body readers may be called more than once, except {@link #body()}, which streams the body once.
 *
 * <pre>{@code
 * static Response POST(Request request) {
 *     Map<?, ?> data = request.json(Map.class);          // 400 for the client if the JSON is invalid
 *     String query = request.nextUrl().searchParams().get("query");
 *     return Response.json(Map.of("res", data, "query", query));
 * }
 * }</pre>
 */
public interface Request {
    /** Upper-case, as received: {@code GET}, {@code POST}, ... */
    String method();

    /** The full URL, e.g. {@code http://localhost:3000/api/echo?x=1}. */
    String url();

    NextUrl nextUrl();

    /** Read-only request headers. Headers with the reserved {@code x-approute-} prefix never arrive here. */
    Headers headers();

    RequestCookies cookies();

    /** False for GET and HEAD requests, whose bodies handlers never see. */
    boolean hasBody();

    /** The whole body as bytes (empty when there is none). Re-readable. */
    byte[] bytes();

    /** The body decoded as UTF-8. */
    String text();

    /**
     * The body parsed as JSON: {@code Map}, {@code List}, {@code String}, {@code Number}, {@code Boolean} or null.
     *
     * @throws BadRequestException (400) for an empty or invalid body
     */
    Object json();

    /**
     * The body parsed as JSON into {@code type} (Jackson data binding).
     *
     * @throws BadRequestException (400) for an empty or invalid body, or one that does not fit {@code type}
     */
    <T> T json(Class<T> type);

    /**
     * The body as a form.
     *
     * @throws BadRequestException 415 when the content type is neither urlencoded nor multipart, 400 when malformed
     */
    FormData formData();

    /**
     * The body as a stream, read while the client is still sending it (full duplex). One-shot: after it,
     * the other body readers fail, and it fails after them.
     */
    InputStream body();
}
