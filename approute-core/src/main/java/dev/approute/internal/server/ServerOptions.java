package dev.approute.internal.server;

import java.time.Duration;

/**
 * How the HTTP engine listens.
 *
 * @param port           0 picks a free port
 * @param maxHeaderBytes the header section; over it the client gets 431
 */
public record ServerOptions(String host, int port, int maxHeaderBytes, Duration shutdownGrace) {
    public static ServerOptions of(String host, int port) {
        return new ServerOptions(host, port, 8 * 1024, Duration.ofSeconds(10));
    }
}
