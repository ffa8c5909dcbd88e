package dev.approute;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import dev.approute.internal.cache.RenderObserver;
import dev.approute.internal.cache.ResponseCache;
import dev.approute.internal.cache.RevalidateProfile;
import dev.approute.internal.data.CachedValues;
import dev.approute.internal.data.DataCache;
import dev.approute.internal.runtime.RequestScope;

/**
 * Caching beyond a single request: the data cache ({@link #cached}, Next.js's {@code unstable_cache}; outbound HTTP
 * is {@link Fetch}) and on-demand revalidation of cached data and GET responses (Next.js's {@code revalidatePath},
 * {@code revalidateTag} and {@code cacheTag}). A route's response is cached when its segment config says so
 * ({@code dynamic = "force-static"} or {@code revalidate = N}); tags of the data it reads attach to it.
 *
 * <pre>{@code
 * // app/api/posts/route.java (revalidate = 3600)
 * static Response GET() {
 *     List<Post> posts = Cache.cached(List.of("posts"), POSTS, options -> options.tags("posts"), () -> db.posts());
 *     return Response.json(posts);            // this response is tagged "posts" too
 * }
 * // app/api/publish/route.java
 * static Response POST() {
 *     db.publish();
 *     Cache.revalidateTag("posts");           // the cached posts and GET /api/posts: next read loads anew (MISS)
 *     return Response.json(Map.of("revalidated", true));
 * }
 * }</pre>
 */
public final class Cache {
    private Cache() {
    }

    /** Produces a value to cache; may throw what its work throws ({@code SQLException}, ...). */
    @FunctionalInterface
    public interface Loader<T, E extends Exception> {
        T load() throws E;
    }

    /**
     * A value kept in the data cache (Next.js's {@code unstable_cache}), for database queries and other work that
     * is not a {@link Fetch}: returns the cached value when there is a fresh one, else runs {@code loader} and keeps
     * its result. Stale values (older than {@code revalidate}) are returned once more while one refresh runs in the
     * background; concurrent calls for the same key share one load.
     *
     * <pre>{@code
     * User user = Cache.cached(List.of("user", id), User.class,
     *         options -> options.revalidate(3600).tags("users", "user:" + id),
     *         () -> db.findUser(id));                       // runs once per hour per id, or after revalidateTag("users")
     * }</pre>
     *
     * <p><b>The key</b> is {@code keyParts} plus the type, nothing else: put every input of the loader into it (the id
     * above), since a lambda's captured variables are invisible to it. <b>Values</b> are stored as JSON (Jackson), so
     * they survive a restart and a shared store: records, classes with getters or public fields, {@code List}/{@code Map}
     * of those, strings, numbers, booleans, null. Every call, the first too, returns a fresh copy decoded from that
     * JSON. <b>The loader</b> must not read the request ({@code Current.headers()}): a refresh runs in the background.
     *
     * @param keyParts identifies the value; include every argument of the loader
     * @param type     the value's class ({@code User.class}, {@code Post[].class}); see the {@link TypeRef} variant
     * @param options  revalidate and tags ({@link CacheOptions})
     * @throws E what {@code loader} threw, when there was no cached value to return instead
     */
    public static <T, E extends Exception> T cached(List<String> keyParts, Class<T> type, Consumer<CacheOptions> options,
                                                    Loader<T, E> loader) throws E {
        return cached0(keyParts, type, options, loader);
    }

    /** {@link #cached(List, Class, Consumer, Loader)} for a generic type: {@code new TypeRef<List<Post>>() {}}. */
    public static <T, E extends Exception> T cached(List<String> keyParts, TypeRef<T> type, Consumer<CacheOptions> options,
                                                    Loader<T, E> loader) throws E {
        return cached0(keyParts, type.type(), options, loader);
    }

    /** Cached until a tag revalidation, untagged: {@code Cache.cached(List.of("config"), Config.class, () -> load())}. */
    public static <T, E extends Exception> T cached(List<String> keyParts, Class<T> type, Loader<T, E> loader) throws E {
        return cached0(keyParts, type, options -> { }, loader);
    }

    /** {@link #cached(List, Class, Loader)} for a generic type. */
    public static <T, E extends Exception> T cached(List<String> keyParts, TypeRef<T> type, Loader<T, E> loader) throws E {
        return cached0(keyParts, type.type(), options -> { }, loader);
    }

    @SuppressWarnings("unchecked")
    private static <T, E extends Exception> T cached0(List<String> keyParts, Type type, Consumer<CacheOptions> options,
                                                      Loader<T, E> loader) throws E {
        Objects.requireNonNull(loader, "loader");
        if (keyParts == null || keyParts.isEmpty() || keyParts.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("Cache.cached needs key parts that identify the value, none null: "
                    + "List.of(\"user\", id)");
        }
        CacheOptions chosen = new CacheOptions();
        options.accept(chosen);
        try {
            return CachedValues.get(RequestScope.dataContext(), keyParts, type, chosen.revalidate, chosen.tags, loader::load);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // Only the loader throws checked exceptions here, and the loader's are of type E.
            throw (E) e;
        }
    }

    /** The cached response of {@code path} (or, given a pattern such as {@code /blog/[slug]}, of every path of that route) is dropped: the next request renders it (MISS). Data entries are not affected: revalidate their tags. */
    public static void revalidatePath(String path) {
        ResponseCache cache = RequestScope.current("Cache.revalidatePath").cache();
        if (cache != null) {
            cache.revalidatePath(path);
        }
    }

    /** Every cached data entry and response tagged {@code tag} is dropped: the next read or request loads it anew (MISS). */
    public static void revalidateTag(String tag) {
        revalidateTag(tag, "0");
    }

    /**
     * Revalidates data and responses tagged {@code tag} with a profile: {@code "max"} keeps serving the old ones once
     * (STALE) while one refresh runs; {@code "0"} (or any number of seconds) expires them after that long.
     * Works outside a request too (a scheduled job): it then reaches the data and responses of the app being served.
     */
    public static void revalidateTag(String tag, String profile) {
        String problem = RenderObserver.validate(tag);
        if (problem != null) {
            throw new IllegalArgumentException("revalidateTag: " + problem);
        }
        RevalidateProfile parsed = RevalidateProfile.parse(profile);
        RequestScope scope = RequestScope.currentOrNull();
        ResponseCache responses = scope == null ? null : scope.cache();
        DataCache data = RequestScope.dataContext().cache();
        if (responses != null) {
            responses.revalidateTag(tag, parsed);
        }
        // In start both live in one store, so one revalidation reached both; dev keeps data in a store of its own.
        if (responses == null || data.store() != responses.store()) {
            data.revalidateTag(tag, parsed);
        }
    }

    /** Tags the response being rendered, so {@link #revalidateTag} reaches it. No effect on uncached routes. */
    public static void tag(String... tags) {
        RenderObserver.addTags(tags);
    }
}
