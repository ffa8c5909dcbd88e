package dev.approute.internal.runtime;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.function.Consumer;

import dev.approute.BadRequestException;
import dev.approute.Headers;
import dev.approute.Next;
import dev.approute.Response;
import dev.approute.internal.cache.ResponseCache;
import dev.approute.internal.config.RequestFacts;
import dev.approute.internal.router.CanonicalPath;
import dev.approute.internal.router.PathCanonicalizer;

/**
 * One request through {@code middleware.java}: calls its {@code handle} with the request and this {@link Next}, and
 * sends what it returns. {@link #next} and {@link #rewrite} run the rest of the request (rewrites, routing, the
 * handler or the cache, 404/405) into a {@link ResponseCapture} and hand the response back.
 *
 * <pre>
 *   exchange ──▶ handle(request, next) ──────────────────────────────▶ its Response ──▶ ResponseSender
 *                      │ next.next() / next.rewrite("/b")                  ▲
 *                      ▼                                                   │
 *               MiddlewareExchange (path, headers, body) ─▶ routing ─▶ ResponseCapture
 * </pre>
 *
 * The request has one cookie store: what middleware sets through {@code Current.cookies()} the handler's
 * {@code Current.cookies()} sees, and every change becomes a {@code Set-Cookie} of the final response.
 */
final class MiddlewareRun implements Next {
    private static final String RESERVED_PREFIX = "x-approute-";

    /** The rest of the request: the dispatcher's routing, answering into {@code out}. */
    @FunctionalInterface
    interface Rest {
        void route(Exchange exchange, String path, RequestFacts facts, ResponseSink out, CookieJar cookies);
    }

    private final MiddlewareStep middleware;
    private final Exchange exchange;
    private final String path;
    private final Rest rest;
    private final long bodyLimit;
    private final CookieJar cookies;
    private final IncomingRequest request;
    private InputStream middlewareBody;
    private ResponseCapture capture;
    private boolean finished;

    /**
     * @param exchange  the request as the client sent it, with approute.json's origin and response headers
     * @param path      its canonical path
     * @param bodyLimit approute.json's bodySizeLimit, for a body middleware reads (the route's own applies after it)
     */
    MiddlewareRun(MiddlewareStep middleware, Exchange exchange, String path, Rest rest, long bodyLimit) {
        this.middleware = middleware;
        this.exchange = exchange;
        this.path = path;
        this.rest = rest;
        this.bodyLimit = bodyLimit;
        this.cookies = CookieJar.lazy(() -> exchange.headerValues("cookie"));
        // Middleware sees the canonical path (/%61dmin is /admin), so a check like pathname().startsWith("/admin") agrees
        // with the route table about every alias of a path.
        this.request = new IncomingRequest(new MiddlewareExchange(exchange, path, exchange.rawQuery(), null, this::middlewareBody),
                cookies);
    }

    /** Runs the middleware and sends its response. */
    int run(ResponseSender sender, ErrorResponses errors, ResponseCache cache) {
        RequestScope scope = new RequestScope(request, cookies, cache);
        Response response;
        try {
            Object result = scope.run(() -> middleware.handler().handle(request, this));
            response = result instanceof Response returned ? returned : errors.middlewareReturned(middleware.file(), exchange, result);
        } catch (NavigationSignal signal) {
            response = signal.response();
        } catch (BadRequestException badRequest) {
            response = errors.clientError(badRequest);
        } catch (Throwable failure) {
            response = errors.middlewareFailed(middleware.file(), exchange, failure);
        } finally {
            finished = true;
        }
        return sender.send(exchange, response, cookies, capture == null ? null : capture.deadlineFor(response));
    }

    @Override
    public Response next(Consumer<Headers.Builder> requestHeaders) {
        return proceed(exchange.rawPath(), path, exchange.rawQuery(), requestHeaders);
    }

    @Override
    public Response rewrite(String destination, Consumer<Headers.Builder> requestHeaders) {
        String local = localTarget(destination);
        int queryStart = local.indexOf('?');
        String target = canonical(destination, queryStart < 0 ? local : local.substring(0, queryStart));
        String query = queryStart < 0 ? exchange.rawQuery() : local.substring(queryStart + 1);
        return proceed(target, target, query, requestHeaders);
    }

    private Response proceed(String rawPath, String canonicalPath, String query, Consumer<Headers.Builder> requestHeaders) {
        Objects.requireNonNull(requestHeaders, "requestHeaders");
        if (finished) {
            throw new IllegalStateException("next() was called after the middleware returned: call it inside handle");
        }
        if (capture != null) {
            throw new IllegalStateException("next() or rewrite() was already called for this request: the rest of the request "
                    + "runs once; keep the Response it returned");
        }
        MiddlewareExchange routed = new MiddlewareExchange(exchange, rawPath, query, changedHeaders(requestHeaders),
                this::downstreamBody);
        capture = new ResponseCapture();
        rest.route(routed, canonicalPath, new ExchangeFacts(routed), capture, cookies);
        return capture.response();
    }

    /** The request headers as middleware changed them, or null when it changed nothing. */
    private Headers changedHeaders(Consumer<Headers.Builder> requestHeaders) {
        Headers original = exchange.headers();
        Headers.Builder builder = original.toBuilder();
        requestHeaders.accept(builder);
        Headers changed = builder.build();
        if (changed.equals(original)) {
            return null;
        }
        for (String name : changed.names()) {
            if (name.startsWith(RESERVED_PREFIX)) {
                throw new IllegalArgumentException("the request header `" + name + "` starts with x-approute-, which is reserved "
                        + "for approute itself: pick another name");
            }
        }
        return changed;
    }

    // What middleware reads is held to approute.json's bodySizeLimit: the route (and its own limit) is not known yet.
    private InputStream middlewareBody() {
        if (middlewareBody == null) {
            middlewareBody = BodyLimit.counted(exchange.body(), bodyLimit);
        }
        return middlewareBody;
    }

    // The route gets the body middleware read whole, or what is left of the stream middleware took, or the body untouched.
    private InputStream downstreamBody() {
        byte[] read = request.bytesIfRead();
        if (read != null) {
            return new ByteArrayInputStream(read);
        }
        return middlewareBody != null ? middlewareBody : exchange.body();
    }

    /** A rewrite destination as path and query of this app: another origin is refused (approute never proxies). */
    private String localTarget(String destination) {
        Objects.requireNonNull(destination, "destination");
        String target = destination;
        int fragment = target.indexOf('#');
        if (fragment >= 0) {
            target = target.substring(0, fragment);
        }
        if (target.startsWith("/") && !target.startsWith("//")) {
            return target;
        }
        String origin = exchange.scheme() + "://" + exchange.authority();
        String refused = "next.rewrite(\"" + destination + "\"): approute does not proxy; a rewrite serves a route of this app. "
                + "Give a path such as \"/other\" (or a URL of " + origin + "), or return Response.redirect(url) to send the client there";
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(refused);
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null
                || !(uri.getScheme() + "://" + uri.getRawAuthority()).equalsIgnoreCase(origin)) {
            throw new IllegalArgumentException(refused);
        }
        String rawPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? rawPath : rawPath + "?" + uri.getRawQuery();
    }

    private static String canonical(String destination, String targetPath) {
        return switch (PathCanonicalizer.canonicalize(targetPath, PathCanonicalizer.TrailingSlash.KEEP)) {
            case CanonicalPath.Ok ok -> ok.path();
            case CanonicalPath.Redirect redirect -> redirect.path();
            case CanonicalPath.Invalid invalid -> throw new IllegalArgumentException("next.rewrite(\"" + destination + "\"): "
                    + invalid.reason());
        };
    }
}
