// Load client for bench/streams/run: opens N concurrent HTTP/1.1 connections (loopback), each a GET of a long-lived
// streaming route, holds them, counts received chunks ('@' bytes in the body), bounded in time.
//   java bench/streams/StreamsLoad.java <port> <connections> <expectedChunks> [rampPerSecond] [deadlineSeconds] [path]
// One virtual thread per connection (blocking socket I/O). Prints one status line per second and a final
// machine-readable RESULT line. Exit 0 when every stream delivered every chunk, 1 otherwise.
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

class StreamsLoad {
    static final AtomicInteger connected = new AtomicInteger();
    static final AtomicInteger open = new AtomicInteger();        // connected, response started, not finished
    static final AtomicInteger maxOpen = new AtomicInteger();
    static final AtomicInteger completed = new AtomicInteger();   // every expected chunk, then a clean end
    static final AtomicInteger failed = new AtomicInteger();
    static final AtomicLong chunks = new AtomicLong();
    static final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int connections = Integer.parseInt(args[1]);
        int expected = Integer.parseInt(args[2]);
        int ramp = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        int deadlineSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 90;
        String path = args.length > 5 ? args[5] : "/stream?seconds=" + expected;
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(deadlineSeconds);
        CountDownLatch done = new CountDownLatch(connections);
        Thread reporter = Thread.ofPlatform().daemon().start(() -> {
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                System.out.printf("t=%3ds connected=%d open=%d completed=%d failed=%d chunks=%d%n",
                        (System.nanoTime() - start) / 1_000_000_000L, connected.get(), open.get(), completed.get(),
                        failed.get(), chunks.get());
            }
        });
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < connections; i++) {
                // ramp: connection i starts at i / ramp seconds
                long due = start + (long) i * 1_000_000_000L / ramp;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                threads.submit(() -> {
                    try {
                        stream(address, request, expected, deadline);
                    } finally {
                        done.countDown();
                    }
                });
            }
            boolean finished = done.await(Math.max(1, deadline - System.nanoTime()) + TimeUnit.SECONDS.toNanos(5), TimeUnit.NANOSECONDS);
            if (!finished) {
                errors.computeIfAbsent("client deadline reached with streams still open", k -> new AtomicInteger()).addAndGet((int) done.getCount());
                threads.shutdownNow();
            }
        }
        reporter.interrupt();
        long elapsed = (System.nanoTime() - start) / 1_000_000L;
        System.out.printf("RESULT connections=%d connected=%d max_open=%d completed=%d failed=%d chunks=%d expected_chunks=%d elapsed_ms=%d%n",
                connections, connected.get(), maxOpen.get(), completed.get(), failed.get(), chunks.get(),
                (long) connections * expected, elapsed);
        new TreeMap<>(errors).forEach((error, count) -> System.out.println("ERROR " + count.get() + " x " + error));
        System.exit(completed.get() == connections ? 0 : 1);
    }

    static void stream(InetSocketAddress address, byte[] request, int expected, long deadline) {
        int mine = 0;
        boolean counted = false;
        try (Socket socket = new Socket()) {
            socket.connect(address, 30_000);
            connected.incrementAndGet();
            // a stream that stays silent for 10 s is stalled
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[512];
            boolean inBody = false;
            int headerMatch = 0;   // progress through "\r\n\r\n"
            StringBuilder status = new StringBuilder();
            // The end of the chunked body. The client reads it instead of waiting for the server's FIN: approute
            // (Helidon 4.5.0) answers "Connection: close" but leaves the TCP connection open (see streams.md).
            byte[] terminator = "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            int terminatorMatch = 0;
            boolean ended = false;
            while (!ended) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("client deadline reached");
                }
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (!inBody) {
                        if (status.length() < 12) {
                            status.append((char) b);
                            if (status.length() == 12 && !status.toString().startsWith("HTTP/1.1 200")) {
                                throw new IOException("status " + status.toString().trim());
                            }
                        }
                        headerMatch = (b == "\r\n\r\n".charAt(headerMatch)) ? headerMatch + 1 : (b == '\r' ? 1 : 0);
                        if (headerMatch == 4) {
                            inBody = true;
                            counted = true;
                            int now = open.incrementAndGet();
                            maxOpen.accumulateAndGet(now, Math::max);
                        }
                    } else {
                        if (b == '@') {
                            mine++;
                            chunks.incrementAndGet();
                        }
                        terminatorMatch = b == terminator[terminatorMatch] ? terminatorMatch + 1 : (b == '\r' ? 1 : 0);
                        if (terminatorMatch == terminator.length) {
                            ended = true;
                        }
                    }
                }
            }
            if (mine >= expected) {
                completed.incrementAndGet();
            } else {
                failed.incrementAndGet();
                errors.computeIfAbsent("ended early (fewer chunks than expected)", k -> new AtomicInteger()).incrementAndGet();
            }
        } catch (SocketTimeoutException e) {
            failed.incrementAndGet();
            errors.computeIfAbsent("stalled: no byte for 10 s", k -> new AtomicInteger()).incrementAndGet();
        } catch (IOException | RuntimeException e) {
            failed.incrementAndGet();
            errors.computeIfAbsent(e.getClass().getSimpleName() + ": " + e.getMessage(), k -> new AtomicInteger()).incrementAndGet();
        } finally {
            if (counted) {
                open.decrementAndGet();
            }
        }
    }
}
