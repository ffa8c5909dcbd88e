package dev.approute.internal.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.approute.BodyWriter;
import dev.approute.ChunkSink;

/**
 * A route's {@code maxDuration}: how long its handler, and then its streamed body, may run. The work runs on its own
 * virtual thread while the request thread waits with a timeout, so a handler that never returns (or never checks for
 * interruption) still gets its client a 504 on time; the late handler is interrupted. The request thread keeps
 * owning the connection: a streamed body's chunks are handed over to it, and past the deadline the stream ends.
 *
 * <pre>{@code
 * HandlerDeadline deadline = HandlerDeadline.after(30);          // static final int maxDuration = 30;
 * Object result = deadline.call(() -> handler.handle(request, context));   // throws Exceeded at 30 s
 * deadline.stream(writer, body);                                  // the body gets what is left of the 30 s
 * }</pre>
 */
final class HandlerDeadline {
    private static final Object END = new Object();

    private final int seconds;
    private final long deadlineNanos;

    private HandlerDeadline(int seconds) {
        this.seconds = seconds;
        this.deadlineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    }

    /** A deadline {@code seconds} from now; null for none ({@code maxDuration} unset or 0). */
    static HandlerDeadline after(Integer seconds) {
        return seconds == null || seconds <= 0 ? null : new HandlerDeadline(seconds);
    }

    int seconds() {
        return seconds;
    }

    /** Thrown on the request thread when the handler is still running at the deadline. */
    static final class Exceeded extends Exception {
        private final int seconds;

        Exceeded(int seconds) {
            super("the handler ran past its maxDuration of " + seconds + (seconds == 1 ? " second" : " seconds")
                    + " and was interrupted", null, false, false);
            this.seconds = seconds;
        }

        int seconds() {
            return seconds;
        }
    }

    /** Runs {@code work} on its own virtual thread and waits for it until the deadline. */
    Object call(RequestScope.ScopedCall<Object> work) throws Throwable {
        CompletableFuture<Object> result = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().name("approute-handler").start(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        });
        try {
            return result.get(remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            worker.interrupt();
            throw new Exceeded(seconds);
        } catch (ExecutionException failed) {
            throw failed.getCause();
        } catch (InterruptedException stopping) {
            worker.interrupt();
            throw stopping;
        }
    }

    /**
     * Runs {@code writer} on its own virtual thread, relaying each chunk to {@code body} on this thread, until the
     * writer finishes or the deadline passes (then the writer is interrupted and the stream ends here).
     *
     * @return true when the writer finished in time
     */
    boolean stream(BodyWriter writer, Exchange.StreamingBody body) throws Exception {
        BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(16);
        RelaySink relay = new RelaySink(chunks, body);
        Thread worker = Thread.ofVirtual().name("approute-stream").start(() -> {
            Object last = END;
            try {
                writer.writeTo(relay);
            } catch (Throwable failure) {
                last = failure;
            }
            try {
                chunks.put(last);
            } catch (InterruptedException ignored) {
                // Interrupted at the deadline: the request thread has stopped reading.
            }
        });
        try {
            while (true) {
                Object next = chunks.poll(remainingNanos(), TimeUnit.NANOSECONDS);
                if (next == null) {
                    relay.closed = true;
                    worker.interrupt();
                    return false;
                }
                if (next == END) {
                    return true;
                }
                if (next instanceof Throwable failure) {
                    throw failure instanceof Exception exception ? exception : new IllegalStateException(failure);
                }
                try {
                    body.send((byte[]) next);
                } catch (IOException clientGone) {
                    relay.closed = true;
                    worker.interrupt();
                    throw clientGone;
                }
            }
        } finally {
            relay.closed = true;
        }
    }

    private long remainingNanos() {
        return Math.max(0, deadlineNanos - System.nanoTime());
    }

    /** The writer's side: chunks go into a small queue the request thread drains, so a slow client slows the writer. */
    private static final class RelaySink implements ChunkSink {
        private final BlockingQueue<Object> chunks;
        private final ChunkSink body;
        volatile boolean closed;

        RelaySink(BlockingQueue<Object> chunks, ChunkSink body) {
            this.chunks = chunks;
            this.body = body;
        }

        @Override
        public void send(byte[] chunk) throws IOException {
            if (closed) {
                throw new IOException("the stream has ended (maxDuration reached or the client went away)");
            }
            try {
                chunks.put(chunk.clone());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("the stream was stopped at its maxDuration", e);
            }
        }

        @Override
        public void send(CharSequence chunk) throws IOException {
            send(chunk.toString().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public boolean isClosed() {
            return closed || body.isClosed();
        }
    }
}
