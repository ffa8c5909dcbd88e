package dev.approute.internal.server;

import java.time.Duration;
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
 * HttpServer later = HttpServer.create(options, null);   // Helidon set up, not listening yet
 * later.listen(dispatcher);
 * }</pre>
 */
public final class HttpServer implements AutoCloseable {
    // A request line longer than this is answered 414 (Node allows 16 KiB for line and headers together).
    private static final int MAX_REQUEST_LINE = 16 * 1024;
    private static final int ENGINE_HEADER_LIMIT = 64 * 1024;
    private static final Duration LONGEST_IDLE_CHECK = Duration.ofSeconds(10);

    private final WebServer server;
    private final StallWatch watch;
    private final ServerOptions options;
    private final CatchAllHandler handler;

    private HttpServer(WebServer server, StallWatch watch, ServerOptions options, CatchAllHandler handler) {
        this.server = server;
        this.watch = watch;
        this.options = options;
        this.handler = handler;
    }

    /** {@link #create} then {@link #listen}. */
    public static HttpServer start(ServerOptions options, Dispatcher dispatcher, Consumer<String> requestLog) {
        HttpServer server = create(options, requestLog);
        try {
            server.listen(dispatcher);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * Sets Helidon up (its service registry, configuration and routing: most of its start-up time) without
     * listening, so that a caller can load what it serves meanwhile; {@link #listen} then binds the port.
     *
     * @param requestLog receives one line per request ({@code GET /api/hello 200 in 3ms}), or null for none
     */
    public static HttpServer create(ServerOptions options, Consumer<String> requestLog) {
        EngineServices.useRegistryWithoutDiscovery();
        StallWatch watch = StallWatch.start();
        CatchAllHandler handler = new CatchAllHandler(options, requestLog, new BodyGuards(watch, options));
        try {
            WebServer server = WebServer.builder()
                    .host(options.host())
                    .port(options.port())
                    .shutdownGracePeriod(options.shutdownGrace())
                    // Streams must not stall on Nagle's algorithm.
                    .connectionOptions(socket -> socket.tcpNoDelay(true))
                    .idleConnectionTimeout(options.idleTimeout())
                    .idleConnectionPeriod(idleCheckPeriod(options.idleTimeout()))
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
                            // Helidon's own limits are the hard stop; the 431 at maxHeaderBytes is ours (CatchAllHandler).
                            .maxHeadersSize(ENGINE_HEADER_LIMIT)
                            .maxPrologueLength(MAX_REQUEST_LINE)
                            .validateRequestHeaders(true)
                            // The dispatcher answers bad paths with precise 400s; queries are parsed leniently as browsers do.
                            .validatePath(false)
                            .validatePrologue(false)
                            // Helidon never times out a read: the header section gets its deadline here.
                            .addReceiveListener(new HeaderDeadlines(watch, options.readTimeout()))
                            .build())
                    .directHandlers(handlers -> {
                        for (DirectHandler.EventType event : DirectHandler.EventType.values()) {
                            handlers.addHandler(event, ParserErrors.HANDLER);
                        }
                    })
                    .routing(routing -> routing.any(handler))
                    .build();
            return new HttpServer(server, watch, options, handler);
        } catch (RuntimeException e) {
            watch.close();
            throw e;
        }
    }

    // Helidon looks for idle connections on a timer; a short idle timeout needs a short period to mean anything.
    private static Duration idleCheckPeriod(Duration idle) {
        Duration half = idle.dividedBy(2);
        return half.compareTo(LONGEST_IDLE_CHECK) > 0 ? LONGEST_IDLE_CHECK : half.isZero() ? Duration.ofMillis(1) : half;
    }

    /** Binds the port and accepts connections, every request going to {@code dispatcher}. */
    public void listen(Dispatcher dispatcher) {
        handler.serve(dispatcher);
        server.start();
    }

    /** What this server was created with. */
    public ServerOptions options() {
        return options;
    }

    public int port() {
        return server.port();
    }

    /** Stops accepting connections and lets in-flight requests finish (up to the grace period); also a server never listening. */
    @Override
    public void close() {
        if (server.isRunning()) {
            server.stop();
        }
        watch.close();
    }
}
