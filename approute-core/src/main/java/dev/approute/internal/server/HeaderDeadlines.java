package dev.approute.internal.server;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;

/**
 * Slowloris on HTTP/1.1: once a request line has arrived, its whole header section must follow within the read
 * timeout, or the client gets a 408 and the connection is closed. Helidon tells us when each part of a request has
 * been read (its receive listener), on the connection's own thread; the {@link StallWatch} does the waiting.
 */
final class HeaderDeadlines implements Http1ConnectionListener {
    private static final byte[] TIMEOUT = ("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final StallWatch watch;
    private final long timeoutNanos;
    private final Map<ConnectionContext, StallWatch.Wait> pending = new ConcurrentHashMap<>();

    HeaderDeadlines(StallWatch watch, Duration timeout) {
        this.watch = watch;
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
        long deadline = System.nanoTime() + timeoutNanos;
        StallWatch.Wait wait = new StallWatch.Wait() {
            @Override
            public boolean overdue(long nowNanos) {
                return nowNanos - deadline > 0;
            }

            @Override
            public void cut() {
                pending.remove(ctx, this);
                // The connection thread is blocked reading headers, so nothing else is writing: the 408 cannot interleave.
                try {
                    ctx.dataWriter().writeNow(BufferData.create(TIMEOUT));
                } finally {
                    ctx.serverSocket().close();
                }
            }
        };
        pending.put(ctx, wait);
        watch.add(wait);
    }

    @Override
    public void headers(ConnectionContext ctx, Headers headers) {
        StallWatch.Wait wait = pending.remove(ctx);
        if (wait != null) {
            watch.remove(wait);
        }
    }
}
