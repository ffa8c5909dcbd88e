package dev.approute.internal.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.approute.Params;
import dev.approute.RouteContext;
import dev.approute.internal.app.AppLayout;
import dev.approute.internal.cache.CacheHandler;
import dev.approute.internal.cache.CacheKey;
import dev.approute.internal.cache.CachePolicy;
import dev.approute.internal.cache.CacheStores;
import dev.approute.internal.cache.DiskCacheHandler;
import dev.approute.internal.cache.ResponseCache;
import dev.approute.internal.cache.ServedResponse;
import dev.approute.internal.cache.TieredCacheHandler;
import dev.approute.internal.compile.HttpMethod;
import dev.approute.internal.compile.RouteHandler;
import dev.approute.internal.compile.RouteModule;
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

    /** The cache {@code start} serves from without a cache URL: memory over {@code .approute/cache/}. */
    public static ResponseCache openCache(AppLayout layout) {
        return new ResponseCache(TieredCacheHandler.defaultFor(cacheDir(layout), TieredCacheHandler.DEFAULT_MEMORY_BYTES),
                InstantSource.system());
    }

    /**
     * The cache {@code start} serves from: the shared store at {@code cacheUrl} ({@link CacheStores}), seeded with the
     * prerendered entries it does not hold yet, or {@link #openCache(AppLayout)} when the URL is null or blank.
     *
     * @param out receives one line saying which store is used and what was seeded
     * @throws IllegalArgumentException when the URL is malformed or names no known store
     */
    public static ResponseCache openCache(AppLayout layout, String cacheUrl, Consumer<String> out) {
        if (cacheUrl == null || cacheUrl.isBlank()) {
            return openCache(layout);
        }
        CacheHandler shared = CacheStores.open(cacheUrl);
        out.accept("cache: " + shared + seed(shared, cacheDir(layout)));
        return new ResponseCache(shared, InstantSource.system());
    }

    // Never overwrites: an entry a running instance regenerated (or another instance seeded) is newer than the build's.
    private static String seed(CacheHandler shared, Path prerendered) {
        if (!Files.isDirectory(prerendered)) {
            return ", nothing prerendered to seed";
        }
        int[] seededAndPresent = new int[2];
        try {
            new DiskCacheHandler(prerendered).forEachEntry(
                    (key, entry) -> seededAndPresent[shared.setIfAbsent(key, entry) ? 0 : 1]++);
        } catch (RuntimeException e) {
            return ", prerendered entries NOT seeded (" + e.getMessage() + "): routes render on their first request";
        }
        return ", " + seededAndPresent[0] + " prerendered entries seeded, " + seededAndPresent[1] + " already there";
    }

    /** Empties the cache, then renders every cached route (and each generateStaticParams set) into it. One line per render. */
    public static List<String> prerender(AppLayout layout, AppAssembler.Built built) {
        deleteTree(cacheDir(layout));
        List<String> rendered = new ArrayList<>();
        ResponseCache cache = openCache(layout);
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
                            CachedRenderer.of(get, path, new RouteContext(params), cache));
                    rendered.add(path + " " + served.status()
                            + (served.notStored() == null ? "" : " (not cached: " + served.notStored().message() + ")"));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("prerendering failed: " + e.getMessage(), e);
        } finally {
            cache.whenIdle().join();
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
