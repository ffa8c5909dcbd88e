package dev.approute.redis;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

import dev.approute.internal.cache.CacheEntry;
import dev.approute.internal.cache.CacheEntryCodec;
import dev.approute.internal.cache.CacheHandler;
import dev.approute.internal.cache.RevalidateProfile;
import dev.approute.internal.cache.TagManifest;
import dev.approute.internal.cache.TagRevalidationCodec;

/**
 * The response cache in one Redis, shared by every approute instance that points at it: an entry one instance
 * renders is a HIT on the others, and a {@code revalidateTag} on one holds for all.
 *
 * <pre>
 * &lt;prefix&gt;e:&lt;key&gt;   an entry: {@link CacheEntryCodec} bytes; expires (PX) when the entry has an expire time
 * &lt;prefix&gt;t:&lt;tag&gt;   a tag's revalidation: {@link TagRevalidationCodec} JSON; merged under WATCH/MULTI with
 *                    {@link TagManifest}'s own rule, so concurrent revalidations from several instances never lose one
 * </pre>
 *
 * A read is two round trips (the entry, then its tags' records with one MGET) and applies the records as
 * {@link TagManifest#apply} does. Redis being slow or down never fails a request: every call has a short timeout, a
 * failed read answers empty (the route renders: MISS) and a failed write is dropped, with one logged warning per
 * outage; for a second after a failure Redis is not asked at all. {@code revalidateTag} always asks and throws when
 * Redis cannot record it, so a lost revalidation is never silent.
 *
 * <pre>{@code
 * try (CacheHandler shared = new RedisCacheHandler(RedisSettings.parse(URI.create("redis://cache:6379/0")))) {
 *     ResponseCache cache = new ResponseCache(shared, InstantSource.system());
 * }
 * }</pre>
 */
public final class RedisCacheHandler implements CacheHandler {
    private static final System.Logger LOG = System.getLogger("dev.approute.cache");
    private static final long OUTAGE_PAUSE_NANOS = Duration.ofSeconds(1).toNanos();
    // Optimistic retries of one tag's read-merge-write when another instance changed the tag in between.
    private static final int MAX_TAG_ATTEMPTS = 32;

    private final RedisSettings settings;
    private final JedisPool pool;
    private final InstantSource clock;
    private final RedisHealth health;
    private final byte[] entryPrefix;
    private final byte[] tagPrefix;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /** Connects lazily: a Redis that is down now is tried again by later requests. */
    public RedisCacheHandler(RedisSettings settings) {
        this(settings, InstantSource.system());
    }

    /** @param clock decides whether an entry has already expired and the TTL it gets (PX: relative to this clock) */
    public RedisCacheHandler(RedisSettings settings, InstantSource clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.health = new RedisHealth(settings.address(), OUTAGE_PAUSE_NANOS);
        this.entryPrefix = (settings.prefix() + "e:").getBytes(StandardCharsets.UTF_8);
        this.tagPrefix = (settings.prefix() + "t:").getBytes(StandardCharsets.UTF_8);
        this.pool = new JedisPool(poolConfig(settings), new HostAndPort(settings.host(), settings.port()),
                clientConfig(settings));
    }

    @Override
    public Optional<CacheEntry> get(String key) {
        if (!health.worthTrying()) {
            return Optional.empty();
        }
        CacheEntry entry;
        List<byte[]> records;
        try (Jedis redis = pool.getResource()) {
            byte[] bytes = redis.get(entryKey(key));
            if (bytes == null) {
                health.succeeded();
                return Optional.empty();
            }
            entry = decode(key, bytes);
            if (entry == null) {
                health.succeeded();
                return Optional.empty();
            }
            records = entry.tags().isEmpty() ? List.of()
                    : redis.mget(entry.tags().stream().map(this::tagKey).toArray(byte[][]::new));
            health.succeeded();
        } catch (JedisException e) {
            trouble("get", e);
            return Optional.empty();
        }
        return Optional.of(manifestOf(entry.tags(), records).apply(entry));
    }

    /** Dropped, with the outage logged, when Redis does not answer: the contract lets a store drop entries. */
    @Override
    public void set(String key, CacheEntry entry) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(entry, "entry");
        if (!health.worthTrying()) {
            return;
        }
        try (Jedis redis = pool.getResource()) {
            SetParams params = expiry(entry);
            if (params == null) {
                redis.del(entryKey(key));   // replacing with an entry that is already expired leaves nothing
            } else {
                redis.set(entryKey(key), CacheEntryCodec.encode(key, entry), params);
            }
            health.succeeded();
        } catch (JedisException e) {
            trouble("set", e);
        }
    }

    /** {@code SET NX}: atomic across instances. Throws when Redis cannot store it (seeding reports that). */
    @Override
    public boolean setIfAbsent(String key, CacheEntry entry) {
        SetParams params = expiry(entry);
        if (params == null) {
            return false;
        }
        try (Jedis redis = pool.getResource()) {
            boolean stored = "OK".equals(redis.set(entryKey(key), CacheEntryCodec.encode(key, entry), params.nx()));
            health.succeeded();
            return stored;
        } catch (JedisException e) {
            trouble("set", e);
            throw new IllegalStateException("Redis at " + settings.address() + " could not store " + key + ": "
                    + RedisHealth.describe(e), e);
        }
    }

    /**
     * Merges this revalidation into the tag's record with {@link TagManifest#revalidate}, optimistically: WATCH the
     * tag key, read, merge, write in MULTI/EXEC; EXEC fails when another instance wrote the tag in between, and the
     * merge runs again on what it wrote.
     *
     * @throws IllegalStateException when Redis does not answer: the revalidation was not recorded
     */
    @Override
    public void revalidateTag(String tag, Instant now, RevalidateProfile profile) {
        byte[] tagKey = tagKey(tag);
        try (Jedis redis = pool.getResource()) {
            for (int attempt = 0; attempt < MAX_TAG_ATTEMPTS; attempt++) {
                redis.watch(tagKey);
                TagManifest manifest = manifestOf(Set.of(tag), Collections.singletonList(redis.get(tagKey)));
                manifest.revalidate(tag, now, profile);
                Transaction transaction = redis.multi();
                transaction.set(tagKey, TagRevalidationCodec.encode(manifest.snapshot().get(tag)));
                List<Object> result = transaction.exec();
                if (result != null && !result.isEmpty()) {
                    health.succeeded();
                    return;
                }
            }
        } catch (JedisException e) {
            trouble("revalidateTag", e);
            throw new IllegalStateException("Redis at " + settings.address() + " did not record revalidateTag('" + tag
                    + "'): " + RedisHealth.describe(e), e);
        }
        throw new IllegalStateException("revalidateTag('" + tag + "') lost " + MAX_TAG_ATTEMPTS
                + " races in a row with other instances revalidating it; it was not recorded");
    }

    /** Whether the last call found Redis unreachable (the shared cache is being bypassed). */
    public boolean isBypassed() {
        return health.isDown();
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return settings.toString();
    }

    private void trouble(String operation, JedisException error) {
        if (error instanceof JedisDataException) {
            // Redis answered with an error (out of memory under noeviction, a key of another type): it is up, so this
            // is no outage; each distinct refusal is logged once.
            health.succeeded();
            reportOnce(operation + " refused by Redis: " + error.getMessage() + "; served without the shared cache");
            return;
        }
        health.failed(operation, error);
        // Connections idle in the pool were opened to the Redis that just failed (a restarted one closed them):
        // drop them, so the first request after the pause opens a fresh connection instead of failing on a dead one.
        pool.clear();
    }

    private CacheEntry decode(String key, byte[] bytes) {
        try {
            CacheEntryCodec.Stored stored = CacheEntryCodec.decode(bytes);
            if (stored.key().equals(key)) {
                return stored.entry();
            }
            reportOnce("entry " + key + " holds the entry of '" + stored.key() + "'; treated as absent");
        } catch (IOException e) {
            reportOnce("entry " + key + " is not a readable cache entry (" + e.getMessage() + "); treated as absent");
        }
        return null;
    }

    // Tags without a record answer null from MGET; a record that cannot be read is skipped, as the disk store skips an
    // unreadable manifest.
    private TagManifest manifestOf(Set<String> tags, List<byte[]> records) {
        Map<String, TagManifest.TagRevalidation> revalidations = new HashMap<>();
        int index = 0;
        for (String tag : tags) {
            byte[] record = records.get(index++);
            if (record == null || record.length == 0) {
                continue;
            }
            try {
                revalidations.put(tag, TagRevalidationCodec.decode(record));
            } catch (IOException e) {
                reportOnce("tag " + tag + " has an unreadable revalidation record (" + e.getMessage() + "); ignored");
            }
        }
        TagManifest manifest = new TagManifest();
        manifest.restore(revalidations);
        return manifest;
    }

    private void reportOnce(String problem) {
        if (reported.add(problem)) {
            LOG.log(Level.WARNING, "Redis cache at " + settings + ": " + problem);
        }
    }

    /** PX from this clock (Redis's own clock may differ), none without an expire time; null when already expired. */
    private SetParams expiry(CacheEntry entry) {
        if (entry.expire() == null) {
            return new SetParams();
        }
        long millis = Duration.between(clock.instant(), entry.expire()).toMillis();
        return millis <= 0 ? null : new SetParams().px(millis);
    }

    private byte[] entryKey(String key) {
        return concat(entryPrefix, key);
    }

    private byte[] tagKey(String tag) {
        return concat(tagPrefix, tag);
    }

    private static byte[] concat(byte[] prefix, String name) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[prefix.length + nameBytes.length];
        System.arraycopy(prefix, 0, key, 0, prefix.length);
        System.arraycopy(nameBytes, 0, key, prefix.length, nameBytes.length);
        return key;
    }

    private static JedisPoolConfig poolConfig(RedisSettings settings) {
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(settings.poolSize());
        config.setMaxIdle(settings.poolSize());
        config.setMinIdle(0);
        // A pool with every connection busy is as good as a slow Redis: wait no longer than one command would.
        config.setMaxWait(Duration.ofMillis(settings.timeoutMillis()));
        config.setJmxEnabled(false);
        return config;
    }

    private static DefaultJedisClientConfig clientConfig(RedisSettings settings) {
        return DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(settings.timeoutMillis())
                .socketTimeoutMillis(settings.timeoutMillis())
                .database(settings.database())
                .user(settings.user())
                .password(settings.password())
                .ssl(settings.tls())
                .clientName("approute")
                .build();
    }
}
