package dev.approute.internal.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import dev.approute.Headers;

/**
 * The request a cached render sees: GET of the path, with no query, no headers, no cookies and no body.
 * A response that may be served to everyone is built from what everyone shares (Next.js's force-static strips the
 * request the same way). It answers nothing: the renderer captures the Response instead.
 */
final class PathOnlyExchange implements Exchange {
    /**
     * Cached renders have no client; their URLs use this origin: {@code start}'s default port, as Next.js's
     * prerender ({@code http://localhost:3000}), so a cached body is the same whichever instance rendered it.
     */
    static final String ORIGIN_HOST = "localhost:3000";

    private final String path;

    PathOnlyExchange(String path) {
        this.path = path;
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String rawPath() {
        return path;
    }

    @Override
    public String rawQuery() {
        return "";
    }

    @Override
    public String scheme() {
        return "http";
    }

    @Override
    public String authority() {
        return ORIGIN_HOST;
    }

    @Override
    public Headers headers() {
        return Headers.empty();
    }

    @Override
    public List<String> headerValues(String name) {
        return List.of();
    }

    @Override
    public InputStream body() {
        return InputStream.nullInputStream();
    }

    @Override
    public long contentLength() {
        return 0;
    }

    @Override
    public void send(int status, String reason, Headers headers, byte[] body) throws IOException {
        throw new IllegalStateException("a cached render is captured, not sent");
    }

    @Override
    public StreamingBody stream(int status, String reason, Headers headers) throws IOException {
        throw new IllegalStateException("a cached render is captured, not sent");
    }
}
