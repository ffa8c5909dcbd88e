package dev.approute.redis;

import java.net.URI;
import java.util.Set;

import dev.approute.internal.cache.CacheHandler;
import dev.approute.internal.cache.CacheHandlerProvider;

/**
 * Opens {@code redis://} and {@code rediss://} cache URLs ({@link RedisSettings}); registered in module-info and
 * {@code META-INF/services}, so {@code CacheStores.open("redis://...")} finds it on the module path or the class path.
 *
 * <pre>{@code
 * CacheHandler shared = new RedisCacheHandlerProvider().open(URI.create("redis://127.0.0.1:6379/0?prefix=shop:"));
 * }</pre>
 */
public final class RedisCacheHandlerProvider implements CacheHandlerProvider {
    @Override
    public Set<String> schemes() {
        return Set.of("redis", "rediss");
    }

    @Override
    public CacheHandler open(URI url) {
        return new RedisCacheHandler(RedisSettings.parse(url));
    }
}
