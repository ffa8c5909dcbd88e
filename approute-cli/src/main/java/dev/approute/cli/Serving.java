package dev.approute.cli;

import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import dev.approute.internal.app.AppLayout;
import dev.approute.internal.cache.ResponseCache;
import dev.approute.internal.runtime.AppRoutes;
import dev.approute.internal.runtime.Dispatcher;
import dev.approute.internal.runtime.ErrorResponses;
import dev.approute.internal.server.HttpServer;
import dev.approute.internal.server.ServerOptions;

/** Starts the server and blocks until SIGTERM/SIGINT, then stops it gracefully (in-flight requests finish). */
final class Serving {
    private Serving() {
    }

    /** @param cache the response cache ({@code start}), or null for none ({@code dev}, which always runs handlers) */
    static int serve(String mode, AppLayout layout, ServeOptions options, Supplier<AppRoutes> routes, ResponseCache cache) {
        return serve(mode, layout, options, routes, cache, () -> true);
    }

    /**
     * @param ready called after Helidon is set up and before it listens: waits for what {@code routes} needs, and
     *              returns false (having said why) when the server must not listen: the exit code is then 1
     */
    static int serve(String mode, AppLayout layout, ServeOptions options, Supplier<AppRoutes> routes, ResponseCache cache,
                     BooleanSupplier ready) {
        boolean dev = cache == null;
        Dispatcher dispatcher = new Dispatcher(routes, new ErrorResponses(layout, dev, System.err::println), cache);
        HttpServer server;
        try {
            server = HttpServer.create(ServerOptions.of(options.hostname, options.port()), dispatcher, dev ? System.out::println : null);
        } catch (RuntimeException e) {
            return cannotListen(options, e);
        }
        if (!ready.getAsBoolean()) {
            return 1;
        }
        try {
            server.listen();
        } catch (RuntimeException e) {
            return cannotListen(options, e);
        }
        System.out.println("▲ approute " + mode + "  http://" + displayHost(options.hostname) + ":" + server.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping: letting in-flight requests finish");
            server.close();
            stopped.countDown();
        }, "approute-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static int cannotListen(ServeOptions options, RuntimeException error) {
        System.err.println("⨯ cannot listen on " + options.hostname + ":" + options.port() + ": " + rootMessage(error)
                + "\n    fix: choose another port with --port or PORT=");
        return 1;
    }

    private static String displayHost(String host) {
        return host.equals("127.0.0.1") || host.equals("0.0.0.0") ? "localhost" : host;
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
