package dev.approute.internal.runtime;

import java.util.Map;
import java.util.Set;

import dev.approute.Params;

import dev.approute.Response;
import dev.approute.internal.cache.CachePolicy;
import dev.approute.internal.compile.HttpMethod;
import dev.approute.internal.compile.RouteHandler;
import dev.approute.internal.compile.RouteModule;
import dev.approute.internal.config.AppConfig;
import dev.approute.internal.router.AppEntry;

/** What a URL pattern leads to: a route file's handlers, or a static page. */
public sealed interface Endpoint {
    AppEntry entry();

    MethodTable methods();

    /**
     * A loaded {@code route.java}.
     *
     * @param cachePolicy   how its GET is cached (from the segment config), or null when it runs on every request
     * @param allowedParams with {@code dynamicParams = false}, the only param sets that exist (from
     *                      generateStaticParams); null when any params are served
     * @param cors          the route's own CORS policy ({@code static final Cors cors}), or null
     */
    record Route(RouteModule module, MethodTable methods, CachePolicy cachePolicy, Set<Params> allowedParams,
                 AppConfig.CorsRule cors) implements Endpoint {
        public static Route of(RouteModule module) {
            CachePolicy policy = cachePolicyOf(module);
            Set<Params> allowed = module.entry().pattern().isDynamic() ? StaticParamSets.allowedOnly(module) : null;
            return new Route(module, MethodTable.of(module.handlers()), policy, allowed, AppConfig.CorsRule.of(module.cors()));
        }

        /** How the module's GET is cached, from its segment config; null when it has no GET or is not cached. */
        public static CachePolicy cachePolicyOf(RouteModule module) {
            return module.handlers().containsKey(HttpMethod.GET)
                    ? CachePolicy.fromSegmentConfig(module.config().dynamic(), module.config().revalidate()).orElse(null)
                    : null;
        }

        @Override
        public AppEntry entry() {
            return module.entry();
        }
    }

    /** A {@code page.html}: a GET handler answering the file, so HEAD, OPTIONS and 405 work as on routes. */
    record Page(AppEntry entry, MethodTable methods) implements Endpoint {
        public static Page of(AppEntry entry, byte[] html) {
            RouteHandler get = (request, context) -> Response.bytes(html, init -> init.contentType("text/html; charset=utf-8"));
            return new Page(entry, MethodTable.of(Map.of(HttpMethod.GET, get)));
        }
    }
}
