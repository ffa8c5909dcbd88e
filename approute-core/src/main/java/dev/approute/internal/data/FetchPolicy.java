package dev.approute.internal.data;

import java.util.List;

/**
 * Whether one {@code Fetch} is cached, and for how long: the route's {@code fetchCache} against the fetch's own
 * {@code cache} and {@code revalidate} options. A pure function, following Next.js's {@code patch-fetch} with two
 * deliberate differences (marked below). The table is in docs/caching.md.
 *
 * <pre>{@code
 * FetchPolicy.decide(route, "force-cache", null, true, "GET https://api/x");   // cached, never stale by time
 * FetchPolicy.decide(route, null, DataRevalidate.seconds(60), true, "...");   // cached, stale after 60 s
 * FetchPolicy.decide(route, null, null, true, "...");                         // fetchCache auto: not cached
 * }</pre>
 */
public final class FetchPolicy {
    public static final String AUTO = "auto";
    public static final String DEFAULT_CACHE = "default-cache";
    public static final String ONLY_CACHE = "only-cache";
    public static final String FORCE_CACHE = "force-cache";
    public static final String DEFAULT_NO_STORE = "default-no-store";
    public static final String ONLY_NO_STORE = "only-no-store";
    public static final String FORCE_NO_STORE = "force-no-store";

    /** Next's seven {@code fetchCache} values. */
    public static final List<String> FETCH_CACHE_VALUES = List.of(AUTO, DEFAULT_CACHE, ONLY_CACHE, FORCE_CACHE,
            DEFAULT_NO_STORE, ONLY_NO_STORE, FORCE_NO_STORE);

    /** The per-fetch {@code cache} values that mean something on the server ({@code no-cache} = {@code no-store}). */
    public static final List<String> CACHE_OPTION_VALUES = List.of("default", "force-cache", "no-store", "no-cache");

    private FetchPolicy() {
    }

    /**
     * What to do with one fetch.
     *
     * @param cached            stored in and served from the data cache
     * @param revalidateSeconds when cached: seconds until stale, or null for never
     * @param optedOut          not cached because the fetch or the route said so ({@code no-store}, {@code revalidate(0)},
     *                          a {@code *-no-store} fetchCache): reading it makes a revalidating response dynamic, as
     *                          Next does. False for the default (fetchCache {@code auto}, no option), which leaves the
     *                          response cached.
     * @param reason            why, for logs and tests ({@code "fetchCache = force-no-store"})
     */
    public record Decision(boolean cached, Integer revalidateSeconds, boolean optedOut, String reason) {
        static Decision cache(Integer seconds, String reason) {
            return new Decision(true, seconds, false, reason);
        }

        static Decision noStore(String reason) {
            return new Decision(false, null, true, reason);
        }

        static Decision notCached(String reason) {
            return new Decision(false, null, false, reason);
        }
    }

    /**
     * @param cache        the fetch's {@code cache} option, or null
     * @param revalidate   the fetch's {@code revalidate} option, or null
     * @param plainRequest GET or HEAD without {@code Authorization} or {@code Cookie}: what a route-level default may
     *                     cache (an explicit option or {@code force-cache} caches any request; its key has the method,
     *                     headers and body)
     * @param fetch        the fetch as messages name it ({@code GET https://api.example.com/posts})
     * @throws IllegalArgumentException when the fetch's own options contradict each other
     * @throws IllegalStateException    when the fetch breaks the route's {@code only-cache}/{@code only-no-store}
     */
    public static Decision decide(DataRoute route, String cache, DataRevalidate revalidate, boolean plainRequest,
                                  String fetch) {
        checkOptions(cache, revalidate, fetch);
        boolean noStore = "no-store".equals(cache) || "no-cache".equals(cache);
        boolean forceCache = "force-cache".equals(cache);
        boolean revalidateZero = revalidate != null && revalidate.seconds() == 0;
        switch (route.fetchCache()) {
            case FORCE_NO_STORE -> {
                // Next's docs: every fetch is refetched "even if they provide a 'force-cache' option" (Next 15's code
                // still caches a fetch with cache: 'force-cache' here; approute does what the docs say).
                return Decision.noStore("fetchCache = force-no-store");
            }
            case ONLY_NO_STORE -> {
                if (forceCache || (revalidate != null && !revalidateZero)) {
                    throw conflict(route, fetch, forceCache ? "cache(\"force-cache\")" : "revalidate(" + revalidate + ")",
                            "only-no-store", "no fetch may be cached",
                            "remove " + (forceCache ? "cache(\"force-cache\")" : "revalidate(" + revalidate + ")")
                                    + " from the fetch, or change the route's fetchCache");
                }
                return Decision.noStore("fetchCache = only-no-store");
            }
            case FORCE_CACHE -> {
                Integer seconds = revalidate != null && !revalidateZero ? revalidate.entrySeconds() : null;
                return Decision.cache(seconds, "fetchCache = force-cache");
            }
            case ONLY_CACHE -> {
                if (noStore || revalidateZero) {
                    // Next only rejects no-store; revalidate(0) opts out just the same, so approute rejects both.
                    String option = noStore ? "cache(\"" + cache + "\")" : "revalidate(0)";
                    throw conflict(route, fetch, option, "only-cache", "every fetch must be cached",
                            "remove " + option + " (the route's default caches the fetch), or change the route's fetchCache");
                }
            }
            default -> {
                // auto, default-cache, default-no-store: the fetch's own options first
            }
        }
        if (noStore || revalidateZero) {
            return Decision.noStore(noStore ? "cache: " + cache : "revalidate: 0");
        }
        if (forceCache) {
            return Decision.cache(revalidate == null ? null : revalidate.entrySeconds(), "cache: force-cache");
        }
        if (revalidate != null) {
            return Decision.cache(revalidate.entrySeconds(), "revalidate: " + revalidate);
        }
        return switch (route.fetchCache()) {
            case DEFAULT_NO_STORE -> Decision.noStore("fetchCache = default-no-store");
            case DEFAULT_CACHE -> plainRequest ? Decision.cache(null, "fetchCache = default-cache")
                    : Decision.notCached("not GET/HEAD, or has Authorization/Cookie: a default does not cache it");
            case ONLY_CACHE -> plainRequest
                    ? Decision.cache(route.revalidate() != null && route.revalidate() > 0 ? route.revalidate() : null,
                            "fetchCache = only-cache")
                    : Decision.notCached("not GET/HEAD, or has Authorization/Cookie: a default does not cache it");
            default -> Decision.notCached("auto no cache");
        };
    }

    // Next warns and ignores both; a contradiction in code is better reported where it is written.
    private static void checkOptions(String cache, DataRevalidate revalidate, String fetch) {
        if (cache == null || revalidate == null) {
            return;
        }
        boolean contradiction = (cache.equals("force-cache") && revalidate.seconds() == 0)
                || ((cache.equals("no-store") || cache.equals("no-cache")) && revalidate.seconds() != 0);
        if (contradiction) {
            throw new IllegalArgumentException(fetch + ": cache(\"" + cache + "\") and revalidate(" + revalidate
                    + ") contradict each other (Next.js warns and ignores both)\n    fix: keep one of them: "
                    + "cache(\"force-cache\") or revalidate(N) to cache, cache(\"no-store\") or revalidate(0) not to");
        }
    }

    private static IllegalStateException conflict(DataRoute route, String fetch, String option, String fetchCache,
                                                  String meaning, String fix) {
        return new IllegalStateException(route.file() + ": " + fetch + " uses " + option + ", but the route says "
                + "fetchCache = \"" + fetchCache + "\" (" + meaning + ")\n    fix: " + fix);
    }
}
