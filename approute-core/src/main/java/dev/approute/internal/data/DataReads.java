package dev.approute.internal.data;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.approute.internal.cache.RenderObserver;

/**
 * Where a data read reports what it used, on the reading thread:
 * <ul>
 *   <li>inside a {@code Cache.cached} loader: to that loader, whose entry then carries the tags of everything it
 *       read (so revalidating an inner tag reaches the outer entry, and through it the response);</li>
 *   <li>otherwise, while a cached response renders: to its {@link RenderObserver}, so the tags attach to the
 *       response and uncached reads keep it from being stored;</li>
 *   <li>otherwise (an uncached route, outside a request): nowhere.</li>
 * </ul>
 * Reads nested in a loader are not cached on their own (Next treats fetches in {@code unstable_cache} as
 * {@code force-no-store} and bypasses nested caches): the outer entry is the cache.
 */
public final class DataReads {
    private static final ThreadLocal<Set<String>> LOADER_TAGS = new ThreadLocal<>();

    private DataReads() {
    }

    /** Whether a {@code Cache.cached} loader is running on this thread. */
    public static boolean insideLoader() {
        return LOADER_TAGS.get() != null;
    }

    /** Whether a cached response is rendering on this thread, outside any loader: stale data is then refreshed first. */
    public static boolean renderingCachedResponse() {
        return !insideLoader() && RenderObserver.current().isPresent();
    }

    /** The tags of data just read. */
    public static void tagsRead(Collection<String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        Set<String> loader = LOADER_TAGS.get();
        if (loader != null) {
            loader.addAll(tags);
        } else {
            RenderObserver.addTags(tags.toArray(String[]::new));
        }
    }

    /**
     * Data read with caching turned off by the read or the route ({@link FetchPolicy.Decision#optedOut()}): in a cached
     * render it is request-time data ({@code dynamic = "error"} reports it), and the response is not stored unless the
     * route is {@code force-static} (as in Next, which keeps force-static pages static).
     */
    public static void uncachedRead(DataRoute route, String what) {
        if (!renderingCachedResponse()) {
            return;
        }
        RenderObserver.noteDynamicUsage("uncached " + what);
        if (!route.forceStatic()) {
            RenderObserver.noteUncachedData(what);
        }
    }

    /** The value a loader returned and the tags of the data it read. */
    public record Collected<T>(T value, Set<String> tags) {
    }

    /** Runs {@code loader} as a loader on this thread (nested reads report to it), restoring the outer state after. */
    public static <T> Collected<T> collect(Callable<T> loader) throws Exception {
        Set<String> previous = LOADER_TAGS.get();
        Set<String> tags = new LinkedHashSet<>();
        LOADER_TAGS.set(tags);
        try {
            T value = loader.call();
            return new Collected<>(value, Set.copyOf(tags));
        } finally {
            if (previous == null) {
                LOADER_TAGS.remove();
            } else {
                LOADER_TAGS.set(previous);
            }
        }
    }
}
