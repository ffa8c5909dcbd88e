package dev.approute.internal.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.approute.Params;
import dev.approute.RouteContext;
import dev.approute.internal.app.AppLayout;
import dev.approute.internal.app.Problem;
import dev.approute.internal.app.Problems;
import dev.approute.internal.cache.CacheHandler;
import dev.approute.internal.cache.CacheKey;
import dev.approute.internal.cache.CachedResponse;
import dev.approute.internal.cache.CachePolicy;
import dev.approute.internal.cache.CacheStores;
import dev.approute.internal.cache.DiskCacheHandler;
import dev.approute.internal.cache.ResponseCache;
import dev.approute.internal.cache.ServedResponse;
import dev.approute.internal.cache.TieredCacheHandler;
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

    /**
     * What {@code build} prerendered.
     *
     * @param rendered one line per render: path, status, and why it was not stored if it was not
     * @param warnings cached routes whose render read request-time data (they saw it empty)
     */
    public record Prerendered(List<String> rendered, List<String> warnings) {
    }

    /**
     * Empties the cache, then renders every cached route (and each generateStaticParams set) into it.
     *
     * @throws Problems when a render throws, or a {@code dynamic = "error"} route reads request-time data
     */
    public static Prerendered prerender(AppLayout layout, AppAssembler.Built built) {
        deleteTree(cacheDir(layout));
        List<String> rendered = new ArrayList<>();
        Set<String> warnings = new LinkedHashSet<>();
        List<Problem> problems = new ArrayList<>();
        ResponseCache cache = openCache(layout);
        DataCache data = DataCache.sharing(cache);
        try {
            for (RouteModule module : built.modules()) {
                CachePolicy policy = Endpoint.Route.cachePolicyOf(module);
                if (policy == null) {
                    continue;
                }
                Path file = layout.relative(module.entry().file());
                RoutePattern pattern = module.entry().pattern();
                List<Params> paramSets;
                try {
                    paramSets = pattern.isDynamic() ? StaticParamSets.of(module) : List.of(Params.empty());
                } catch (RuntimeException failure) {
                    problems.add(new Problem(file, 0, "generateStaticParams() failed: " + failure.getMessage(),
                            "make generateStaticParams() return the param sets without throwing"));
                    continue;
                }
                for (Params params : paramSets) {
                    // The URL a client requests: with trailingSlash, the handler sees the slash (SPEC 17.9).
                    String path = built.routes().rules().servedPath(StaticParamSets.path(pattern, params));
                    Callable<CachedResponse> render = CachedRenderer.of(module, path, new RouteContext(params), cache,
                            new DataContext(data, Endpoint.Route.dataRouteOf(module)));
                    Callable<CachedResponse> noted = () -> {
                        CachedResponse response = render.call();
                        Set<String> apis = response.observed().dynamicUsages();
                        if (!apis.isEmpty()) {
                            warnings.add(file + ": GET " + pattern + " is cached (" + describe(policy) + ") but reads "
                                    + String.join(", ", apis) + ": a cached render sees them empty; read request data in "
                                    + "an uncached route, or set `dynamic = \"force-dynamic\"`");
                        }
                        return response;
                    };
                    try {
                        ServedResponse served = cache.serve(CacheKey.of(path, pattern.toString()), policy, noted);
                        rendered.add(path + " " + served.status()
                                + (served.notStored() == null ? "" : " (not cached: " + served.notStored().message() + ")"));
                    } catch (DynamicUsageException dynamic) {
                        problems.add(new Problem(file, 0, dynamic.getMessage() + " (while prerendering GET " + path + ")", dynamic.fix()));
                    } catch (Exception failure) {
                        problems.add(new Problem(file, 0, "GET " + path + " threw while prerendering at build: " + failure,
                                "fix the handler so it renders without a request, or make the route dynamic "
                                        + "(remove `dynamic = \"force-static\"` / `revalidate`)"));
                    }
                }
            }
        } finally {
            cache.whenIdle().join();
            data.whenIdle().join();
            cache.store().close();
        }
        if (!problems.isEmpty()) {
            throw new Problems(problems);
        }
        return new Prerendered(List.copyOf(rendered), List.copyOf(warnings));
    }

    private static String describe(CachePolicy policy) {
        return policy instanceof CachePolicy.Revalidate revalidate ? "revalidate = " + revalidate.seconds() : "static";
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
