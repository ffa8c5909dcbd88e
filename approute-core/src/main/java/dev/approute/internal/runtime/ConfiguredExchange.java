package dev.approute.internal.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import dev.approute.Headers;

/**
 * An exchange as approute.json shapes it: the origin {@code request.url()} reports ({@code origin},
 * {@code trustProxy}), the path a rewrite serves, the response options ({@code compress}, {@code generateEtags}),
 * and the headers every response gets ({@code headers}, CORS, {@code poweredByHeader}). Immutable: each
 * {@code with...} returns a new one. A response's own header wins over a configured one of the same name, except
 * {@code Vary} (the tokens are merged) and {@code Set-Cookie} (both are sent).
 */
final class ConfiguredExchange implements Exchange {
    private final Exchange delegate;
    private final String scheme;
    private final String authority;
    private final String rawPath;
    private final String rawQuery;
    private final Headers extraHeaders;
    private final ResponseOptions options;
    private final InputStream body;

    private ConfiguredExchange(Exchange delegate, String scheme, String authority, String rawPath, String rawQuery,
                               Headers extraHeaders, ResponseOptions options, InputStream body) {
        this.delegate = delegate;
        this.scheme = scheme;
        this.authority = authority;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
        this.extraHeaders = extraHeaders;
        this.options = options;
        this.body = body;
    }

    static ConfiguredExchange of(Exchange exchange, String scheme, String authority, ResponseOptions options) {
        if (exchange instanceof ConfiguredExchange configured) {
            return configured;
        }
        return new ConfiguredExchange(exchange, scheme, authority, exchange.rawPath(), exchange.rawQuery(), Headers.empty(), options, null);
    }

    /** Adds headers every response of this exchange carries; of two with the same name, the one added later wins. */
    ConfiguredExchange withResponseHeaders(Headers headers) {
        if (headers.isEmpty()) {
            return this;
        }
        return new ConfiguredExchange(delegate, scheme, authority, rawPath, rawQuery, merge(headers, extraHeaders), options, body);
    }

    /** The headers every response of this exchange gets (what {@link #send} merges into the response's own). */
    Headers responseHeaders() {
        return extraHeaders;
    }

    /** The request as a rewrite serves it: another path, and the query with the destination's parameters. */
    ConfiguredExchange withTarget(String path, String query) {
        return new ConfiguredExchange(delegate, scheme, authority, path, query, extraHeaders, options, body);
    }

    /** The request body through a size limit. */
    ConfiguredExchange withBody(InputStream limited) {
        return new ConfiguredExchange(delegate, scheme, authority, rawPath, rawQuery, extraHeaders, options, limited);
    }

    @Override
    public String method() {
        return delegate.method();
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
        return scheme;
    }

    @Override
    public String authority() {
        return authority;
    }

    @Override
    public Headers headers() {
        return delegate.headers();
    }

    @Override
    public List<String> headerValues(String name) {
        return delegate.headerValues(name);
    }

    @Override
    public long contentLength() {
        return delegate.contentLength();
    }

    @Override
    public InputStream body() {
        return body != null ? body : delegate.body();
    }

    @Override
    public ResponseOptions responseOptions() {
        return options;
    }

    @Override
    public void send(int status, String reason, Headers headers, byte[] responseBody) throws IOException {
        delegate.send(status, reason, merge(headers, extraHeaders), responseBody);
    }

    @Override
    public StreamingBody stream(int status, String reason, Headers headers) throws IOException {
        return delegate.stream(status, reason, merge(headers, extraHeaders));
    }

    /** {@code own} plus every configured header it lacks; Vary tokens united, Set-Cookie values added. */
    static Headers merge(Headers own, Headers configured) {
        if (configured.isEmpty()) {
            return own;
        }
        Headers.Builder merged = null;
        for (String name : configured.names()) {
            boolean vary = name.equals("vary");
            if (own.has(name) && !vary && !name.equals("set-cookie")) {
                continue;
            }
            if (merged == null) {
                merged = own.toBuilder();
            }
            for (String value : configured.getAll(name)) {
                if (vary) {
                    addVaryTokens(merged, own, value);
                } else {
                    merged.add(name, value);
                }
            }
        }
        return merged == null ? own : merged.build();
    }

    private static void addVaryTokens(Headers.Builder merged, Headers own, String value) {
        List<String> existing = own.getAll("vary");
        for (String token : value.split(",")) {
            String trimmed = token.strip();
            if (!trimmed.isEmpty() && !containsToken(existing, trimmed)) {
                merged.add("vary", trimmed);
            }
        }
    }

    private static boolean containsToken(List<String> values, String token) {
        for (String value : values) {
            for (String part : value.split(",")) {
                if (part.strip().equalsIgnoreCase(token) || part.strip().equals("*")) {
                    return true;
                }
            }
        }
        return false;
    }
}
