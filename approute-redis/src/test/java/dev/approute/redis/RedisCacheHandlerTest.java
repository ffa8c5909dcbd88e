package dev.approute.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import redis.clients.jedis.Jedis;

import dev.approute.Headers;
import dev.approute.internal.cache.CacheEntry;
import dev.approute.internal.cache.RevalidateProfile;
import dev.approute.internal.cache.TagManifest;
import dev.approute.internal.cache.TagRevalidationCodec;

/** The Redis store against a real redis-server: two handler instances on one Redis are two app servers. */
class RedisCacheHandlerTest {
    private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
    private static final AtomicInteger PREFIXES = new AtomicInteger();

    private static RedisServer redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    /** A handler whose clock stands at {@code now}, under a prefix no other test uses. */
    private static RedisCacheHandler handler(String prefix, Instant now) {
        return new RedisCacheHandler(redis.settings(prefix), InstantSource.fixed(now));
    }

    private static String freshPrefix() {
        return "test" + PREFIXES.incrementAndGet() + ":";
    }

    private static byte[] allBytes() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private static CacheEntry entry(Instant created, Integer revalidate, Instant expire, String... tags) {
        return new CacheEntry(200, Headers.of("content-type", "application/octet-stream", "x-multi", "one",
                "x-multi", "two"), allBytes(), created, revalidate, expire, Set.of(tags));
    }

    @Test
    void anEntryWithEveryByteValueRoundTripsToAnotherInstance() {
        String prefix = freshPrefix();
        CacheEntry original = entry(T0, 5, T0.plusSeconds(31_536_000), "b", "a", "_N_T_/x");
        try (RedisCacheHandler one = handler(prefix, T0); RedisCacheHandler two = handler(prefix, T0)) {
            one.set("/x", original);
            Optional<CacheEntry> read = two.get("/x");
            assertThat(read).hasValue(original);
            assertThat(read.get().body()).containsExactly(allBytes());
            assertThat(read.get().headers().getAll("x-multi")).containsExactly("one", "two");
            assertThat(two.get("/other")).isEmpty();
        }
    }

    @Test
    void revalidateTagZeroOnOneInstanceExpiresTheEntryOnTheOther() {
        String prefix = freshPrefix();
        try (RedisCacheHandler one = handler(prefix, T0); RedisCacheHandler two = handler(prefix, T0)) {
            one.set("/tagged", entry(T0, null, null, "posts"));
            one.set("/untagged", entry(T0, null, null, "other"));
            one.revalidateTag("posts", T0.plusSeconds(10), RevalidateProfile.parse("0"));

            CacheEntry seen = two.get("/tagged").orElseThrow();
            assertThat(seen.freshness(T0.plusSeconds(10))).isEqualTo(CacheEntry.Freshness.EXPIRED);
            assertThat(two.get("/untagged").orElseThrow().freshness(T0.plusSeconds(10)))
                    .isEqualTo(CacheEntry.Freshness.FRESH);

            // An entry rendered after the revalidation is not touched by it.
            two.set("/tagged", entry(T0.plusSeconds(11), null, null, "posts"));
            assertThat(one.get("/tagged").orElseThrow().freshness(T0.plusSeconds(12)))
                    .isEqualTo(CacheEntry.Freshness.FRESH);
        }
    }

    @Test
    void revalidateTagMaxOnOneInstanceMakesTheEntryStaleButServableOnTheOther() {
        String prefix = freshPrefix();
        try (RedisCacheHandler one = handler(prefix, T0); RedisCacheHandler two = handler(prefix, T0)) {
            one.set("/tagged", entry(T0, 3600, T0.plusSeconds(31_536_000), "posts"));
            two.revalidateTag("posts", T0.plusSeconds(10), RevalidateProfile.parse("max"));

            CacheEntry seen = one.get("/tagged").orElseThrow();
            assertThat(seen.freshness(T0.plusSeconds(10))).isEqualTo(CacheEntry.Freshness.STALE);
            assertThat(seen.expire()).isEqualTo(T0.plusSeconds(31_536_000));
        }
    }

    @Test
    void revalidationsMergeWithTheTagManifestRule() throws Exception {
        String prefix = freshPrefix();
        try (RedisCacheHandler one = handler(prefix, T0); RedisCacheHandler two = handler(prefix, T0)) {
            TagManifest expected = new TagManifest();
            List<Object[]> steps = List.of(
                    new Object[] {one, T0.plusSeconds(10), RevalidateProfile.expireAfter(300)},
                    new Object[] {two, T0.plusSeconds(20), RevalidateProfile.MAX},
                    new Object[] {one, T0.plusSeconds(15), RevalidateProfile.expireAfter(30)},
                    new Object[] {two, T0.plusSeconds(40), RevalidateProfile.expireAfter(600)});
            for (Object[] step : steps) {
                ((RedisCacheHandler) step[0]).revalidateTag("t", (Instant) step[1], (RevalidateProfile) step[2]);
                expected.revalidate("t", (Instant) step[1], (RevalidateProfile) step[2]);
            }
            assertThat(storedRecord(prefix, "t")).isEqualTo(expected.snapshot().get("t"));
            assertThat(storedRecord(prefix, "t")).isEqualTo(new TagManifest.TagRevalidation(
                    T0.plusSeconds(40), T0.plusSeconds(15), T0.plusSeconds(45)));
        }
    }

    @Test
    void concurrentRevalidationsFromTwoInstancesLoseNone() throws Exception {
        String prefix = freshPrefix();
        int count = 40;
        // A generous timeout: this test is about lost updates, and a loaded CI machine can be slower than 200 ms.
        RedisSettings patient = RedisSettings.parse(java.net.URI.create(redis.url("prefix=" + prefix + "&timeout=5000")));
        try (RedisCacheHandler one = new RedisCacheHandler(patient, InstantSource.fixed(T0));
             RedisCacheHandler two = new RedisCacheHandler(patient, InstantSource.fixed(T0))) {
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    RedisCacheHandler instance = i % 2 == 0 ? one : two;
                    Instant now = T0.plusSeconds(i);
                    // The latest revalidation (i = count - 1) sets the stale cut-off; i = 7 expires soonest.
                    RevalidateProfile profile = RevalidateProfile.expireAfter(i == 7 ? 1 : 1_000 + i);
                    Callable<Void> revalidate = () -> {
                        instance.revalidateTag("hot", now, profile);
                        return null;
                    };
                    done.add(threads.submit(revalidate));
                }
                for (Future<?> future : done) {
                    future.get();
                }
            } finally {
                threads.shutdown();
            }
        }
        // Any lost update would leave another revalidation's stale cut-off or expire time in the record.
        assertThat(storedRecord(prefix, "hot")).isEqualTo(new TagManifest.TagRevalidation(
                T0.plusSeconds(count - 1), T0.plusSeconds(7), T0.plusSeconds(8)));
    }

    @Test
    void entriesWithAnExpireTimeGetARedisTtlAndVanishWithIt() throws Exception {
        String prefix = freshPrefix();
        Instant now = Instant.now();
        try (RedisCacheHandler handler = new RedisCacheHandler(redis.settings(prefix));
             Jedis direct = redis.client()) {
            handler.set("/static", entry(now, null, null));
            handler.set("/isr", entry(now, 5, now.plusSeconds(3600)));
            handler.set("/short", entry(now, 1, now.plusMillis(300)));
            assertThat(direct.pttl(prefix + "e:/static")).isEqualTo(-1);
            assertThat(direct.pttl(prefix + "e:/isr")).isBetween(1L, 3_600_000L);

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (direct.exists(prefix + "e:/short") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(direct.exists(prefix + "e:/short")).as("expired by Redis").isFalse();
            assertThat(handler.get("/short")).isEmpty();
            assertThat(handler.get("/isr")).isPresent();
        }
    }

    @Test
    void anAlreadyExpiredEntryReplacesByRemoving() {
        String prefix = freshPrefix();
        try (RedisCacheHandler handler = handler(prefix, T0.plusSeconds(100))) {
            handler.set("/x", entry(T0, null, null));
            handler.set("/x", entry(T0, 1, T0.plusSeconds(50)));
            assertThat(handler.get("/x")).isEmpty();
        }
    }

    @Test
    void setIfAbsentNeverOverwrites() {
        String prefix = freshPrefix();
        CacheEntry first = entry(T0, null, null, "a");
        CacheEntry second = entry(T0.plusSeconds(1), null, null, "b");
        try (RedisCacheHandler one = handler(prefix, T0); RedisCacheHandler two = handler(prefix, T0)) {
            assertThat(one.setIfAbsent("/seed", first)).isTrue();
            assertThat(two.setIfAbsent("/seed", second)).isFalse();
            assertThat(two.get("/seed")).hasValue(first);
        }
    }

    @Test
    void prefixesKeepAppsApart() {
        String shop = freshPrefix();
        String blog = freshPrefix();
        try (RedisCacheHandler shopHandler = handler(shop, T0); RedisCacheHandler blogHandler = handler(blog, T0)) {
            shopHandler.set("/", entry(T0, null, null, "posts"));
            blogHandler.set("/", entry(T0, null, null, "posts"));
            blogHandler.revalidateTag("posts", T0.plusSeconds(1), RevalidateProfile.EXPIRE_NOW);
            assertThat(shopHandler.get("/").orElseThrow().freshness(T0.plusSeconds(2)))
                    .isEqualTo(CacheEntry.Freshness.FRESH);
            assertThat(blogHandler.get("/").orElseThrow().freshness(T0.plusSeconds(2)))
                    .isEqualTo(CacheEntry.Freshness.EXPIRED);
        }
    }

    @Test
    void unreadableValuesAreAbsentNotErrors() {
        String prefix = freshPrefix();
        try (RedisCacheHandler handler = handler(prefix, T0); Jedis direct = redis.client()) {
            direct.set(prefix + "e:/garbage", "not an entry");
            direct.hset(prefix + "e:/wrong-type", "field", "value");
            handler.set("/moved", entry(T0, null, null));
            direct.rename((prefix + "e:/moved").getBytes(StandardCharsets.UTF_8),
                    (prefix + "e:/elsewhere").getBytes(StandardCharsets.UTF_8));
            assertThat(handler.get("/garbage")).isEmpty();
            assertThat(handler.get("/wrong-type")).isEmpty();
            assertThat(handler.get("/elsewhere")).as("stored under another key's name").isEmpty();

            handler.set("/tagged", entry(T0, null, null, "broken"));
            direct.set(prefix + "t:broken", "{not json");
            assertThat(handler.get("/tagged")).hasValue(entry(T0, null, null, "broken"));
            assertThat(handler.isBypassed()).isFalse();
        }
    }

    private static TagManifest.TagRevalidation storedRecord(String prefix, String tag) throws Exception {
        try (Jedis direct = redis.client()) {
            return TagRevalidationCodec.decode(direct.get((prefix + "t:" + tag).getBytes(StandardCharsets.UTF_8)));
        }
    }

    // The time limit turns a hang (a call without a timeout) into a failure; it measures nothing.
    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aRedisThatIsDownOrSilentIsAMissAndComesBackWhenRedisDoes() throws Exception {
        try (RedisServer own = RedisServer.start();
             RedisCacheHandler handler = new RedisCacheHandler(own.settings("outage:"), InstantSource.fixed(T0))) {
            handler.set("/x", entry(T0, null, null, "t"));
            assertThat(handler.get("/x")).isPresent();

            own.pause();   // accepts connections, answers nothing: only the timeout ends each call
            try {
                assertThat(handler.get("/x")).isEmpty();
                assertThat(handler.isBypassed()).isTrue();
                handler.set("/y", entry(T0, null, null));   // dropped, no exception
                assertThatThrownBy(() -> handler.revalidateTag("t", T0, RevalidateProfile.EXPIRE_NOW))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("did not record revalidateTag('t')")
                        .hasMessageContaining(own.url(""));
            } finally {
                own.resume();
            }

            own.stop();    // connection refused
            assertThat(handler.get("/x")).isEmpty();
            assertThatThrownBy(() -> handler.setIfAbsent("/z", entry(T0, null, null)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("could not store /z");

            own.restart(); // empty: nothing was persisted
            CacheEntry after = entry(T0, null, null, "t");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            Optional<CacheEntry> read = Optional.empty();
            while (read.isEmpty() && System.nanoTime() < deadline) {   // the first tries may fall in the pause
                handler.set("/x", after);
                read = handler.get("/x");
                Thread.sleep(50);
            }
            assertThat(read).hasValue(after);
            assertThat(handler.isBypassed()).isFalse();
            handler.revalidateTag("t", T0.plusSeconds(1), RevalidateProfile.EXPIRE_NOW);
            assertThat(handler.get("/x").orElseThrow().freshness(T0.plusSeconds(1)))
                    .isEqualTo(CacheEntry.Freshness.EXPIRED);
        }
    }
}
