package dev.approute.cli;

import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.approute.internal.app.AppLayout;
import dev.approute.internal.cache.ResponseCache;
import dev.approute.internal.data.DataCache;
import dev.approute.internal.runtime.AppRoutes;
import dev.approute.internal.runtime.Dispatcher;
import dev.approute.internal.runtime.ErrorResponses;
import dev.approute.internal.server.HttpServer;
import dev.approute.internal.server.ServerOptions;

/** Starts the server and blocks until SIGTERM/SIGINT, then stops it gracefully (in-flight requests finish). */
final class Serving {
    private Serving() {
    }

    /**
     * What a server serves.
     *
     * @param cache the response cache ({@code start}), or null for none ({@code dev}, which always runs handlers)
     */
    record Served(Supplier<AppRoutes> routes, ResponseCache cache) {
    }

    /**
     * Listens, then blocks until the process is told to stop.
     *
     * @param served called while Helidon is set up (its slowest start-up part), so it may load meanwhile; null when the
     *               server must not listen (it has said why): the exit code is then 1
     */
    static int serve(String mode, AppLayout layout, ServeOptions options, Supplier<Served> served) {
        HttpServer server = listen(mode, layout, options, served);
        if (server == null) {
            return 1;
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

    /** The server listening for {@code served}, or null when it must not listen (having said why). */
    static HttpServer listen(String mode, AppLayout layout, ServeOptions options, Supplier<Served> served) {
        ServerOptions defaults = ServerOptions.of(options.hostname, options.port());
        Consumer<String> requestLog = mode.equals("dev") ? System.out::println : null;
        // Helidon is set up with the engine's default settings: the app's are known once it has loaded, and
        // most apps keep them. serverTimeouts and the body limit apply at start (dev: restart to apply an edit).
        HttpServer server = HttpServer.create(defaults, requestLog);
        Served app;
        try {
            app = served.get();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        if (app == null) {
            server.close();
            return null;
        }
        Dispatcher dispatcher = new Dispatcher(app.routes(), new ErrorResponses(layout, app.cache() == null, System.err::println),
                app.cache());
        // Fetch and Cache.cached outside a request (a thread the app started) use the served app's data cache.
        DataCache.useAsProcessDefault(dispatcher.dataCache());
        ServerOptions wanted = defaults.withAppConfig(app.routes().get());
        try {
            if (!wanted.equals(server.options())) {
                server.close();
                server = HttpServer.create(wanted, requestLog);
            }
            server.listen(dispatcher);
        } catch (RuntimeException e) {
            server.close();
            System.err.println("⨯ cannot listen on " + options.hostname + ":" + options.port() + ": " + rootMessage(e)
                    + "\n    fix: choose another port with --port or PORT=");
            return null;
        }
        return server;
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
