package dev.approute.internal.util;

import java.io.InputStream;
import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import dev.approute.BodyWriter;
import dev.approute.ChunkSink;

/** Adapters from the usual Java sources of chunks to a {@link BodyWriter}. */
public final class Streams {
    private Streams() {
    }

    public static BodyWriter fromIterator(Iterator<?> chunks) {
        return sink -> {
            while (chunks.hasNext() && !sink.isClosed()) {
                send(sink, chunks.next());
            }
        };
    }

    public static BodyWriter fromStream(Stream<?> chunks) {
        return sink -> {
            try (chunks) {
                fromIterator(chunks.iterator()).writeTo(sink);
            }
        };
    }

    public static BodyWriter fromInputStream(InputStream input) {
        return sink -> {
            try (input) {
                byte[] buffer = new byte[16 * 1024];
                int read;
                while ((read = input.read(buffer)) >= 0) {
                    if (read > 0) {
                        byte[] chunk = new byte[read];
                        System.arraycopy(buffer, 0, chunk, 0, read);
                        sink.send(chunk);
                    }
                }
            }
        };
    }

    /** Requests one item at a time, so a slow client slows the publisher down (back-pressure). */
    public static BodyWriter fromPublisher(Flow.Publisher<?> publisher) {
        return sink -> {
            Object done = new Object();
            BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
            AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
            publisher.subscribe(new Flow.Subscriber<Object>() {
                @Override
                public void onSubscribe(Flow.Subscription s) {
                    subscription.set(s);
                    s.request(1);
                }

                @Override
                public void onNext(Object item) {
                    queue.offer(item);
                }

                @Override
                public void onError(Throwable error) {
                    queue.offer(error);
                }

                @Override
                public void onComplete() {
                    queue.offer(done);
                }
            });
            while (true) {
                Object item = queue.take();
                if (item == done) {
                    return;
                }
                if (item instanceof Throwable error) {
                    throw error instanceof Exception e ? e : new RuntimeException(error);
                }
                if (sink.isClosed()) {
                    subscription.get().cancel();
                    return;
                }
                send(sink, item);
                subscription.get().request(1);
            }
        };
    }

    private static void send(ChunkSink sink, Object chunk) throws java.io.IOException {
        if (chunk instanceof byte[] bytes) {
            sink.send(bytes);
        } else if (chunk instanceof CharSequence text) {
            sink.send(text);
        } else if (chunk instanceof java.nio.ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            sink.send(bytes);
        } else {
            throw new IllegalArgumentException("A stream chunk must be byte[], ByteBuffer or text, got "
                    + (chunk == null ? "null" : chunk.getClass().getName()));
        }
    }
}
