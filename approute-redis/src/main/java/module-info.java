/**
 * A shared response cache in Redis: {@code approute start --cache-url redis://host:6379/0}. Found by the core through
 * {@link dev.approute.internal.cache.CacheHandlerProvider}; nothing else depends on it.
 */
module dev.approute.redis {
    requires dev.approute;
    requires redis.clients.jedis;
    requires org.apache.commons.pool2;
    // Jedis is an automatic module, whose own dependencies (its POM's) are resolved on the module path only when a
    // named module requires them. SLF4J then binds org.slf4j.jul (slf4j-jdk14) through its service loader.
    requires org.slf4j;
    requires com.google.gson;
    requires org.json;

    provides dev.approute.internal.cache.CacheHandlerProvider with dev.approute.redis.RedisCacheHandlerProvider;
}
