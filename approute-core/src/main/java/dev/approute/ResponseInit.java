package dev.approute;

import java.util.Map;

/**
 * The options of a {@link Response}, as the Web {@code ResponseInit}: status, status text, headers.
 * Given to the lambda of a {@code Response} factory; the response is built when the lambda returns.
 *
 * <pre>{@code
 * Response.json(data, init -> init.status(201).header("X-Route", "hello").cookie("seen", "1"));
 * }</pre>
 */
public final class ResponseInit {
    int status;
    String statusText;
    final Headers.Builder headers;

    ResponseInit(int status, String statusText, Headers.Builder headers) {
        this.status = status;
        this.statusText = statusText;
        this.headers = headers;
    }

    public ResponseInit status(int newStatus) {
        this.status = newStatus;
        return this;
    }

    /** The reason phrase sent on the status line (HTTP/1.1 only). */
    public ResponseInit statusText(String text) {
        this.statusText = text;
        return this;
    }

    /** Sets a header, replacing earlier values of the same name. */
    public ResponseInit header(String name, String value) {
        headers.set(name, value);
        return this;
    }

    /** Adds a header value, keeping earlier ones (for {@code Set-Cookie}, {@code Vary}, ...). */
    public ResponseInit appendHeader(String name, String value) {
        headers.add(name, value);
        return this;
    }

    public ResponseInit headers(Map<String, String> values) {
        values.forEach(headers::set);
        return this;
    }

    public ResponseInit contentType(String contentType) {
        headers.set("content-type", contentType);
        return this;
    }

    /** Adds {@code Set-Cookie: name=value; Path=/}. */
    public ResponseInit cookie(String name, String value) {
        return cookie(Cookie.of(name, value).withPath("/"));
    }

    /** Adds a {@code Set-Cookie} header for {@code cookie}. */
    public ResponseInit cookie(Cookie cookie) {
        headers.add("set-cookie", cookie.toSetCookie());
        return this;
    }
}
