package dev.approute.testing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.approute.Request;
import dev.approute.Response;
import dev.approute.internal.compile.HttpMethod;
import dev.approute.internal.compile.RouteHandler;
import dev.approute.internal.compile.RouteModule;
import dev.approute.internal.compile.SegmentConfig;
import dev.approute.internal.router.AppEntry;
import dev.approute.internal.router.EntryKind;
import dev.approute.internal.router.RoutePattern;
import dev.approute.internal.router.RouteTable;
import dev.approute.internal.runtime.AppRoutes;
import dev.approute.internal.runtime.Dispatcher;
import dev.approute.internal.runtime.Endpoint;
import dev.approute.internal.runtime.ErrorResponses;
import dev.approute.internal.server.HttpServer;
import dev.approute.internal.server.ServerOptions;

/**
 * The remote API a test app fetches from: a server on 127.0.0.1 with hand-built routes (no compiler), counting the
 * requests each path receives. Every answer carries the count, so a repeated value proves a cache answered.
 * <pre>
 *   GET  /posts      200 {"hit": n}                 (any query: counted apart)
 *   POST /posts      200 {"hit": n, "body": "..."}
 *   GET  /no-store   200 {"hit": n} with Cache-Control: no-store
 *   GET  /broken     503 {"hit": n}
 * </pre>
 */
final class Upstream implements AutoCloseable {
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final HttpServer server;

    Upstream() {
        Map<RoutePattern, Endpoint> routes = new LinkedHashMap<>();
        routes.put(RoutePattern.parse("/posts"), route("/posts", Map.of(
                HttpMethod.GET, (request, context) -> Response.json(Map.of("hit", hit(request))),
                HttpMethod.POST, (request, context) -> Response.json(new TreeMap<>(Map.of("hit", hit(request), "body", request.text()))))));
        routes.put(RoutePattern.parse("/no-store"), route("/no-store", Map.of(HttpMethod.GET, (request, context) ->
                Response.json(Map.of("hit", hit(request)), init -> init.header("cache-control", "no-store")))));
        routes.put(RoutePattern.parse("/broken"), route("/broken", Map.of(HttpMethod.GET, (request, context) ->
                Response.json(Map.of("hit", hit(request)), init -> init.status(503)))));
        Dispatcher dispatcher = new Dispatcher(() -> AppRoutes.of(RouteTable.build(routes)), new ErrorResponses(null, false, line -> { }));
        server = HttpServer.start(ServerOptions.of("127.0.0.1", 0), dispatcher, null);
    }

    // Counted per method, path and query: tests use a query of their own to get a counter of their own.
    private int hit(Request request) {
        String key = request.method() + " " + request.nextUrl().pathname() + request.nextUrl().search();
        return hits.computeIfAbsent(key, name -> new AtomicInteger()).incrementAndGet();
    }

    /** How many requests {@code "GET /posts?test=a"} received so far. */
    int hits(String request) {
        AtomicInteger count = hits.get(request);
        return count == null ? 0 : count.get();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static Endpoint route(String pattern, Map<HttpMethod, RouteHandler> handlers) {
        AppEntry entry = new AppEntry(EntryKind.ROUTE, Path.of("upstream" + pattern + "/route.java"), pattern + "/route",
                RoutePattern.parse(pattern));
        return Endpoint.Route.of(new RouteModule(entry, "Route", handlers, SegmentConfig.DEFAULTS, List.of()));
    }

    @Override
    public void close() {
        server.close();
    }
}
