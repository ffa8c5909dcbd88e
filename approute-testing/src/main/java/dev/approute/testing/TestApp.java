package dev.approute.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.approute.internal.app.AppLayout;
import dev.approute.internal.runtime.AppAssembler;
import dev.approute.internal.cache.ResponseCache;
import dev.approute.internal.runtime.Dispatcher;
import dev.approute.internal.runtime.Prerenderer;
import dev.approute.internal.runtime.ErrorResponses;
import dev.approute.internal.server.HttpServer;
import dev.approute.internal.server.ServerOptions;

/**
 * An approute app built and served on a free 127.0.0.1 port, for tests. An {@code approute.json} file (given with
 * {@link Builder#file}) configures it as it would {@code start}.
 *
 * <pre>{@code
 * try (TestApp app = TestApp.builder()
 *         .file("app/api/hello/route.java", "class Route { static Response GET() { return Response.text(\"hi\"); } }")
 *         .start()) {
 *     assertThat(app.get("/api/hello").body()).isEqualTo("hi");
 * }
 * }</pre>
 */
public final class TestApp implements AutoCloseable {
    private final AppLayout layout;
    private final HttpServer server;
    private final ResponseCache cache;
    private final List<String> log;
    private final boolean dev;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestApp(AppLayout layout, HttpServer server, ResponseCache cache, List<String> log, boolean dev) {
        this.layout = layout;
        this.server = server;
        this.cache = cache;
        this.log = log;
        this.dev = dev;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@code appRoot} into a scratch folder (its own .approute/ is left alone) and serves it. */
    public static TestApp serve(Path appRoot) {
        return builder().root(appRoot).start();
    }

    public int port() {
        return server.port();
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    public AppLayout layout() {
        return layout;
    }

    /** What the server logged (errors, with their route files; the shared cache line of {@link Builder#cacheUrl}). */
    public List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
    }

    public HttpResponse<String> request(String method, String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    public HttpResponse<String> request(String method, String pathAndQuery, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first value of a response header, or null. */
    public static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** Writes {@code request} byte for byte on a new connection and returns the raw response text. */
    public String raw(String request) {
        return RawHttp.exchange(port(), request);
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            if (cache != null) {
                cache.store().close();
            }
        }
    }

    /**
     * Stops this server and serves the same build again as {@code start} would after a restart: routes loaded from
     * {@code .approute/} (new class loaders, so static state starts over), caches read from {@code .approute/cache/}.
     * Only for apps started with {@link Builder#cached}.
     */
    public TestApp restart() {
        close();
        AppAssembler.Built built = new AppAssembler(layout).loadBuilt();
        List<String> newLog = Collections.synchronizedList(new ArrayList<>());
        ResponseCache reopened = Prerenderer.openCache(layout);
        Dispatcher dispatcher = new Dispatcher(built::routes, new ErrorResponses(layout, dev, newLog::add), reopened);
        return new TestApp(layout, HttpServer.start(ServerOptions.of("127.0.0.1", 0).withAppConfig(built.routes()), dispatcher, null),
                reopened, newLog, dev);
    }

    /** Files of a test app, then {@link #start()}. */
    public static final class Builder {
        private Path root;
        private final List<Map.Entry<String, String>> files = new ArrayList<>();
        private boolean dev;
        private boolean cached;
        private String cacheUrl;
        private UnaryOperator<ServerOptions> serverOptions = UnaryOperator.identity();

        /** Serve this existing app folder. */
        public Builder root(Path appRoot) {
            this.root = appRoot;
            return this;
        }

        /** Adds a file, relative to the app root ({@code app/api/x/route.java}). */
        public Builder file(String relativePath, String content) {
            files.add(Map.entry(relativePath, content));
            return this;
        }

        /** Dev mode: 500 bodies carry the error details. */
        public Builder dev(boolean devMode) {
            this.dev = devMode;
            return this;
        }

        /** Serve as {@code start} does: cached routes prerendered and answered from the response cache. */
        public Builder cached(boolean enabled) {
            this.cached = enabled;
            return this;
        }

        /**
         * Cached mode with the response cache in a shared store, as {@code start --cache-url}: the build's prerendered
         * entries seed it where it lacks them. Several TestApps with one URL are instances behind one load balancer.
         */
        public Builder cacheUrl(String url) {
            this.cached = true;
            this.cacheUrl = url;
            return this;
        }

        /** Changes the engine's limits and timeouts ({@code options -> options.withMaxBodyBytes(1024)}). */
        public Builder serverOptions(UnaryOperator<ServerOptions> adjust) {
            this.serverOptions = adjust;
            return this;
        }

        public TestApp start() {
            try {
                Path appRoot = root != null ? root : Files.createTempDirectory("approute-test-app");
                for (var file : files) {
                    Path target = appRoot.resolve(file.getKey());
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, file.getValue());
                }
                Path buildDir = Files.createTempDirectory("approute-test-build");
                AppLayout layout = new AppLayout(appRoot).withBuildDir(buildDir);
                AppAssembler.Built built = new AppAssembler(layout).compileAndLoad();
                List<String> log = Collections.synchronizedList(new ArrayList<>());
                ResponseCache cache = null;
                if (cached) {
                    Prerenderer.prerender(layout, built);
                    cache = Prerenderer.openCache(layout, cacheUrl, log::add);
                }
                Dispatcher dispatcher = new Dispatcher(built::routes, new ErrorResponses(layout, dev, log::add), cache);
                HttpServer server = HttpServer.start(serverOptions.apply(ServerOptions.of("127.0.0.1", 0).withAppConfig(built.routes())),
                        dispatcher, null);
                return new TestApp(layout, server, cache, log, dev);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
