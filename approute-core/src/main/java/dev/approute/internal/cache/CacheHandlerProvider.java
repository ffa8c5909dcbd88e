package dev.approute.internal.cache;

import java.net.URI;
import java.util.Set;

/**
 * A cache store opened from a URL, found with {@link java.util.ServiceLoader}: a module that ships a store (such as
 * {@code approute-redis}) {@code provides} it, so the core has no dependency on any store's client library.
 *
 * <pre>{@code
 * // module-info.java of a store module
 * provides dev.approute.internal.cache.CacheHandlerProvider with dev.approute.redis.RedisCacheHandlerProvider;
 * }</pre>
 */
public interface CacheHandlerProvider {
    /** The URL schemes this provider opens, lower case: {@code Set.of("redis", "rediss")}. */
    Set<String> schemes();

    /**
     * A connected (or connecting) store for {@code url}, whose scheme is one of {@link #schemes()}.
     *
     * @throws IllegalArgumentException naming what is wrong with the URL and how to write it instead
     */
    CacheHandler open(URI url);
}
