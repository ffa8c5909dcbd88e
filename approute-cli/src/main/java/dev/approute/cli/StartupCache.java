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
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import dev.approute.internal.app.AppLayout;
import dev.approute.internal.router.RouteTable;
import dev.approute.internal.runtime.Endpoint;

/**
 * The start-up cache ({@code approute-cli/target/aot/}): a JDK AOT cache (JDK 25+) or AppCDS archive (JDK 21-24) of
 * the classes a {@code start} loads, already parsed and linked, so that {@code start} answers its first request in a
 * fraction of the time. It holds the classes of the CLI and its libraries (a route's classes come from the route's
 * own class loader, which the JDK does not cache), so one cache serves every app; it is tied to the JDK, the CLI
 * build and the JVM options, and the launcher names the file after them ({@code -Dapproute.aot.file}).
 *
 * <p>{@code build} makes it when it is missing, with a training run of the app just built: the launcher starts it
 * as {@code start} does, plus the JVM's recording option ({@code APPROUTE_AOT_TRAINING=<file>}), the
 * {@link TrainingRequests} are sent, and the app is stopped; the JVM writes the cache as it exits. A failed
 * training is a note, never a failed build: {@code start} works without the cache, only slower.
 *
 * <pre>{@code
 * StartupCache cache = StartupCache.fromLauncher();     // null when build was not started by the launcher
 * if (cache != null) {
 *     cache.makeUnlessPresent(layout, built.routes().table());
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

    /** Makes the cache unless it exists; prints one line when it makes one. */
    void makeUnlessPresent(AppLayout layout, RouteTable<Endpoint> table) {
        if (Files.isRegularFile(file)) {
            return;
        }
        long started = System.nanoTime();
        Path log = file.resolveSibling("training.log");
        // Another build may be training at the same time: each writes its own file, and the last rename wins.
        Path written = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        String failure;
        try {
            failure = train(layout, table, written, log);
            if (failure == null && Files.isRegularFile(written)) {
                Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                removeOthers();
            } else if (failure == null) {
                failure = "the JVM wrote none";
            }
        } catch (IOException e) {
            failure = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        } finally {
            deleteQuietly(written);
        }
        if (failure == null) {
            System.out.println("\n✓ start-up cache made in " + (System.nanoTime() - started) / 1_000_000 + "ms (" + megabytes(file)
                    + " MB, " + file + "): every start with this JDK and CLI build loads it");
        } else {
            System.out.println("\nnote: no start-up cache was made (" + failure + "; see " + log
                    + "). start works without it, only slower.");
        }
    }

    /** The training run, the JVM writing to {@code written}; returns why it failed, or null. */
    private String train(AppLayout layout, RouteTable<Endpoint> table, Path written, Path log) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "start", layout.root().toString(),
                "--port", String.valueOf(port), "--hostname", "127.0.0.1")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("APPROUTE_AOT_TRAINING", written.toString());
        Process app = builder.start();
        String failure;
        try {
            if (awaitListening(app, port)) {
                failure = send(port, TrainingRequests.plan(table));
            } else {
                failure = app.isAlive() ? "the app did not listen within " + READY_TIMEOUT.toSeconds() + "s"
                        : "the app exited with " + app.exitValue();
            }
        } finally {
            app.destroy(); // SIGTERM: the launcher exec'd java, so this is the JVM, which writes the cache as it exits
            if (!app.waitFor(WRITE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor();
                failure = "the JVM did not finish writing within " + WRITE_TIMEOUT.toSeconds() + "s";
            }
        }
        return failure;
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

    /** Caches made for another JDK, CLI build or JVM options: only one is kept. */
    private void removeOthers() throws IOException {
        try (DirectoryStream<Path> caches = Files.newDirectoryStream(file.getParent(), "start-*")) {
            for (Path cache : caches) {
                if (!cache.equals(file) && !cache.getFileName().toString().endsWith(".tmp")) {
                    deleteQuietly(cache);
                }
            }
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a leftover file is harmless: the next training replaces or removes it
        }
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
