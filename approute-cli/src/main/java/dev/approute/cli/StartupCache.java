package dev.approute.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import dev.approute.internal.app.AppLayout;
import dev.approute.internal.router.RouteTable;
import dev.approute.internal.runtime.Endpoint;

/**
 * The app's start-up cache ({@code .approute/aot/}): a JDK AOT cache (JDK 25+) or AppCDS archive (JDK 21-24) of
 * the classes a {@code start} loads, already parsed and linked, so the next {@code start} answers its first request
 * in a fraction of the time. {@code build} makes it with a training run: the launcher starts the app as
 * {@code start} does plus the JVM's recording option ({@code APPROUTE_AOT_TRAINING=1}), {@link TrainingRequests}
 * are sent to it, and it is stopped; the JVM writes the cache as it exits.
 *
 * <p>The launcher owns the JVM command line (the same for training and serving, so the JVM accepts the cache) and
 * names the file after the JDK, the CLI build and the JVM options: {@code build} passes that name as
 * {@code -Dapproute.aot.file}, and an app that has it already is not trained again. A failed training is a note,
 * never a failed build: {@code start} works without the cache, only slower.
 *
 * <pre>{@code
 * StartupCache cache = StartupCache.fromLauncher();     // null when build was not started by the launcher
 * if (cache != null) {
 *     cache.train(layout, built.routes().table());
 * }
 * }</pre>
 */
final class StartupCache {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    // The JVM writes the cache after the app stopped: on JDK 25 a second JVM assembles it (seconds, more when busy).
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(300);

    private final Path launcher;
    private final Path file;

    private StartupCache(Path launcher, Path file) {
        this.launcher = launcher;
        this.file = file;
    }

    /** The cache the launcher asks for ({@code -Dapproute.launcher}, {@code -Dapproute.aot.file}), or null without them. */
    static StartupCache fromLauncher() {
        String launcher = System.getProperty("approute.launcher");
        String file = System.getProperty("approute.aot.file");
        return launcher == null || file == null ? null : new StartupCache(Path.of(launcher), Path.of(file).toAbsolutePath());
    }

    /** Makes the cache unless it exists; prints one line saying what happened. */
    void train(AppLayout layout, RouteTable<Endpoint> table) {
        String name = layout.relative(file).toString();
        if (Files.isRegularFile(file)) {
            System.out.println("\nstart-up cache " + name + " is up to date (same JDK, CLI build and JVM options)");
            return;
        }
        long started = System.nanoTime();
        Path log = file.resolveSibling("training.log");
        String failure;
        try {
            failure = run(layout, table, log);
        } catch (IOException e) {
            failure = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        }
        if (failure == null && Files.isRegularFile(file)) {
            System.out.println("\n✓ start-up cache " + name + " (" + megabytes(file) + " MB) made in "
                    + (System.nanoTime() - started) / 1_000_000 + "ms: start loads it");
        } else {
            System.out.println("\nnote: no start-up cache was made (" + (failure == null ? "the JVM wrote none" : failure)
                    + "; see " + layout.relative(log) + "). start works without it, only slower.");
        }
    }

    /** The training run; returns why it failed, or null. */
    private String run(AppLayout layout, RouteTable<Endpoint> table, Path log) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "start", layout.root().toString(),
                "--port", String.valueOf(port), "--hostname", "127.0.0.1")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("APPROUTE_AOT_TRAINING", "1");
        Process app = builder.start();
        try {
            if (!awaitListening(app, port)) {
                return app.isAlive() ? "the app did not listen within " + READY_TIMEOUT.toSeconds() + "s"
                        : "the app exited with " + app.exitValue();
            }
            String refused = send(port, TrainingRequests.plan(table));
            if (refused != null) {
                return refused;
            }
        } finally {
            app.destroy(); // SIGTERM: the launcher exec'd java, so this is the JVM, which writes the cache as it exits
        }
        if (!app.waitFor(WRITE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            app.destroyForcibly();
            return "the JVM did not finish writing within " + WRITE_TIMEOUT.toSeconds() + "s";
        }
        return null;
    }

    private static boolean awaitListening(Process app, int port) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && app.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return true;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        return false;
    }

    /** Sends the requests in order (twice: the second round runs what the first loaded); null, or what went wrong. */
    private static String send(int port, List<TrainingRequests.Request> requests) throws InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build()) {
            return send(client, port, requests);
        }
    }

    private static String send(HttpClient client, int port, List<TrainingRequests.Request> requests) throws InterruptedException {
        for (int round = 0; round < 2; round++) {
            for (TrainingRequests.Request request : requests) {
                HttpRequest.Builder http = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + request.path()))
                        .timeout(Duration.ofSeconds(30))
                        .method(request.method(), HttpRequest.BodyPublishers.noBody());
                if (request.accept() != null) {
                    http.header("Accept", request.accept());
                }
                try {
                    client.send(http.build(), HttpResponse.BodyHandlers.discarding());
                } catch (IOException e) {
                    return request.method() + " " + request.path() + " failed: " + e;
                }
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String megabytes(Path path) {
        try {
            return String.format(Locale.ROOT, "%.0f", Files.size(path) / 1_048_576.0);
        } catch (IOException e) {
            return "?";
        }
    }
}
