package dev.approute.internal.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dev.approute.internal.runtime.Dispatcher;

/**
 * The one Helidon handler: refuses what must not reach a route (431, 400, 413), hands the rest to the
 * {@link Dispatcher}, and then decides whether the HTTP/1.1 connection may carry another request.
 *
 * <p>It may not when the client asked to close, when the request was refused, or when the handler left some of the
 * body unread and it cannot be drained within the limits. Helidon 4.5 keeps reading a connection after a
 * {@code Connection: close} response (helidon#12324), which would parse an unread body as the next request; throwing
 * {@link CloseConnectionException} after the response is written is how a handler ends the connection.
 */
final class CatchAllHandler implements Handler {
    private final ServerOptions options;
    private final Consumer<String> requestLog;
    private final BodyGuards bodies;
    // The origin of request.url(): computed once the port is known (port 0 picks one at bind).
    private final AtomicReference<String> authority = new AtomicReference<>();

    // Set once, before the server listens (HttpServer.listen): no request thread exists before then.
    private Dispatcher dispatcher;

    CatchAllHandler(ServerOptions options, Consumer<String> requestLog, BodyGuards bodies) {
        this.options = options;
        this.requestLog = requestLog;
        this.bodies = bodies;
    }

    void serve(Dispatcher dispatcher) {
        if (this.dispatcher != null) {
            throw new IllegalStateException("This server already serves a dispatcher");
        }
        this.dispatcher = dispatcher;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        boolean http1 = request.prologue().protocolVersion().startsWith("1.");
        if (refused(request, response)) {
            if (http1) {
                throw closeAfter(response, "request refused before routing");
            }
            return;
        }
        long start = System.nanoTime();
        HelidonExchange exchange = new HelidonExchange(request, response, authority(request), bodies);
        try {
            int status = dispatcher.dispatch(exchange);
            if (requestLog != null) {
                requestLog.accept(exchange.method() + " " + exchange.rawPath() + " " + status + " in "
                        + (System.nanoTime() - start) / 1_000_000 + "ms");
            }
            if (http1 && !mayKeepAlive(request, exchange)) {
                throw closeAfter(response, "connection ends after this response");
            }
        } finally {
            exchange.finish();
        }
    }

    // Helidon writes a streamed body's last chunk when it commits the response, which it does only after a handler
    // returns normally: commit first, or the client loses the end of the body.
    private static CloseConnectionException closeAfter(ServerResponse response, String reason) {
        if (response instanceof RoutingResponse routing) {
            routing.commit();
        }
        return new CloseConnectionException(reason);
    }

    /** Answers a request that must not reach a route; true when it did. */
    private boolean refused(ServerRequest request, ServerResponse response) {
        ServerRequestHeaders headers = request.headers();
        if (ParserErrors.headerBytes(headers) > options.maxHeaderBytes()) {
            ParserErrors.rejectHeaderSize(response, options.maxHeaderBytes());
            return true;
        }
        if (ParserErrors.hasEmptyFieldName(headers)) {
            ParserErrors.reject(response, "a header line has no field name");
            return true;
        }
        if (ParserErrors.hasNonAsciiTarget(request.prologue().uriPath().rawPath())) {
            ParserErrors.reject(response, "the request target must be ASCII (percent-encode other bytes)");
            return true;
        }
        String framing = Framing.problem(headers);
        if (framing != null) {
            ParserErrors.reject(response, framing);
            return true;
        }
        String upgrade = unsupportedUpgrade(headers);
        if (upgrade != null) {
            // CVE-2026-44578: Next.js proxied upgrades to a target taken from the request. approute upgrades only to h2c
            // (Helidon does that before routing); any other protocol is refused, never relayed.
            ParserErrors.reject(response, "approute does not upgrade to '" + upgrade + "' (only h2c)");
            return true;
        }
        long length = Framing.declaredLength(headers);
        if (length > options.maxBodyBytes()) {
            ParserErrors.rejectBodySize(response, length, options.maxBodyBytes());
            return true;
        }
        return false;
    }

    // RFC 9110 §7.8: a server may ignore Upgrade, and approute ignores an h2c upgrade Helidon declined (one with a body).
    private static String unsupportedUpgrade(ServerRequestHeaders headers) {
        if (!headers.contains(HeaderNames.UPGRADE)) {
            return null;
        }
        for (String value : headers.get(HeaderNames.UPGRADE).allValues()) {
            for (String protocol : tokens(value)) {
                if (!protocol.equalsIgnoreCase("h2c")) {
                    return protocol;
                }
            }
        }
        return null;
    }

    private static boolean mayKeepAlive(ServerRequest request, HelidonExchange exchange) {
        if (hasToken(request.headers(), HeaderNames.CONNECTION, "close")) {
            return false;
        }
        if (!exchange.bodyLeftUnread()) {
            return true;
        }
        // RFC 9110 §10.1.1: the client waits for 100 Continue before sending its body. Reading it now would send the
        // 100 after the final response, where the client would take it for the answer to its next request.
        if (!exchange.bodyRequested() && hasToken(request.headers(), HeaderNames.EXPECT, "100-continue")) {
            return false;
        }
        return exchange.guardedBody().drain();
    }

    private static boolean hasToken(ServerRequestHeaders headers, HeaderName name, String token) {
        if (!headers.contains(name)) {
            return false;
        }
        for (String value : headers.get(name).allValues()) {
            for (String element : tokens(value)) {
                if (element.equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The comma-separated list elements of a header value (RFC 9110 §5.6.1), stripped, empty ones skipped. */
    static List<String> tokens(String value) {
        List<String> tokens = new ArrayList<>(2);
        int start = 0;
        while (start <= value.length()) {
            int comma = value.indexOf(',', start);
            int end = comma < 0 ? value.length() : comma;
            String token = value.substring(start, end).strip();
            if (!token.isEmpty()) {
                tokens.add(token);
            }
            start = end + 1;
        }
        return tokens;
    }

    private String authority(ServerRequest request) {
        String origin = authority.get();
        if (origin == null) {
            origin = authority(options, request.localPeer().port());
            authority.set(origin);
        }
        return origin;
    }

    // request.url() is never built from the Host header (a client-chosen value); it is the address we listen on.
    private static String authority(ServerOptions options, int port) {
        String host = options.host();
        boolean loopbackOrAny = host.equals("127.0.0.1") || host.equals("::1") || host.equals("0.0.0.0") || host.equals("localhost");
        return (loopbackOrAny ? "localhost" : host) + ":" + port;
    }
}
