package dev.approute.internal.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.approute.Params;
import dev.approute.RouteContext;
import dev.approute.internal.app.AppLayout;
import dev.approute.internal.cache.CacheKey;
import dev.approute.internal.cache.CachePolicy;
import dev.approute.internal.cache.ResponseCache;
import dev.approute.internal.cache.ServedResponse;
import dev.approute.internal.cache.TieredCacheHandler;
import dev.approute.internal.compile.HttpMethod;
import dev.approute.internal.compile.RouteHandler;
import dev.approute.internal.compile.RouteModule;
import dev.approute.internal.data.DataCache;
import dev.approute.internal.data.DataContext;
import dev.approute.internal.router.RoutePattern;

/**
 * The app's response cache ({@code .approute/cache/}, kept across restarts), and the build step that seeds it:
 * every cached route without dynamic segments is rendered once at build time, so the first request is a HIT.
 */
public final class Prerenderer {
    private Prerenderer() {
    }

    public static Path cacheDir(AppLayout layout) {
        return layout.buildDir().resolve("cache");
    }

    /** The cache {@code start} serves from. */
    public static ResponseCache openCache(AppLayout layout) {
        return new ResponseCache(TieredCacheHandler.defaultFor(cacheDir(layout), TieredCacheHandler.DEFAULT_MEMORY_BYTES),
                InstantSource.system());
    }

    /** Empties the cache, then renders every cached route (and each generateStaticParams set) into it. One line per render. */
    public static List<String> prerender(AppLayout layout, AppAssembler.Built built) {
        deleteTree(cacheDir(layout));
        List<String> rendered = new ArrayList<>();
        ResponseCache cache = openCache(layout);
        DataCache data = DataCache.sharing(cache);
        try {
            for (RouteModule module : built.modules()) {
                CachePolicy policy = Endpoint.Route.cachePolicyOf(module);
                if (policy == null) {
                    continue;
                }
                RoutePattern pattern = module.entry().pattern();
                RouteHandler get = module.handlers().get(HttpMethod.GET);
                List<Params> paramSets = pattern.isDynamic() ? StaticParamSets.of(module) : List.of(Params.empty());
                for (Params params : paramSets) {
                    String path = StaticParamSets.path(pattern, params);
                    ServedResponse served = cache.serve(CacheKey.of(path, pattern.toString()), policy,
                            CachedRenderer.of(get, path, new RouteContext(params), cache,
                                    new DataContext(data, Endpoint.Route.dataRouteOf(module))));
                    rendered.add(path + " " + served.status()
                            + (served.notStored() == null ? "" : " (not cached: " + served.notStored().message() + ")"));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("prerendering failed: " + e.getMessage(), e);
        } finally {
            cache.whenIdle().join();
            data.whenIdle().join();
            cache.store().close();
        }
        return rendered;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear " + root + ": " + e.getMessage(), e);
        }
    }
}
