package dev.approute.internal.server;

import java.time.Duration;

/**
 * How the HTTP engine listens.
 *
 * @param port           0 picks a free port
 * @param maxHeaderBytes the header section; over it the client gets 431
 * @param h2c            also speak cleartext HTTP/2 (prior knowledge and Upgrade: h2c)
 */
public record ServerOptions(String host, int port, int maxHeaderBytes, Duration shutdownGrace, boolean h2c) {
    public static ServerOptions of(String host, int port) {
        return new ServerOptions(host, port, 8 * 1024, Duration.ofSeconds(10), false);
    }

    public ServerOptions withH2c(boolean enabled) {
        return new ServerOptions(host, port, maxHeaderBytes, shutdownGrace, enabled);
    }
}
