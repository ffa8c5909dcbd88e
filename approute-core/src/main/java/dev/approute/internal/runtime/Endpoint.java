package dev.approute.internal.runtime;

import java.util.Map;
import java.util.Set;

import dev.approute.Params;

import dev.approute.Response;
import dev.approute.internal.cache.CachePolicy;
import dev.approute.internal.compile.HttpMethod;
import dev.approute.internal.compile.RouteHandler;
import dev.approute.internal.compile.RouteModule;
import dev.approute.internal.compile.SegmentConfig;
import dev.approute.internal.data.DataRoute;
import dev.approute.internal.config.AppConfig;
import dev.approute.internal.router.AppEntry;
import dev.approute.internal.router.EntryKind;

/** What a URL pattern leads to: a route file's handlers (metadata routes in Java too), a static page, or a static file. */
public sealed interface Endpoint {
    AppEntry entry();

    MethodTable methods();

    /** The config data reads ({@code Fetch}, {@code Cache.cached}) obey while its handlers run. */
    DataRoute dataRoute();

    /**
     * A loaded {@code route.java}.
     *
     * @param cachePolicy   how its GET is cached (from the segment config), or null when it runs on every request
     * @param allowedParams with {@code dynamicParams = false}, the only param sets that exist (from
     *                      generateStaticParams); null when any params are served
     * @param dataRoute     its fetchCache, dynamic and revalidate, for data reads
     * @param cors          the route's own CORS policy ({@code static final Cors cors}), or null
     */
    record Route(RouteModule module, MethodTable methods, CachePolicy cachePolicy, Set<Params> allowedParams,
                 DataRoute dataRoute, AppConfig.CorsRule cors) implements Endpoint {
        public static Route of(RouteModule module) {
            CachePolicy policy = cachePolicyOf(module);
            Set<Params> allowed = module.entry().pattern().isDynamic() ? StaticParamSets.allowedOnly(module) : null;
            return new Route(module, MethodTable.of(module.handlers()), policy, allowed, dataRouteOf(module),
                    AppConfig.CorsRule.of(module.cors()));
        }

        /** The data-read config of a route file; messages name it {@code app/.../route.java}. */
        public static DataRoute dataRouteOf(RouteModule module) {
            AppEntry entry = module.entry();
            String file = entry.kind() == EntryKind.ROUTE ? "app" + entry.appPath() + ".java" : entry.file().toString();
            SegmentConfig config = module.config();
            return new DataRoute(file, config.fetchCache(), config.dynamic(), config.revalidate());
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

    /**
     * A static metadata file ({@code robots.txt}, {@code favicon.ico}, {@code icon.png}, ...): a GET handler answering
     * its bytes with its content type and {@code Cache-Control}, so HEAD, OPTIONS and 405 work as on routes.
     */
    record StaticFile(AppEntry entry, MethodTable methods) implements Endpoint {
        public static StaticFile of(AppEntry entry, byte[] data, String contentType, String cacheControl) {
            RouteHandler get = (request, context) -> Response.bytes(data,
                    init -> init.contentType(contentType).header("cache-control", cacheControl));
            return new StaticFile(entry, MethodTable.of(Map.of(HttpMethod.GET, get)));
        }

        // A file's bytes: it reads no data.
        @Override
        public DataRoute dataRoute() {
            return DataRoute.OUTSIDE_REQUEST;
        }
    }

    /** A {@code page.html}: a GET handler answering the file, so HEAD, OPTIONS and 405 work as on routes. */
    record Page(AppEntry entry, MethodTable methods) implements Endpoint {
        public static Page of(AppEntry entry, byte[] html) {
            RouteHandler get = (request, context) -> Response.bytes(html, init -> init.contentType("text/html; charset=utf-8"));
            return new Page(entry, MethodTable.of(Map.of(HttpMethod.GET, get)));
        }

        // A static file: it reads no data.
        @Override
        public DataRoute dataRoute() {
            return DataRoute.OUTSIDE_REQUEST;
        }
    }
}
