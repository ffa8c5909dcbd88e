package dev.approute.internal.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The app's {@code approute.json}, validated (see {@link AppConfigLoader} and docs/config.md). Every key is
 * optional; {@link #DEFAULTS} is an app without the file.
 *
 * <pre>{@code
 * AppConfig config = AppConfigLoader.load(layout).config();
 * config.trailingSlash();                 // false unless set
 * config.headers().get(0).source();       // "/api/:path*"
 * }</pre>
 *
 * @param basePath      "" or a prefix such as {@code /docs} under which every route lives
 * @param bodySizeLimit bytes a request body may have (413 past it)
 * @param allowedHosts  Host values accepted (lower-case, no port; {@code *.example.com} for subdomains); empty: any
 * @param origin        the origin {@code request.url()} uses ({@code https://api.example.com}), or null
 */
public record AppConfig(String basePath, boolean trailingSlash, boolean skipTrailingSlashRedirect,
                        List<HeaderRule> headers, List<RedirectRule> redirects, Rewrites rewrites,
                        boolean compress, boolean generateEtags, boolean poweredByHeader, long bodySizeLimit,
                        boolean trustProxy, List<String> allowedHosts, Origin origin, ServerTimeouts serverTimeouts,
                        List<CorsRule> cors) {
    public static final long DEFAULT_BODY_SIZE_LIMIT = 10L * 1024 * 1024;

    public static final AppConfig DEFAULTS = new AppConfig("", false, false, List.of(), List.of(), Rewrites.NONE,
            true, true, false, DEFAULT_BODY_SIZE_LIMIT, false, List.of(), null, ServerTimeouts.DEFAULTS, List.of());

    /** Whether any rule runs before routing (redirects, rewrites, basePath); plain apps skip that step entirely. */
    public boolean hasPreRoutingRules() {
        return !basePath.isEmpty() || !redirects.isEmpty() || !rewrites.isEmpty();
    }

    /**
     * When a rule applies: its {@code source} (basePath already prefixed unless the rule says {@code basePath: false})
     * and its {@code has} / {@code missing} conditions.
     */
    public record When(SourcePattern source, List<RequestCondition> has, List<RequestCondition> missing) {
        /** The parameters of the source and of valueless {@code has} items, or null when the rule does not apply. */
        public Map<String, String> match(String path, RequestFacts request) {
            Map<String, String> params = source.match(path);
            if (params == null) {
                return null;
            }
            if (has.isEmpty() && missing.isEmpty()) {
                return params;
            }
            Map<String, String> conditionParams = RequestCondition.test(has, missing, request);
            if (conditionParams == null) {
                return null;
            }
            if (conditionParams.isEmpty()) {
                return params;
            }
            Map<String, String> all = new java.util.LinkedHashMap<>(params);
            all.putAll(conditionParams);
            return all;
        }
    }

    /** One {@code headers} entry: set these response headers on every response whose request matches. */
    public record HeaderRule(When when, List<HeaderValue> headers) {
        public String source() {
            return when.source().source();
        }
    }

    /** A header to set; its value may use the rule's parameters ({@code :slug}). */
    public record HeaderValue(String key, ParamTemplate value) {
        public String render(Map<String, String> params) {
            return value.render(params, v -> v);
        }
    }

    /** One {@code redirects} entry: answer {@code status} with Location = the destination. */
    public record RedirectRule(When when, ParamTemplate destination, int status) {
    }

    /** One {@code rewrites} entry: serve the destination's route instead (inside this app only). */
    public record RewriteRule(When when, ParamTemplate destination) {
    }

    /**
     * Next's three rewrite phases: {@code beforeFiles} before any route is matched, {@code afterFiles} (a plain array)
     * after routes without dynamic segments, {@code fallback} when no route matches.
     */
    public record Rewrites(List<RewriteRule> beforeFiles, List<RewriteRule> afterFiles, List<RewriteRule> fallback) {
        public static final Rewrites NONE = new Rewrites(List.of(), List.of(), List.of());

        public boolean isEmpty() {
            return beforeFiles.isEmpty() && afterFiles.isEmpty() && fallback.isEmpty();
        }
    }

    /**
     * One {@code cors} entry, or a route's own {@code static final Cors cors} (then {@code when} is null).
     *
     * @param allowOrigins  exact origins ({@code https://app.example.com}) or {@code *}; any other origin is denied
     * @param allowMethods  methods a preflight may ask for; null: the route's own methods (its {@code Allow})
     * @param maxAge        seconds a browser may cache the preflight, or null to leave it to the browser
     */
    public record CorsRule(When when, List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
                           List<String> exposeHeaders, boolean allowCredentials, Integer maxAge) {
        /** A route's own policy ({@code static final Cors cors}) as a rule without a source; null for null. */
        public static CorsRule of(dev.approute.Cors cors) {
            return cors == null ? null : new CorsRule(null, cors.origins(), cors.methods(), cors.headers(), cors.exposedHeaders(),
                    cors.credentials(), cors.maxAge());
        }

        public boolean allowsAnyOrigin() {
            return allowOrigins.contains("*");
        }
    }

    /** {@code origin}: scheme and authority for {@code request.url()}. */
    public record Origin(String scheme, String authority) {
        @Override
        public String toString() {
            return scheme + "://" + authority;
        }
    }

    /**
     * {@code serverTimeouts}, in seconds in the file.
     *
     * @param idle how long a kept-alive connection may sit without a request
     */
    /**
     * @param idle a kept-alive connection without a request is closed after this
     * @param read the longest wait for a client's bytes (the header section, each read of a body)
     */
    public record ServerTimeouts(Duration idle, Duration read) {
        public static final ServerTimeouts DEFAULTS = new ServerTimeouts(Duration.ofMinutes(5), Duration.ofSeconds(30));
    }
}
