package dev.approute.internal.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.locks.ReentrantLock;

import io.helidon.http.RequestException;

import dev.approute.BadRequestException;

/**
 * A request body as the engine hands it out: counted against the body size limit (413), cut when the client stalls
 * (no byte for the read timeout) or trickles (below the minimum rate), and with every failure of the client's
 * stream turned into a 4xx {@link BadRequestException} rather than a 500.
 *
 * <p>A stalled read is cut by interrupting the thread blocked in it: an interrupted read of a socket channel closes
 * the channel (so the connection ends, as Node's requestTimeout does), and the thread is free again.
 */
final class GuardedBody extends InputStream implements StallWatch.Wait {
    private final InputStream in;
    private final StallWatch watch;
    private final long limit;
    private final long readTimeoutNanos;
    private final long minBytesPerSecond;
    private final long graceNanos;
    private final ReentrantLock lock = new ReentrantLock();

    private final byte[] one = new byte[1];
    // Written by the reading thread, read by the watch thread (and by the engine once the handler is done).
    private volatile long count;
    private volatile boolean watched;
    private volatile boolean ended;
    private volatile boolean complete;
    // Once a read has failed, every later read fails the same way (a handler that catches it cannot read on).
    private volatile BadRequestException failure;
    // Guarded by lock: who is blocked in a read since when, how long reads have waited so far, and whether we cut.
    private Thread reader;
    private long readingSince;
    private long waitedNanos;
    private String cutReason;

    GuardedBody(InputStream in, StallWatch watch, ServerOptions options) {
        this.in = in;
        this.watch = watch;
        this.limit = options.maxBodyBytes();
        this.readTimeoutNanos = options.readTimeout().toNanos();
        this.minBytesPerSecond = options.minBodyRate().bytesPerSecond();
        this.graceNanos = options.minBodyRate().grace().toNanos();
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (ended) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        enter();
        int n;
        try {
            n = in.read(buffer, offset, length);
        } catch (IOException | RuntimeException thrown) {
            throw fail(failed(exit(), thrown));
        }
        String cut = exit();
        if (cut != null) {
            throw fail(timedOut(cut, null));
        }
        if (n < 0) {
            complete = true;
            end();
            return -1;
        }
        count += n;
        if (count > limit) {
            throw fail(new BadRequestException(413, "The request body is larger than the limit of " + limit + " bytes", null));
        }
        return n;
    }

    /** Reads and discards the rest of the body, within the same limits, so the connection can be reused. */
    boolean drain() {
        if (ended) {
            return complete;
        }
        byte[] sink = new byte[8192];
        try {
            while (read(sink, 0, sink.length) >= 0) {
                // discarded
            }
            return complete;
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    /** The request is over: whatever happens to this body now is nobody's wait. */
    void finish() {
        end();
    }

    @Override
    public void close() {
        // Closing a body the handler did not finish must not drain it here; the engine decides after the response.
    }

    private void enter() {
        lock.lock();
        try {
            if (!watched) {
                watched = true;
                watch.add(this);
            }
            reader = Thread.currentThread();
            readingSince = System.nanoTime();
        } finally {
            lock.unlock();
        }
    }

    /** Leaves a read; returns why it was cut, or null. */
    private String exit() {
        lock.lock();
        try {
            waitedNanos += System.nanoTime() - readingSince;
            reader = null;
            if (cutReason != null) {
                // Our interrupt, not the handler's: it must not leak into what the thread does next.
                Thread.interrupted();
            }
            return cutReason;
        } finally {
            lock.unlock();
        }
    }

    private void end() {
        ended = true;
        if (watched) {
            watch.remove(this);
        }
    }

    @Override
    public boolean overdue(long nowNanos) {
        lock.lock();
        try {
            if (reader == null) {
                return false; // the handler is busy elsewhere: not the client's time
            }
            long blocked = nowNanos - readingSince;
            if (blocked > readTimeoutNanos) {
                cutReason = "no data for " + readTimeoutNanos / 1_000_000 + " ms";
                return true;
            }
            long waited = waitedNanos + blocked;
            if (waited > graceNanos && count < minBytesPerSecond * (waited / 1e9)) {
                cutReason = "arriving slower than " + minBytesPerSecond + " bytes/s";
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void cut() {
        lock.lock();
        try {
            if (reader != null) {
                reader.interrupt();
            }
        } finally {
            lock.unlock();
        }
    }

    private BadRequestException fail(BadRequestException reason) {
        failure = reason;
        end();
        return reason;
    }

    private static BadRequestException failed(String cut, Exception failure) {
        if (cut != null) {
            return timedOut(cut, failure);
        }
        if (failure instanceof BadRequestException badRequest) {
            return badRequest;
        }
        if (failure instanceof RequestException parser && parser.status().code() >= 400 && parser.status().code() < 500) {
            return new BadRequestException(parser.status().code(), "The request body is malformed: " + parser.getMessage(), failure);
        }
        // Whatever else fails while reading the client's bytes is the client's body: a premature end, a chunk size
        // Helidon cannot parse (it throws NumberFormatException), a reset. Never a 500.
        return new BadRequestException(400, "The request body could not be read (malformed or ended early): " + failure.getMessage(), failure);
    }

    private static BadRequestException timedOut(String reason, Exception cause) {
        return new BadRequestException(408, "The request body timed out: " + reason, cause);
    }
}
