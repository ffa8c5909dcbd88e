package dev.approute.internal.server;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.helidon.http.DirectHandler;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http2.Http2Config;

import dev.approute.internal.runtime.Dispatcher;

/**
 * The HTTP engine: Helidon WebServer 4 (virtual threads, HTTP/1.1 and h2c) with one catch-all handler that
 * hands every request to the {@link Dispatcher}. The only class in approute that starts Helidon; swap the
 * engine by rewriting this package.
 *
 * <pre>{@code
 * try (HttpServer server = HttpServer.start(ServerOptions.of("127.0.0.1", 0), dispatcher, log::println)) {
 *     System.out.println("listening on " + server.port());
 * }
 * HttpServer later = HttpServer.create(options, dispatcher, null);   // Helidon set up, not listening yet
 * later.listen();
 * }</pre>
 */
public final class HttpServer implements AutoCloseable {
    // A request line longer than this is answered 414 (Node allows 16 KiB for line and headers together).
    private static final int MAX_REQUEST_LINE = 16 * 1024;
    private static final int ENGINE_HEADER_LIMIT = 64 * 1024;

    private final WebServer server;

    private HttpServer(WebServer server) {
        this.server = server;
    }

    /** {@link #create} then {@link #listen}. */
    public static HttpServer start(ServerOptions options, Dispatcher dispatcher, Consumer<String> requestLog) {
        HttpServer server = create(options, dispatcher, requestLog);
        server.listen();
        return server;
    }

    /**
     * Sets Helidon up (its service registry, config and routing: most of its start-up time) without listening, so a
     * caller can do other start-up work meanwhile; {@link #listen} then binds the port.
     *
     * @param requestLog receives one line per request ({@code GET /api/hello 200 in 3ms}), or null for none
     */
    public static HttpServer create(ServerOptions options, Dispatcher dispatcher, Consumer<String> requestLog) {
        // The origin of request.url(): computed once the port is known (port 0 picks one at bind).
        AtomicReference<String> authority = new AtomicReference<>();
        WebServer server = WebServer.builder()
                .host(options.host())
                .port(options.port())
                .shutdownGracePeriod(options.shutdownGrace())
                // Streams must not stall on Nagle's algorithm.
                .connectionOptions(socket -> socket.tcpNoDelay(true))
                // The protocols are named, not discovered: HTTP/1.1 and cleartext HTTP/2 (prior knowledge or Upgrade: h2c).
                .protocolsDiscoverServices(false)
                // Nothing else is looked up on the module path either (each lookup is start-up time): approute has no
                // server features, no concurrency limit, does its own gzip and reads bodies as bytes.
                .featuresDiscoverServices(false)
                .concurrencyLimitDiscoverServices(false)
                .contentEncoding(encodings -> encodings.contentEncodingsDiscoverServices(false))
                .mediaContext(media -> media.mediaSupportsDiscoverServices(false))
                .addProtocol(Http2Config.create())
                .addProtocol(Http1Config.builder()
                        // Helidon's own limits are the hard stop; the 431 at maxHeaderBytes is ours (below).
                        .maxHeadersSize(ENGINE_HEADER_LIMIT)
                        .maxPrologueLength(MAX_REQUEST_LINE)
                        .validateRequestHeaders(true)
                        // The dispatcher answers bad paths with precise 400s; queries are parsed leniently as browsers do.
                        .validatePath(false)
                        .validatePrologue(false)
                        .build())
                .directHandlers(handlers -> {
                    for (DirectHandler.EventType event : DirectHandler.EventType.values()) {
                        handlers.addHandler(event, ParserErrors.HANDLER);
                    }
                })
                .routing(routing -> routing.any((request, response) -> {
                    if (ParserErrors.headerBytes(request.headers()) > options.maxHeaderBytes()) {
                        ParserErrors.rejectHeaderSize(response, options.maxHeaderBytes());
                        return;
                    }
                    if (ParserErrors.hasNonAsciiTarget(request.prologue().uriPath().rawPath())) {
                        ParserErrors.reject(response, "the request target must be ASCII (percent-encode other bytes)");
                        return;
                    }
                    if (ParserErrors.isAmbiguousFraming(request.headers())) {
                        ParserErrors.rejectFraming(response);
                        return;
                    }
                    long start = System.nanoTime();
                    String origin = authority.get();
                    if (origin == null) {
                        origin = authority(options, request.localPeer().port());
                        authority.set(origin);
                    }
                    HelidonExchange exchange = new HelidonExchange(request, response, origin);
                    int status = dispatcher.dispatch(exchange);
                    if (requestLog != null) {
                        requestLog.accept(exchange.method() + " " + exchange.rawPath() + " " + status + " in "
                                + (System.nanoTime() - start) / 1_000_000 + "ms");
                    }
                }))
                .build();
        return new HttpServer(server);
    }

    /** Binds the port and accepts connections. */
    public void listen() {
        server.start();
    }

    public int port() {
        return server.port();
    }

    /** Stops accepting connections and lets in-flight requests finish (up to the grace period). */
    @Override
    public void close() {
        server.stop();
    }

    // request.url() is never built from the Host header (a client-chosen value); it is the address we listen on.
    private static String authority(ServerOptions options, int port) {
        String host = options.host();
        boolean loopbackOrAny = host.equals("127.0.0.1") || host.equals("::1") || host.equals("0.0.0.0") || host.equals("localhost");
        return (loopbackOrAny ? "localhost" : host) + ":" + port;
    }
}
