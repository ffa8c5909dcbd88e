package dev.approute.internal.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;

import dev.approute.Headers;
import dev.approute.Response;
import dev.approute.internal.util.IdentityMemo;

/**
 * Puts a {@link Response} on the wire: adds the cookie store's {@code Set-Cookie} headers after the
 * response's own, adds {@code Vary: Accept-Encoding} for compressible types (as Next.js), drops framing
 * headers the engine owns, strips bodies from HEAD, and streams {@link Response.Streamed} bodies chunk by chunk.
 */
final class ResponseSender implements ResponseSink {
    /** Response headers as they go out, and whether they allow gzip at all (a client must still ask for it). */
    private record Outgoing(Headers headers, boolean compressible) {
        static Outgoing of(Headers responseHeaders) {
            Headers headers = withEngineRules(responseHeaders);
            return new Outgoing(headers, Compression.allowedBy(headers));
        }
    }

    private final ErrorResponses errors;
    // Response.json() and text() share constant Headers instances, and a cache hit sends its entry's: their outgoing
    // form is derived once per instance instead of once per request.
    private final IdentityMemo<Headers, Outgoing> outgoing = new IdentityMemo<>(32, Outgoing::of);
    // A cache HIT shares its entry's body array between requests: its ETag and gzip form are derived once, not per HIT.
    private final IdentityMemo<byte[], String> servedTags = new IdentityMemo<>(32, EntityTag::of);
    private final IdentityMemo<byte[], byte[]> servedGzip = new IdentityMemo<>(32, Compression::gzip);

    ResponseSender(ErrorResponses errors) {
        this.errors = errors;
    }

    /** @param deadline the route's maxDuration, which a streamed body must finish within; null for none */
    @Override
    public int send(Exchange exchange, Response response, CookieJar cookies, HandlerDeadline deadline) {
        // RFC 9110 §9.3.2: a HEAD response has no body, whoever produced it (a handler, auto-HEAD, a 404, a 405).
        boolean head = exchange.method().equals("HEAD");
        Outgoing out = outgoing.get(response.headers());
        Headers headers = withCookies(out.headers(), cookies);
        int status = response.status();
        try {
            switch (response.body()) {
                case Response.None none -> exchange.send(status, response.statusText(), headers, null);
                case Response.Bytes bytes ->
                        sendBytes(exchange, status, response.statusText(), headers, out.compressible(), bytes.data(), head,
                                EntityTag::of, Compression::gzip);
                case Response.Streamed streamed -> {
                    if (head) {
                        exchange.send(status, response.statusText(), headers, null);
                    } else {
                        stream(exchange, response, headers, streamed, deadline);
                    }
                }
            }
        } catch (IOException e) {
            // The client went away; nothing is left to tell it.
            errors.clientGone(exchange, e);
        }
        return status;
    }

    /** A response the cache answered with: its stored bytes and headers, no Response object in between. */
    @Override
    public int sendServed(Exchange exchange, int status, Headers stored, byte[] body) {
        Outgoing out = outgoing.get(stored);
        try {
            sendBytes(exchange, status, null, out.headers(), out.compressible(), body, exchange.method().equals("HEAD"),
                    servedTags::get, servedGzip::get);
        } catch (IOException e) {
            errors.clientGone(exchange, e);
        }
        return status;
    }

    /**
     * A complete body: an ETag (304 when If-None-Match has it), gzip when the client takes it and the type is
     * compressible; none for HEAD. approute.json {@code generateEtags} and {@code compress} turn either off.
     */
    private static void sendBytes(Exchange exchange, int status, String reason, Headers headers, boolean compressible,
                                  byte[] body, boolean head, Function<byte[], String> tagOf,
                                  Function<byte[], byte[]> gzipOf) throws IOException {
        ResponseOptions options = exchange.responseOptions();
        String etag = status == 200 ? headers.get("etag") : null;
        boolean generated = false;
        if (etag == null && options.etags() && status == 200 && isGetOrHead(exchange)) {
            etag = tagOf.apply(body);
            generated = true;
        }
        if (etag != null && isGetOrHead(exchange)) {
            for (String ifNoneMatch : exchange.headerValues("if-none-match")) {
                if (EntityTag.matches(ifNoneMatch, etag)) {
                    Headers notModified = headers.toBuilder().remove("content-type").remove("content-length").set("etag", etag).build();
                    exchange.send(304, null, notModified, null);
                    return;
                }
            }
        }
        boolean gzip = !head && compressible && options.compress() && Compression.applies(exchange, status);
        if (generated) {
            headers = headers.plus("etag", gzip ? EntityTag.weak(etag) : etag);
        }
        if (gzip) {
            exchange.send(status, reason, headers.plus("content-encoding", "gzip"), gzipOf.apply(body));
        } else {
            exchange.send(status, reason, headers, head ? null : body);
        }
    }

    private static boolean isGetOrHead(Exchange exchange) {
        String method = exchange.method();
        return method.equals("GET") || method.equals("HEAD");
    }

    @Override
    public int sendEmpty(Exchange exchange, int status, Headers headers) {
        try {
            exchange.send(status, null, headers, null);
        } catch (IOException e) {
            errors.clientGone(exchange, e);
        }
        return status;
    }

    /**
     * A redirect: 308 to the canonical path, or an approute.json redirect's status; body = the location (as Next.js),
     * so old clients see where to go.
     */
    int sendRedirect(Exchange exchange, int status, String location) {
        try {
            byte[] body = exchange.method().equals("HEAD") ? null : location.getBytes(StandardCharsets.UTF_8);
            exchange.send(status, null, Headers.of("location", location), body);
        } catch (IOException e) {
            errors.clientGone(exchange, e);
        }
        return status;
    }

    private void stream(Exchange exchange, Response response, Headers headers, Response.Streamed streamed,
                        HandlerDeadline deadline) throws IOException {
        try (Exchange.StreamingBody body = exchange.stream(response.status(), response.statusText(), headers)) {
            try {
                if (deadline == null) {
                    streamed.writer().writeTo(body);
                } else if (!deadline.stream(streamed.writer(), body)) {
                    errors.streamCut(exchange, deadline.seconds());
                }
            } catch (IOException | UncheckedIOException clientGone) {
                errors.clientGone(exchange, clientGone);
            } catch (Exception failure) {
                // Headers are sent: the status cannot change any more. Log it and end the body.
                errors.streamFailed(exchange, failure);
            }
        }
    }

    private static Headers withCookies(Headers headers, CookieJar cookies) {
        if (cookies != null && cookies.hasChanges()) {
            for (String setCookie : cookies.setCookieHeaders()) {
                headers = headers.plus("set-cookie", setCookie);
            }
        }
        return headers;
    }

    /** Without the framing headers the engine owns, with {@code Vary: Accept-Encoding} when the type is compressible. */
    private static Headers withEngineRules(Headers responseHeaders) {
        Headers headers = responseHeaders;
        if (headers.has("content-length") || headers.has("transfer-encoding") || headers.has("connection")) {
            headers = headers.toBuilder().remove("content-length").remove("transfer-encoding").remove("connection")
                    .remove("keep-alive").build();
        }
        String contentType = headers.get("content-type");
        if (contentType != null && isCompressible(contentType) && !varies(headers, "accept-encoding")) {
            headers = headers.plus("vary", "Accept-Encoding");
        }
        return headers;
    }

    private static boolean varies(Headers headers, String token) {
        for (String value : headers.getAll("vary")) {
            for (String part : value.split(",")) {
                if (part.strip().equalsIgnoreCase(token) || part.strip().equals("*")) {
                    return true;
                }
            }
        }
        return false;
    }

    // What a compressing server would compress (and so must vary on Accept-Encoding).
    static boolean isCompressible(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml") || type.contains("javascript")
                || type.startsWith("application/x-www-form-urlencoded");
    }
}
