package dev.approute.internal.cache;

import java.time.Instant;
import java.util.Optional;

/**
 * How a route's GET responses are cached, decided from its segment config only (never from a request:
 * CVE-2024-46982 class). A route with no policy is not cached at all and never reaches {@link ResponseCache}.
 *
 * <pre>{@code
 * CachePolicy.fromSegmentConfig("force-static", null);  // Static:      s-maxage=31536000
 * CachePolicy.fromSegmentConfig("auto", 5);             // Revalidate:  s-maxage=5, stale-while-revalidate=31535995
 * CachePolicy.fromSegmentConfig("auto", null);          // empty: dynamic (Next 15+ default for route handlers)
 * }</pre>
 */
public sealed interface CachePolicy {
    /** Next's default {@code expireTime}: one year. Entries of a revalidating route are never served past it. */
    long EXPIRE_SECONDS = 31_536_000;

    /** The {@code Cache-Control} value Next sends with every cached response of the route (SPEC 12.2, 12.6). */
    String cacheControl();

    /** The {@code revalidate} stored on a new entry: null for never by time. */
    Integer revalidateSeconds();

    /** When a new entry created at {@code created} must no longer be served; null for never. */
    Instant expireFor(Instant created);

    /** {@code dynamic = "force-static"} (or {@code "error"}) with {@code revalidate = false}: built once, kept. */
    record Static() implements CachePolicy {
        @Override
        public String cacheControl() {
            return "s-maxage=" + EXPIRE_SECONDS;
        }

        @Override
        public Integer revalidateSeconds() {
            return null;
        }

        @Override
        public Instant expireFor(Instant created) {
            return null;
        }
    }

    /** {@code revalidate = N} (N > 0): fresh for N seconds, then served STALE once while one regeneration runs. */
    record Revalidate(int seconds) implements CachePolicy {
        public Revalidate {
            if (seconds <= 0) {
                throw new IllegalArgumentException("revalidate must be > 0 seconds for a cached route, got " + seconds
                        + " (0 means dynamic: no policy)");
            }
        }

        @Override
        public String cacheControl() {
            long swr = EXPIRE_SECONDS - seconds;
            return swr > 0 ? "s-maxage=" + seconds + ", stale-while-revalidate=" + swr : "s-maxage=" + seconds;
        }

        @Override
        public Integer revalidateSeconds() {
            return seconds;
        }

        @Override
        public Instant expireFor(Instant created) {
            return created.plusSeconds(Math.max(EXPIRE_SECONDS, seconds));
        }
    }

    static CachePolicy staticPolicy() {
        return new Static();
    }

    static CachePolicy revalidate(int seconds) {
        return new Revalidate(seconds);
    }

    /**
     * The policy of a GET handler from its segment config ({@code SegmentConfig.dynamic()}, {@code .revalidate()}).
     * {@code force-dynamic} or {@code revalidate = 0}: none. {@code revalidate = N}: {@link Revalidate}.
     * {@code force-static}/{@code error} with {@code revalidate = false}: {@link Static}. {@code auto} with
     * {@code revalidate = false}: none (route handlers are dynamic by default, SPEC 12.1).
     * The caller still decides whether the route is cacheable at all (a GET, and see SPEC 12.4: Next does not cache
     * a force-static GET whose file exports other methods; approute may choose to).
     *
     * @param revalidate null for {@code false}
     */
    static Optional<CachePolicy> fromSegmentConfig(String dynamic, Integer revalidate) {
        if ("force-dynamic".equals(dynamic) || (revalidate != null && revalidate <= 0)) {
            return Optional.empty();
        }
        if (revalidate != null) {
            return Optional.of(new Revalidate(revalidate));
        }
        if ("force-static".equals(dynamic) || "error".equals(dynamic)) {
            return Optional.of(new Static());
        }
        return Optional.empty();
    }
}
