package dev.approute.internal.server;

import java.time.Duration;

import dev.approute.internal.config.AppConfig;
import dev.approute.internal.runtime.AppRoutes;

/**
 * How the HTTP engine listens, and how long and how much it waits for a client. Every limit a client can run into
 * is here (approute.json maps onto it); docs/security.md says which attack each one stops.
 *
 * <pre>{@code
 * ServerOptions options = ServerOptions.of("0.0.0.0", 3000).withMaxBodyBytes(1024 * 1024);
 * }</pre>
 *
 * @param port           0 picks a free port
 * @param maxHeaderBytes the header section; over it the client gets 431
 * @param idleTimeout    a kept-alive connection without a request is closed after this
 * @param readTimeout    the longest wait for a client's bytes: the header section after the request line must arrive
 *                       within it, and so must each read of a body; past it the connection is closed
 * @param maxBodyBytes   the largest request body: a larger Content-Length is answered 413 before the handler runs,
 *                       a chunked body is counted as it is read (413 at the read that passes it)
 * @param minBodyRate    a body that arrives slower than this (after its grace time) is cut, however regularly its
 *                       bytes come: the trickle a read timeout alone lets through
 */
public record ServerOptions(String host, int port, int maxHeaderBytes, Duration shutdownGrace, Duration idleTimeout,
                            Duration readTimeout, long maxBodyBytes, MinimumRate minBodyRate) {
    /** Next.js's default body size limit (10 MB, as the {@code bytes} package reads "10mb"). */
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;

    public ServerOptions {
        if (readTimeout.isNegative() || readTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("Server timeouts are positive durations, got read " + readTimeout + ", idle " + idleTimeout);
        }
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("The body size limit is zero or more bytes, got " + maxBodyBytes);
        }
    }

    public static ServerOptions of(String host, int port) {
        return new ServerOptions(host, port, 8 * 1024, Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(30),
                DEFAULT_MAX_BODY_BYTES, MinimumRate.DEFAULT);
    }

    /** The app's approute.json settings that the engine enforces: the timeouts and the largest body size. */
    public ServerOptions withAppConfig(AppRoutes routes) {
        AppConfig.ServerTimeouts timeouts = routes.rules().config().serverTimeouts();
        return withTimeouts(timeouts.idle(), timeouts.read()).withMaxBodyBytes(routes.rules().largestBodySizeLimit());
    }

    public ServerOptions withIdleTimeout(Duration idle) {
        return new ServerOptions(host, port, maxHeaderBytes, shutdownGrace, idle, readTimeout, maxBodyBytes, minBodyRate);
    }

    public ServerOptions withTimeouts(Duration idle, Duration read) {
        return new ServerOptions(host, port, maxHeaderBytes, shutdownGrace, idle, read, maxBodyBytes, minBodyRate);
    }

    public ServerOptions withMaxBodyBytes(long bytes) {
        return new ServerOptions(host, port, maxHeaderBytes, shutdownGrace, idleTimeout, readTimeout, bytes, minBodyRate);
    }

    public ServerOptions withMinBodyRate(MinimumRate rate) {
        return new ServerOptions(host, port, maxHeaderBytes, shutdownGrace, idleTimeout, readTimeout, maxBodyBytes, rate);
    }

    /**
     * A minimum data rate: once the server has waited {@code grace} for a body, the body must have averaged at least
     * {@code bytesPerSecond} over the time the server spent waiting for it (time the handler spends elsewhere does
     * not count against the client).
     */
    public record MinimumRate(long bytesPerSecond, Duration grace) {
        /** Kestrel's defaults: 240 bytes/s after 5 s. */
        public static final MinimumRate DEFAULT = new MinimumRate(240, Duration.ofSeconds(5));

        public MinimumRate {
            if (bytesPerSecond < 0 || grace.isNegative()) {
                throw new IllegalArgumentException("A minimum rate is zero or more bytes/s after a non-negative grace, got "
                        + bytesPerSecond + " after " + grace);
            }
        }
    }
}
