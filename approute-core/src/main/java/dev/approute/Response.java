package dev.approute;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.approute.internal.json.Json;
import dev.approute.internal.util.Streams;

/**
 * An HTTP response: status, headers and a body, shaped like the Web {@code Response}. Immutable;
 * {@link #with} returns a changed copy.
 *
 * <pre>{@code
 * Response.json(Map.of("message", "Hello World"), init -> init.header("X-Route", "hello"));
 * Response.text("Success!");                                    // text/plain;charset=UTF-8
 * Response.bytes(pngBytes, init -> init.contentType("image/png"));
 * Response.stream(sink -> sink.send("<p>One</p>"));             // chunked, flushed per chunk
 * Response.redirect("/login");                                  // 307, Location kept relative
 * Response.empty(204);
 * }</pre>
 *
 * Status codes follow the Fetch standard: 200 to 599, and 204, 205 and 304 cannot have a body.
 */
public final class Response {
    /** A response body. */
    public sealed interface Body permits None, Bytes, Streamed {
    }

    /** No body at all ({@code new Response(null)}). */
    public record None() implements Body {
    }

    /** A body whose bytes are all known; sent with {@code Content-Length}. */
    public record Bytes(byte[] data) implements Body {
        @Override
        public String toString() {
            return "Bytes[" + data.length + "]";
        }
    }

    /** A body produced while it is sent; sent chunked. */
    public record Streamed(BodyWriter writer) implements Body {
    }

    private static final Body NONE = new None();
    private static final String TEXT_PLAIN = "text/plain;charset=UTF-8";
    private static final Consumer<ResponseInit> NO_OPTIONS = init -> { };
    // The headers of the common cases, built once: most responses are a plain json() or text().
    private static final Headers JSON_ONLY = Headers.of("content-type", "application/json");
    private static final Headers TEXT_ONLY = Headers.of("content-type", TEXT_PLAIN);

    private final int status;
    private final String statusText;
    private final Headers headers;
    private final Body body;

    private Response(int status, String statusText, Headers headers, Body body) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("Response status must be in the range 200 to 599, got " + status);
        }
        if (isNullBodyStatus(status) && !(body instanceof None)) {
            throw new IllegalArgumentException("A " + status + " response cannot have a body: use Response.empty(" + status + ")");
        }
        this.status = status;
        this.statusText = statusText;
        this.headers = headers;
        this.body = body;
    }

    // --- factories -------------------------------------------------------------------------------------

    /** {@code value} encoded as JSON (Jackson), {@code Content-Type: application/json}. */
    public static Response json(Object value) {
        return json(value, NO_OPTIONS);
    }

    public static Response json(Object value, Consumer<ResponseInit> options) {
        return build(new Bytes(Json.encode(value)), "application/json", options);
    }

    /** A UTF-8 text body, {@code Content-Type: text/plain;charset=UTF-8} unless the options set another. */
    public static Response text(String text) {
        return text(text, NO_OPTIONS);
    }

    public static Response text(String text, Consumer<ResponseInit> options) {
        Objects.requireNonNull(text, "text; use Response.empty() for no body");
        return build(new Bytes(text.getBytes(StandardCharsets.UTF_8)), TEXT_PLAIN, options);
    }

    /** An HTML body, {@code Content-Type: text/html; charset=utf-8}. */
    public static Response html(String html) {
        return build(new Bytes(html.getBytes(StandardCharsets.UTF_8)), "text/html; charset=utf-8", NO_OPTIONS);
    }

    /** Raw bytes; no {@code Content-Type} unless the options set one (as the Web API). */
    public static Response bytes(byte[] data) {
        return bytes(data, NO_OPTIONS);
    }

    public static Response bytes(byte[] data, Consumer<ResponseInit> options) {
        return build(new Bytes(data.clone()), null, options);
    }

    /** No body ({@code new Response(null)}), status 200. */
    public static Response empty() {
        return empty(200);
    }

    /** No body, with {@code status} (204, 304, 404, ...). */
    public static Response empty(int status) {
        return build(NONE, null, init -> init.status(status));
    }

    public static Response empty(Consumer<ResponseInit> options) {
        return build(NONE, null, options);
    }

    /** A body streamed by {@code writer}; no {@code Content-Type} unless the options set one. */
    public static Response stream(BodyWriter writer) {
        return stream(writer, NO_OPTIONS);
    }

    public static Response stream(BodyWriter writer, Consumer<ResponseInit> options) {
        return build(new Streamed(Objects.requireNonNull(writer)), null, options);
    }

    /** Streams the chunks of an iterator ({@code byte[]} or text), one network write per chunk. */
    public static Response stream(Iterator<?> chunks) {
        return stream(chunks, NO_OPTIONS);
    }

    public static Response stream(Iterator<?> chunks, Consumer<ResponseInit> options) {
        return stream(Streams.fromIterator(chunks), options);
    }

    /** Streams the chunks of a {@link Stream} ({@code byte[]} or text), closing it at the end. */
    public static Response stream(Stream<?> chunks, Consumer<ResponseInit> options) {
        return stream(Streams.fromStream(chunks), options);
    }

    /** Copies {@code input} to the client as it arrives, then closes it ({@code new Response(request.body)}). */
    public static Response stream(InputStream input, Consumer<ResponseInit> options) {
        return stream(Streams.fromInputStream(input), options);
    }

    /** Streams what a reactive publisher emits ({@code byte[]} or text), requesting one chunk at a time. */
    public static Response fromPublisher(Flow.Publisher<?> publisher, Consumer<ResponseInit> options) {
        return stream(Streams.fromPublisher(publisher), options);
    }

    /** A 307 redirect. {@code url} may be relative ({@code /login}); it is sent as given. */
    public static Response redirect(String url) {
        return redirect(url, 307);
    }

    /** A redirect with 301, 302, 303, 307 or 308. */
    public static Response redirect(String url, int status) {
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            throw new IllegalArgumentException("A redirect status is 301, 302, 303, 307 or 308, got " + status);
        }
        return build(NONE, null, init -> init.status(status).header("location", url));
    }

    // --- accessors -------------------------------------------------------------------------------------

    public int status() {
        return status;
    }

    /** The reason phrase the handler chose, or null for the standard one. */
    public String statusText() {
        return statusText;
    }

    public Headers headers() {
        return headers;
    }

    public Body body() {
        return body;
    }

    /** A copy with changed status, status text or headers; the body stays. */
    public Response with(Consumer<ResponseInit> changes) {
        ResponseInit init = new ResponseInit(status, statusText, headers.toBuilder());
        changes.accept(init);
        return new Response(init.status, init.statusText, init.headers.build(), body);
    }

    @Override
    public String toString() {
        return "Response{" + status + ", " + headers + ", " + body + "}";
    }

    private static Response build(Body body, String defaultContentType, Consumer<ResponseInit> options) {
        if (options == NO_OPTIONS) {
            Headers headers = "application/json".equals(defaultContentType) ? JSON_ONLY
                    : TEXT_PLAIN.equals(defaultContentType) ? TEXT_ONLY
                    : defaultContentType == null ? Headers.empty() : Headers.of("content-type", defaultContentType);
            return new Response(200, null, headers, body);
        }
        ResponseInit init = new ResponseInit(200, null, Headers.builder());
        options.accept(init);
        if (defaultContentType != null && !init.headers.has("content-type")) {
            init.headers.set("content-type", defaultContentType);
        }
        return new Response(init.status, init.statusText, init.headers.build(), body);
    }

    private static boolean isNullBodyStatus(int status) {
        return status == 204 || status == 205 || status == 304;
    }
}
