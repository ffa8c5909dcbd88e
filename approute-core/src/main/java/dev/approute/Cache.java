package dev.approute;

import dev.approute.internal.cache.RenderObserver;
import dev.approute.internal.cache.ResponseCache;
import dev.approute.internal.cache.RevalidateProfile;
import dev.approute.internal.runtime.RequestScope;

/**
 * On-demand revalidation of cached GET responses (Next.js's {@code revalidatePath}, {@code revalidateTag} and
 * {@code cacheTag}). A route is cached when its segment config says so ({@code dynamic = "force-static"} or
 * {@code revalidate = N}); these calls decide when its cached response is rebuilt.
 *
 * <pre>{@code
 * // app/api/posts/route.java (revalidate = 3600)
 * static Response GET() {
 *     Cache.tag("posts");                     // this response is built from the "posts" data
 *     return Response.json(db.posts());
 * }
 * // app/api/publish/route.java
 * static Response POST() {
 *     db.publish();
 *     Cache.revalidateTag("posts");           // next GET /api/posts renders anew (MISS)
 *     return Response.json(Map.of("revalidated", true));
 * }
 * }</pre>
 */
public final class Cache {
    private Cache() {
    }

    /** The cached response of {@code path} (or, given a pattern such as {@code /blog/[slug]}, of every path of that route) is dropped: the next request renders it (MISS). */
    public static void revalidatePath(String path) {
        ResponseCache cache = cache("Cache.revalidatePath");
        if (cache != null) {
            cache.revalidatePath(path);
        }
    }

    /** Every cached response tagged {@code tag} is dropped: the next request to each renders it (MISS). */
    public static void revalidateTag(String tag) {
        revalidateTag(tag, "0");
    }

    /**
     * Revalidates responses tagged {@code tag} with a profile: {@code "max"} keeps serving the old response once
     * (STALE) while one regeneration runs; {@code "0"} (or any number of seconds) expires them after that long.
     */
    public static void revalidateTag(String tag, String profile) {
        ResponseCache cache = cache("Cache.revalidateTag");
        if (cache != null) {
            cache.revalidateTag(tag, RevalidateProfile.parse(profile));
        }
    }

    /** Tags the response being rendered, so {@link #revalidateTag} reaches it. No effect on uncached routes. */
    public static void tag(String... tags) {
        RenderObserver.addTags(tags);
    }

    // Null in dev, where nothing is cached.
    private static ResponseCache cache(String caller) {
        return RequestScope.current(caller).cache();
    }
}
