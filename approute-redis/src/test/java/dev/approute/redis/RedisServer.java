package dev.approute.redis;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A real {@code redis-server} on a free 127.0.0.1 port, in a temporary directory, persisting nothing
 * ({@code --save '' --appendonly no}). Tests stop it, pause it (SIGSTOP: a Redis that accepts connections and never
 * answers) and start it again on the same port. A missing binary fails the test, saying how to install it.
 *
 * <pre>{@code
 * try (RedisServer redis = RedisServer.start()) {
 *     CacheHandler shared = new RedisCacheHandler(RedisSettings.parse(URI.create(redis.url())));
 * }
 * }</pre>
 */
final class RedisServer implements AutoCloseable {
    private static final Duration READY_WITHIN = Duration.ofSeconds(20);

    private final String binary;
    private final Path directory;
    private final int port;
    private Process process;

    private RedisServer(String binary, Path directory, int port) {
        this.binary = binary;
        this.directory = directory;
        this.port = port;
    }

    static RedisServer start() {
        String binary = findBinary();
        try {
            RedisServer server = new RedisServer(binary, Files.createTempDirectory("approute-redis-test"), freePort());
            server.launch();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>/0} with the given query ({@code "prefix=a:"}), or none when empty. */
    String url(String query) {
        return "redis://127.0.0.1:" + port + "/0" + (query.isEmpty() ? "" : "?" + query);
    }

    RedisSettings settings(String prefix) {
        return RedisSettings.parse(URI.create(url("prefix=" + prefix)));
    }

    /** A plain client, for looking at keys directly. */
    Jedis client() {
        return new Jedis("127.0.0.1", port);
    }

    /** Stops the server; its data is gone (nothing is persisted). */
    void stop() {
        if (process == null) {
            return;
        }
        resume();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Starts it again on the same port, empty. */
    void restart() {
        stop();
        launch();
    }

    /** SIGSTOP: connections are still accepted by the kernel, but no command is ever answered until {@link #resume}. */
    void pause() {
        signal("-STOP");
    }

    void resume() {
        signal("-CONT");
    }

    @Override
    public void close() {
        stop();
        try (var files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }

    private void launch() {
        try {
            process = new ProcessBuilder(binary, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", directory.toString(), "--daemonize", "no")
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("redis.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + binary + ": " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (true) {
            try (Jedis client = client()) {
                if ("PONG".equals(client.ping())) {
                    return;
                }
            } catch (JedisException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("redis-server did not start on port " + port + ": " + log(), e);
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void signal(String signal) {
        if (process == null) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", signal, String.valueOf(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String log() {
        try {
            return Files.readString(directory.resolve("redis.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String findBinary() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : List.of((path + File.pathSeparator + "/usr/bin" + File.pathSeparator + "/usr/local/bin"
                + File.pathSeparator + "/usr/sbin").split(File.pathSeparator))) {
            Path candidate = Path.of(dir, "redis-server");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException("redis-server is not installed, and the Redis cache tests run against a real"
                + " Redis server (they are not skipped): install it with `apt-get install -y redis-server` (Debian,"
                + " Ubuntu; .ci/run does this) or `brew install redis` (macOS), then run the tests again");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
