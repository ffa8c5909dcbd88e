package dev.approute.internal.runtime;

import java.io.InputStream;
import java.util.List;
import java.util.function.Supplier;

import dev.approute.Headers;

/**
 * The request as middleware passes it on: the path a rewrite chose, the request headers middleware set, and the body
 * (replayed when middleware read it). Request side only: what is routed under it answers into a
 * {@link ResponseCapture}, never onto this exchange, so the approute.json headers of the outer exchange are added
 * once, to the response middleware returns.
 */
final class MiddlewareExchange implements Exchange {
    private final Exchange outer;
    private final String rawPath;
    private final String rawQuery;
    private final Headers headers;
    private final Supplier<InputStream> body;

    /** @param headers the request headers as middleware set them, or null for the outer exchange's */
    MiddlewareExchange(Exchange outer, String rawPath, String rawQuery, Headers headers, Supplier<InputStream> body) {
        this.outer = outer;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
        this.headers = headers;
        this.body = body;
    }

    @Override
    public String method() {
        return outer.method();
    }

    @Override
    public String rawPath() {
        return rawPath;
    }

    @Override
    public String rawQuery() {
        return rawQuery;
    }

    @Override
    public String scheme() {
        return outer.scheme();
    }

    @Override
    public String authority() {
        return outer.authority();
    }

    @Override
    public Headers headers() {
        return headers != null ? headers : outer.headers();
    }

    @Override
    public List<String> headerValues(String name) {
        return headers != null ? headers.getAll(name) : outer.headerValues(name);
    }

    @Override
    public long contentLength() {
        return outer.contentLength();
    }

    @Override
    public InputStream body() {
        return body.get();
    }

    @Override
    public ResponseOptions responseOptions() {
        return outer.responseOptions();
    }

    @Override
    public void send(int status, String reason, Headers responseHeaders, byte[] responseBody) {
        throw new IllegalStateException("a request routed under middleware answers into its ResponseCapture");
    }

    @Override
    public StreamingBody stream(int status, String reason, Headers responseHeaders) {
        throw new IllegalStateException("a request routed under middleware answers into its ResponseCapture");
    }
}
