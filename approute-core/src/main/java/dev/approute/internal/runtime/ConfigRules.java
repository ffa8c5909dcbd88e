package dev.approute.internal.runtime;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.approute.Headers;
import dev.approute.internal.config.AppConfig;
import dev.approute.internal.config.AppConfig.CorsRule;
import dev.approute.internal.config.AppConfig.HeaderRule;
import dev.approute.internal.config.AppConfig.HeaderValue;
import dev.approute.internal.config.AppConfig.RedirectRule;
import dev.approute.internal.config.AppConfig.RewriteRule;
import dev.approute.internal.config.RequestFacts;
import dev.approute.internal.router.CanonicalPath;
import dev.approute.internal.router.PathCanonicalizer;
import dev.approute.internal.router.PathCanonicalizer.TrailingSlash;
import dev.approute.internal.router.RouteMatch;
import dev.approute.internal.router.RouteTable;

/**
 * approute.json applied to requests, in the dispatcher's two extra steps: before routing (host check, origin,
 * configured response headers, redirects, basePath, rewrites) and around the response (CORS, compression, ETags,
 * X-Powered-By, through a {@link ConfiguredExchange}). An app without approute.json takes the plain path: no wrapper,
 * no rule evaluated.
 *
 * <pre>
 *   canonical path ─▶ headers (every matching rule) ─▶ redirects (first match: 307/308) ─▶ [middleware.java]
 *                  ─▶ rewrites.beforeFiles ─▶ basePath stripped (outside it: 404)
 *                  ─▶ route without dynamic segments? served : rewrites.afterFiles ─▶ dynamic route ─▶ rewrites.fallback ─▶ 404
 * </pre>
 */
public final class ConfigRules {
    public static final ConfigRules DEFAULTS = new ConfigRules(AppConfig.DEFAULTS);

    private final long largestBodySizeLimit;

    private final AppConfig config;
    private final TrailingSlash trailingSlash;
    private final ResponseOptions options;
    private final boolean plain;

    public ConfigRules(AppConfig config) {
        this(config, config.bodySizeLimit());
    }

    /**
     * @param largestBodySizeLimit the largest body any route accepts (approute.json's limit, or a route's own larger
     *                             one): the engine refuses bodies over it up front; each route's own limit is
     *                             enforced as its body is read
     */
    public ConfigRules(AppConfig config, long largestBodySizeLimit) {
        this.config = config;
        this.largestBodySizeLimit = largestBodySizeLimit;
        this.trailingSlash = config.skipTrailingSlashRedirect() ? TrailingSlash.KEEP
                : config.trailingSlash() ? TrailingSlash.ADD : TrailingSlash.REMOVE;
        this.options = new ResponseOptions(config.compress(), config.generateEtags());
        this.plain = config.headers().isEmpty() && config.cors().isEmpty() && !config.poweredByHeader()
                && config.origin() == null && !config.trustProxy() && config.allowedHosts().isEmpty()
                && options.equals(ResponseOptions.DEFAULTS);
    }

    public AppConfig config() {
        return config;
    }

    TrailingSlash trailingSlash() {
        return trailingSlash;
    }

    /**
     * A route path as clients request it under {@code trailingSlash}: {@code /api/static/} (the cache key is the same
     * either way; a prerendered handler sees the slash, SPEC 17.9).
     */
    public String servedPath(String path) {
        return switch (PathCanonicalizer.canonicalize(path, trailingSlash)) {
            case CanonicalPath.Redirect redirect -> redirect.path();
            case CanonicalPath.Ok ok -> ok.path();
            case CanonicalPath.Invalid invalid -> path;
        };
    }

    /** What routing made of a canonical path. */
    sealed interface Routing {
        /** Serve {@code match} with {@code exchange} (whose path is the rewrite's destination, if one applied). */
        record Matched(RouteMatch<Endpoint> match, Exchange exchange, String path) implements Routing {
        }

        /** No route (or outside basePath): 404. */
        record NotFound() implements Routing {
        }
    }

    /** A configured redirect: answered before middleware and routing. */
    record Redirect(int status, String location) {
    }

    // ---------------------------------------------------------------- before routing

    /** With {@code allowedHosts}, the reason a request's host is refused (400), or null when it is accepted. */
    String refusedHost(Exchange exchange) {
        if (config.allowedHosts().isEmpty()) {
            return null;
        }
        String host = effectiveHost(exchange);
        String name = ExchangeFacts.withoutPort(host).toLowerCase(Locale.ROOT);
        return isAllowedHost(name) ? null : "The host '" + host + "' is not served here (approute.json allowedHosts)";
    }

    private boolean isAllowedHost(String name) {
        for (String allowed : config.allowedHosts()) {
            if (allowed.startsWith("*.") ? name.endsWith(allowed.substring(1)) && name.length() > allowed.length() - 1
                    : name.equals(allowed)) {
                return true;
            }
        }
        return false;
    }

    // X-Forwarded-Host only from a trusted proxy; else the Host header.
    private String effectiveHost(Exchange exchange) {
        if (config.trustProxy()) {
            String forwarded = firstForwarded(exchange, "x-forwarded-host");
            if (forwarded != null) {
                return forwarded;
            }
        }
        List<String> hosts = exchange.headerValues("host");
        return hosts.isEmpty() ? "" : hosts.getFirst();
    }

    private static String firstForwarded(Exchange exchange, String name) {
        List<String> values = exchange.headerValues(name);
        if (values.isEmpty()) {
            return null;
        }
        String first = values.getFirst();
        int comma = first.indexOf(',');
        String value = (comma < 0 ? first : first.substring(0, comma)).strip();
        return value.isEmpty() ? null : value;
    }

    /**
     * The exchange with approute.json's origin and response options, or the same exchange for an app that configures
     * neither. {@code request.url()} is never built from a client's Host unless {@code allowedHosts} vetted it.
     */
    Exchange prepare(Exchange exchange) {
        if (plain) {
            return exchange;
        }
        String scheme = exchange.scheme();
        String authority = exchange.authority();
        if (config.origin() != null) {
            scheme = config.origin().scheme();
            authority = config.origin().authority();
        } else {
            if (config.trustProxy()) {
                String proto = firstForwarded(exchange, "x-forwarded-proto");
                if ("https".equalsIgnoreCase(proto) || "http".equalsIgnoreCase(proto)) {
                    scheme = proto.toLowerCase(Locale.ROOT);
                }
            }
            // A host is part of request.url() only once it is vouched for: allowedHosts checked it (refusedHost),
            // or a trusted proxy set it.
            String forwardedHost = config.trustProxy() ? firstForwarded(exchange, "x-forwarded-host") : null;
            if (forwardedHost != null) {
                authority = forwardedHost;
            } else if (!config.allowedHosts().isEmpty()) {
                authority = effectiveHost(exchange);
            }
        }
        return ConfiguredExchange.of(exchange, scheme, authority, options);
    }

    /** The configured headers a response to {@code path} carries, added to the exchange. */
    Exchange withResponseHeaders(Exchange exchange, String path, RequestFacts request) {
        if (plain) {
            return exchange;
        }
        return ((ConfiguredExchange) exchange).withResponseHeaders(configuredHeaders(path, request));
    }

    /** Every matching {@code headers} rule in order; a later rule's value for the same name replaces an earlier one. */
    Headers configuredHeaders(String path, RequestFacts request) {
        Headers.Builder headers = null;
        for (HeaderRule rule : config.headers()) {
            Map<String, String> params = rule.when().match(path, request);
            if (params == null) {
                continue;
            }
            if (headers == null) {
                headers = Headers.builder();
            }
            for (HeaderValue header : rule.headers()) {
                if (header.key().equalsIgnoreCase("set-cookie")) {
                    headers.add(header.key(), header.render(params));
                } else {
                    headers.set(header.key(), header.render(params));
                }
            }
        }
        if (config.poweredByHeader()) {
            if (headers == null) {
                headers = Headers.builder();
            }
            headers.set("x-powered-by", "approute");
        }
        return headers == null ? Headers.empty() : headers.build();
    }

    /** The first {@code redirects} rule matching a canonical path, or null (Next: redirects come before middleware). */
    Redirect redirect(Exchange exchange, String path, RequestFacts request) {
        if (config.redirects().isEmpty()) {
            return null;
        }
        for (RedirectRule rule : config.redirects()) {
            Map<String, String> params = rule.when().match(path, request);
            if (params != null) {
                return new Redirect(rule.status(), withQuery(rule.destination().render(params, ConfigRules::urlSafe), exchange.rawQuery()));
            }
        }
        return null;
    }

    /**
     * Routes a canonical path (past {@link #redirect}) through rewrites and basePath, or straight to the table when
     * none is configured.
     */
    Routing route(Exchange exchange, String path, RouteTable<Endpoint> table, RequestFacts request) {
        if (!config.hasPreRoutingRules()) {
            RouteMatch<Endpoint> match = table.match(path);
            return match == null ? new Routing.NotFound() : new Routing.Matched(match, exchange, path);
        }
        String current = path;
        String query = exchange.rawQuery();
        boolean rewritten = false;
        for (RewriteRule rule : config.rewrites().beforeFiles()) {
            Map<String, String> params = rule.when().match(current, request);
            if (params != null) {
                String destination = rule.destination().render(params, ConfigRules::urlSafe);
                current = canonicalPathOf(destination);
                query = mergedQuery(destination, query);
                rewritten = true;
            }
        }
        String inApp = withoutBasePath(current);
        RouteMatch<Endpoint> match = inApp == null ? null : table.match(inApp);
        Exchange served = rewritten ? ((ConfiguredExchange) prepareForRewrite(exchange)).withTarget(current, query) : exchange;
        if (match != null && !match.pattern().isDynamic()) {
            return new Routing.Matched(match, served, inApp);
        }
        Routing afterFiles = firstRewrite(config.rewrites().afterFiles(), exchange, current, query, table, request);
        if (afterFiles != null) {
            return afterFiles;
        }
        if (match != null) {
            return new Routing.Matched(match, served, inApp);
        }
        Routing fallback = firstRewrite(config.rewrites().fallback(), exchange, current, query, table, request);
        return fallback != null ? fallback : new Routing.NotFound();
    }

    // afterFiles and fallback: the first rule whose destination reaches a route wins; one that reaches none lets the next try.
    private Routing firstRewrite(List<RewriteRule> rules, Exchange exchange, String path, String query,
                                 RouteTable<Endpoint> table, RequestFacts request) {
        for (RewriteRule rule : rules) {
            Map<String, String> params = rule.when().match(path, request);
            if (params == null) {
                continue;
            }
            String destination = rule.destination().render(params, ConfigRules::urlSafe);
            String target = canonicalPathOf(destination);
            String inApp = withoutBasePath(target);
            RouteMatch<Endpoint> match = inApp == null ? null : table.match(inApp);
            if (match != null) {
                Exchange served = ((ConfiguredExchange) prepareForRewrite(exchange)).withTarget(target, mergedQuery(destination, query));
                return new Routing.Matched(match, served, inApp);
            }
        }
        return null;
    }

    private Exchange prepareForRewrite(Exchange exchange) {
        return exchange instanceof ConfiguredExchange ? exchange
                : ConfiguredExchange.of(exchange, exchange.scheme(), exchange.authority(), options);
    }

    /** The path under basePath (the route table's view), or null when the path is outside it. */
    String withoutBasePath(String path) {
        String base = config.basePath();
        if (base.isEmpty()) {
            return path;
        }
        if (!path.startsWith(base)) {
            return null;
        }
        if (path.length() == base.length()) {
            return "/";
        }
        return path.charAt(base.length()) == '/' ? path.substring(base.length()) : null;
    }

    // A rendered destination's path in canonical form: parameters may leave "//" (an empty :x) behind.
    private static String canonicalPathOf(String destination) {
        int queryStart = destination.indexOf('?');
        String path = queryStart < 0 ? destination : destination.substring(0, queryStart);
        return switch (PathCanonicalizer.canonicalize(path, TrailingSlash.KEEP)) {
            case CanonicalPath.Ok ok -> ok.path();
            case CanonicalPath.Redirect redirect -> redirect.path();
            case CanonicalPath.Invalid invalid -> path;
        };
    }

    // The destination's own query first (so it wins for get()), then the request's.
    private static String mergedQuery(String destination, String requestQuery) {
        int queryStart = destination.indexOf('?');
        String own = queryStart < 0 ? "" : destination.substring(queryStart + 1);
        if (own.isEmpty()) {
            return requestQuery;
        }
        return requestQuery.isEmpty() ? own : own + "&" + requestQuery;
    }

    private static String withQuery(String destination, String requestQuery) {
        if (requestQuery.isEmpty()) {
            return destination;
        }
        return destination + (destination.indexOf('?') < 0 ? "?" : "&") + requestQuery;
    }

    /**
     * A captured value made safe inside a URL: path parameters are raw segments (already percent-encoded, left as
     * they are); values from {@code has} conditions may hold anything, so other bytes are percent-encoded.
     */
    static String urlSafe(String value) {
        StringBuilder out = null;
        byte[] bytes = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80 && isUrlChar(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            int end = i + 1;
            if (Character.isHighSurrogate(c) && end < value.length()) {
                end++;
            }
            bytes = value.substring(i, end).getBytes(StandardCharsets.UTF_8);
            for (byte b : bytes) {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
            i = end - 1;
        }
        return out == null ? value : out.toString();
    }

    // RFC 3986 pchar plus '/' and '%' (values are raw, already-encoded segments); '?' and '#' would change the URL's parts.
    private static boolean isUrlChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~!$&'()*+,;=:@/%".indexOf(c) >= 0;
    }

    /** The engine's body size limit: no route accepts more. */
    public long largestBodySizeLimit() {
        return largestBodySizeLimit;
    }

    /** Bytes a request body to this endpoint may have: its segment config's {@code bodySizeLimit}, else approute.json's. */
    long bodySizeLimit(Endpoint endpoint) {
        if (endpoint instanceof Endpoint.Route route && route.module().config().bodySizeLimit() != null) {
            return route.module().config().bodySizeLimit();
        }
        return config.bodySizeLimit();
    }

    // ---------------------------------------------------------------- CORS

    /**
     * The CORS headers of the answer to {@code path}: the route's own policy when it declares one, else the first
     * approute.json {@code cors} entry whose source matches; none without either.
     *
     * @param endpoint the route that answers, or null (404, redirects), which also means no preflight answer
     */
    Exchange withCors(Exchange exchange, String path, Endpoint endpoint) {
        CorsRule own = endpoint instanceof Endpoint.Route route ? route.cors() : null;
        CorsRule rule = own != null ? own : config.cors().isEmpty() ? null : configuredCors(path);
        if (rule == null) {
            return exchange;
        }
        Headers headers = corsHeaders(exchange, rule);
        if (endpoint != null) {
            headers = ConfiguredExchange.merge(preflightHeaders(exchange, rule, endpoint.methods().allow()), headers);
        }
        if (headers.isEmpty()) {
            return exchange;
        }
        ConfiguredExchange configured = exchange instanceof ConfiguredExchange c ? c
                : ConfiguredExchange.of(exchange, exchange.scheme(), exchange.authority(), options);
        return configured.withResponseHeaders(headers);
    }

    private CorsRule configuredCors(String path) {
        for (CorsRule rule : config.cors()) {
            if (rule.when().source().matches(path)) {
                return rule;
            }
        }
        return null;
    }

    /**
     * The CORS headers of an actual (non-preflight) response: the allowed origin echoed (or {@code *}), credentials
     * and exposed headers when configured, {@code Vary: Origin} when the answer depends on the origin. A request from
     * an origin the rule does not list gets no {@code Access-Control-*} header: the browser denies it.
     */
    private static Headers corsHeaders(Exchange exchange, CorsRule rule) {
        List<String> origins = exchange.headerValues("origin");
        boolean echoes = rule.allowCredentials() || !rule.allowsAnyOrigin();
        if (origins.isEmpty()) {
            return echoes ? Headers.of("vary", "Origin") : Headers.empty();
        }
        String origin = origins.getFirst();
        Headers.Builder headers = Headers.builder();
        if (echoes) {
            headers.add("vary", "Origin");
        }
        if (!isAllowedOrigin(rule, origin)) {
            return headers.build();
        }
        headers.set("access-control-allow-origin", echoes ? origin : "*");
        if (rule.allowCredentials()) {
            headers.set("access-control-allow-credentials", "true");
        }
        if (!rule.exposeHeaders().isEmpty()) {
            headers.set("access-control-expose-headers", String.join(", ", rule.exposeHeaders()));
        }
        return headers.build();
    }

    private static boolean isAllowedOrigin(CorsRule rule, String origin) {
        if (rule.allowsAnyOrigin() && !rule.allowCredentials()) {
            return true;
        }
        return rule.allowOrigins().contains(origin.toLowerCase(Locale.ROOT));
    }

    /**
     * A preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) from an allowed origin: the methods
     * (the rule's, else the route's {@code Allow}), headers and max-age it may use. Empty for anything else.
     */
    private static Headers preflightHeaders(Exchange exchange, CorsRule rule, String routeAllow) {
        List<String> origins = exchange.headerValues("origin");
        if (!exchange.method().equals("OPTIONS") || exchange.headerValues("access-control-request-method").isEmpty()
                || origins.isEmpty() || !isAllowedOrigin(rule, origins.getFirst())) {
            return Headers.empty();
        }
        Headers.Builder headers = Headers.builder()
                .set("access-control-allow-methods", rule.allowMethods() == null ? routeAllow : String.join(", ", rule.allowMethods()));
        if (!rule.allowHeaders().isEmpty()) {
            headers.set("access-control-allow-headers", String.join(", ", rule.allowHeaders()));
        }
        if (rule.maxAge() != null) {
            headers.set("access-control-max-age", Integer.toString(rule.maxAge()));
        }
        headers.add("vary", "Access-Control-Request-Method");
        headers.add("vary", "Access-Control-Request-Headers");
        return headers.build();
    }
}
