package dev.approute.internal.runtime;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import dev.approute.BadRequestException;
import dev.approute.Headers;
import dev.approute.Response;
import dev.approute.RouteContext;
import dev.approute.internal.cache.CacheKey;
import dev.approute.internal.cache.ResponseCache;
import dev.approute.internal.cache.ServedResponse;
import dev.approute.internal.compile.HttpMethod;
import dev.approute.internal.data.DataCache;
import dev.approute.internal.data.DataContext;
import dev.approute.internal.compile.RouteHandler;
import dev.approute.internal.config.RequestFacts;
import dev.approute.internal.router.CanonicalPath;
import dev.approute.internal.router.PathCanonicalizer;
import dev.approute.internal.router.RouteMatch;
import dev.approute.internal.util.PercentDecoding.MalformedEncodingException;

/**
 * The path of a request: canonical path, approute.json rules, middleware, route match, method table, handler, response.
 * <pre>
 *   raw path ──canonicalize──▶ 308 / 400 ──▶ ConfigRules: host check, response headers, redirects
 *            ──▶ middleware.java (its matcher on the path the trie matches; next.next() runs the rest)
 *            ──▶ ConfigRules: rewrites, basePath ──▶ trie match ──▶ 404
 *                                             │  CORS (the route's own policy, else approute.json's); body size limit (413)
 *                                 method table (CALL, HEAD_FROM_GET, AUTO_OPTIONS, 405)
 *                                             │
 *                         handler in a RequestScope ──▶ Response ──▶ ResponseSender
 * </pre>
 * Runs on the engine's virtual thread, one per request; blocking is fine.
 */
public final class Dispatcher {
    private final Supplier<AppRoutes> routes;
    private final ErrorResponses errors;
    private final ResponseSender sender;
    private final ResponseCache cache;
    private final DataCache data;

    /** A dispatcher that caches no responses (dev, and tests of the uncached path); data is cached in memory. */
    public Dispatcher(Supplier<AppRoutes> routes, ErrorResponses errors) {
        this(routes, errors, null);
    }

    /**
     * @param routes the current routes; in dev a supplier that recompiles what changed before answering
     * @param cache  the app's response cache for routes whose segment config caches their GET, or null for none;
     *               the data cache shares its store, or (without one) keeps data in memory
     */
    public Dispatcher(Supplier<AppRoutes> routes, ErrorResponses errors, ResponseCache cache) {
        this(routes, errors, cache, cache == null ? DataCache.inMemory() : DataCache.sharing(cache));
    }

    /** @param data the app's data cache ({@code Fetch}, {@code Cache.cached}) */
    public Dispatcher(Supplier<AppRoutes> routes, ErrorResponses errors, ResponseCache cache, DataCache data) {
        this.routes = routes;
        this.errors = errors;
        this.sender = new ResponseSender(errors);
        this.cache = cache;
        this.data = data;
    }

    /** The app's data cache. */
    public DataCache dataCache() {
        return data;
    }

    /** Answers one exchange; never throws for anything the client sent. */
    public int dispatch(Exchange exchange) {
        String method = exchange.method();
        String rawPath = exchange.rawPath();
        if (rawPath.equals("*")) {
            // RFC 9110 §9.3.7: OPTIONS * asks about the server as a whole.
            return method.equals("OPTIONS")
                    ? sender.sendEmpty(exchange, 204, Headers.of("allow", "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT"))
                    : sender.send(exchange, errors.badRequest("The request target '*' is only valid for OPTIONS"), null);
        }
        AppRoutes current = routes.get();
        if (current.broken()) {
            return sender.send(exchange, errors.buildFailed(current.problems()), null);
        }
        ConfigRules rules = current.rules();
        String refusedHost = rules.refusedHost(exchange);
        if (refusedHost != null) {
            return sender.send(exchange, errors.badRequest(refusedHost), null);
        }
        exchange = rules.prepare(exchange);
        CanonicalPath canonical = PathCanonicalizer.canonicalize(rawPath, rules.trailingSlash());
        if (canonical instanceof CanonicalPath.Invalid invalid) {
            return sender.send(exchange, errors.badRequest("Invalid request path: " + invalid.reason()), null);
        }
        String path = canonical instanceof CanonicalPath.Redirect redirect ? redirect.path() : ((CanonicalPath.Ok) canonical).path();
        ExchangeFacts facts = new ExchangeFacts(exchange);
        exchange = rules.withResponseHeaders(exchange, path, facts);
        if (canonical instanceof CanonicalPath.Redirect) {
            String query = exchange.rawQuery();
            return sender.sendRedirect(rules.withCors(exchange, path, null), 308, query.isEmpty() ? path : path + "?" + query);
        }
        ConfigRules.Redirect configured = rules.redirect(exchange, path, facts);
        if (configured != null) {
            return sender.sendRedirect(rules.withCors(exchange, path, null), configured.status(), configured.location());
        }
        MiddlewareStep middleware = current.middleware();
        if (middleware != null) {
            // The matcher sees what the route table sees: the canonical path without basePath (outside it, nothing runs).
            String appPath = rules.withoutBasePath(path);
            if (appPath != null && middleware.appliesTo(appPath, facts)) {
                return new MiddlewareRun(middleware, exchange, path,
                        (routed, routedPath, routedFacts, out, cookies) -> route(routed, routedPath, current, routedFacts, out, cookies),
                        rules.config().bodySizeLimit()).run(sender, errors, cache);
            }
        }
        return route(exchange, path, current, facts, sender, null);
    }

    /**
     * Routing onwards (rewrites, basePath, the route table, the method table, the handler or the cache), answering into
     * {@code out}: the client, or middleware that called {@code next.next()}.
     *
     * @param cookies the request's cookie store when middleware made it, else null (the handler gets a new one)
     */
    private int route(Exchange exchange, String path, AppRoutes current, RequestFacts facts, ResponseSink out, CookieJar cookies) {
        ConfigRules rules = current.rules();
        ConfigRules.Routing routing;
        try {
            routing = rules.route(exchange, path, current.table(), facts);
        } catch (MalformedEncodingException e) {
            return out.send(exchange, errors.badRequest("Malformed percent-encoding in the path: " + e.getMessage()), null);
        }
        return switch (routing) {
            case ConfigRules.Routing.NotFound notFound -> out.send(rules.withCors(exchange, path, null), errors.notFound(exchange), null);
            case ConfigRules.Routing.Matched matched -> dispatchMatched(matched, rules, path, out, cookies);
        };
    }

    private int dispatchMatched(ConfigRules.Routing.Matched matched, ConfigRules rules, String requestPath, ResponseSink out,
                                CookieJar cookies) {
        RouteMatch<Endpoint> match = matched.match();
        Endpoint endpoint = match.value();
        Exchange exchange = rules.withCors(matched.exchange(), requestPath, endpoint);
        if (!paramsExist(match)) {
            return out.send(exchange, errors.notFound(exchange), null);
        }
        if (!exchange.method().equals("GET") && !exchange.method().equals("HEAD")) {
            long limit = rules.bodySizeLimit(endpoint);
            BadRequestException tooLarge = BodyLimit.declaredTooLarge(exchange, limit);
            if (tooLarge != null) {
                return out.send(exchange, errors.clientError(tooLarge), null);
            }
            if (limit < rules.largestBodySizeLimit()) {
                // The engine counts up to the largest limit; a route with a smaller one counts its own.
                exchange = BodyLimit.counted(exchange, limit);
            }
        }
        return dispatchTo(exchange, endpoint, new RouteContext(match.params()), matched.path(), out, cookies);
    }

    // dynamicParams = false: only the param sets generateStaticParams() returned exist.
    private static boolean paramsExist(RouteMatch<Endpoint> match) {
        return !(match.value() instanceof Endpoint.Route route) || route.allowedParams() == null
                || route.allowedParams().contains(match.params());
    }

    private int dispatchTo(Exchange exchange, Endpoint endpoint, RouteContext context, String path, ResponseSink out,
                           CookieJar cookies) {
        HttpMethod method = HttpMethod.of(exchange.method());
        MethodTable methods = endpoint.methods();
        MethodTable.Action action = methods.action(method);
        if (cache != null && endpoint instanceof Endpoint.Route route && route.cachePolicy() != null
                && (method == HttpMethod.GET || action == MethodTable.Action.HEAD_FROM_GET)) {
            return serveCached(exchange, route, context, path, out);
        }
        return switch (action) {
            case CALL -> invoke(exchange, endpoint, methods.handler(method), context, out, cookies);
            case HEAD_FROM_GET -> invoke(exchange, endpoint, methods.handler(HttpMethod.GET), context, out, cookies);
            case AUTO_OPTIONS -> out.sendEmpty(exchange, 204, Headers.of("allow", methods.allow()));
            case NOT_ALLOWED -> out.send(exchange, errors.methodNotAllowed(methods.allow()), null);
        };
    }

    /** A GET (or HEAD) of a route whose segment config caches it: HIT, STALE (regenerating) or MISS. */
    private int serveCached(Exchange exchange, Endpoint.Route route, RouteContext context, String path, ResponseSink out) {
        Response response;
        try {
            ServedResponse served = cache.serve(CacheKey.of(path, route.entry().pattern().toString()), route.cachePolicy(),
                    CachedRenderer.of(route.module(), path, context, cache, new DataContext(data, route.dataRoute())));
            return out.sendServed(exchange, served.status(), served.headers(), served.body());
        } catch (BadRequestException badRequest) {
            response = errors.clientError(badRequest);
        } catch (Throwable failure) {
            response = errors.handlerFailed(route, exchange, failure);
        }
        return out.send(exchange, response, null);
    }

    /** @param shared the request's cookie store when middleware made it; else the handler gets its own */
    private int invoke(Exchange exchange, Endpoint endpoint, RouteHandler handler, RouteContext context, ResponseSink out,
                       CookieJar shared) {
        CookieJar cookies = shared != null ? shared : CookieJar.lazy(() -> exchange.headerValues("cookie"));
        // request.cookies() shows the Cookie header this handler received (middleware may have changed it).
        CookieJar sent = shared == null ? cookies : CookieJar.lazy(() -> exchange.headerValues("cookie"));
        IncomingRequest request = new IncomingRequest(exchange, sent);
        RequestScope scope = new RequestScope(request, cookies, cache, new DataContext(data, endpoint.dataRoute()));
        HandlerDeadline deadline = endpoint instanceof Endpoint.Route route ? HandlerDeadline.after(route.module().config().maxDuration()) : null;
        Response response;
        try {
            RequestScope.ScopedCall<Object> call = () -> scope.run(() -> awaitIfAsync(handler.handle(request, context)));
            Object result = deadline == null ? call.call() : deadline.call(call);
            if (result instanceof Response ok) {
                response = ok;
            } else {
                response = errors.noResponse(endpoint, exchange, result);
            }
        } catch (NavigationSignal signal) {
            response = signal.response();
        } catch (BadRequestException badRequest) {
            response = errors.clientError(badRequest);
        } catch (HandlerDeadline.Exceeded late) {
            response = errors.deadlineExceeded(endpoint, exchange, late);
        } catch (Throwable failure) {
            response = errors.handlerFailed(endpoint, exchange, failure);
        }
        return out.send(exchange, response, cookies, deadline);
    }

    static Object awaitIfAsync(Object result) throws Throwable {
        if (!(result instanceof CompletionStage<?> stage)) {
            return result;
        }
        try {
            return stage.toCompletableFuture().get();
        } catch (ExecutionException | CompletionException wrapped) {
            throw wrapped.getCause() == null ? wrapped : wrapped.getCause();
        }
    }
}
