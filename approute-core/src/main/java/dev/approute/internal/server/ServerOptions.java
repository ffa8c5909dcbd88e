package dev.approute.internal.server;

import java.time.Duration;

/**
 * How the HTTP engine listens.
 *
 * @param port           0 picks a free port
 * @param maxHeaderBytes the header section; over it the client gets 431
 * @param idleTimeout    a kept-alive connection without a request is closed after this (approute.json serverTimeouts.idle)
 */
public record ServerOptions(String host, int port, int maxHeaderBytes, Duration shutdownGrace, Duration idleTimeout) {
    public static ServerOptions of(String host, int port) {
        // Helidon's own default idle timeout.
        return new ServerOptions(host, port, 8 * 1024, Duration.ofSeconds(10), Duration.ofMinutes(5));
    }

    public ServerOptions withIdleTimeout(Duration idle) {
        return new ServerOptions(host, port, maxHeaderBytes, shutdownGrace, idle);
    }
}
