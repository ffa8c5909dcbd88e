package dev.approute.internal.server;

import java.time.Duration;

/**
 * How the HTTP engine listens.
 *
 * @param port           0 picks a free port
 * @param maxHeaderBytes the header section; over it the client gets 431
 * @param idleTimeout    a kept-alive connection without a request is closed after this (approute.json serverTimeouts.idle)
 * @param readTimeout    one read of a request (headers or body) waits at most this long for bytes (serverTimeouts.read)
 */
public record ServerOptions(String host, int port, int maxHeaderBytes, Duration shutdownGrace, Duration idleTimeout,
                            Duration readTimeout) {
    public static ServerOptions of(String host, int port) {
        // Helidon's own defaults for the two timeouts.
        return new ServerOptions(host, port, 8 * 1024, Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(30));
    }

    public ServerOptions withTimeouts(Duration idle, Duration read) {
        return new ServerOptions(host, port, maxHeaderBytes, shutdownGrace, idle, read);
    }
}
