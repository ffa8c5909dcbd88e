package dev.approute.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

/** The forms of a cache URL a user writes, and what a mistyped one is told. */
class RedisSettingsTest {
    private static RedisSettings parse(String url) {
        return RedisSettings.parse(URI.create(url));
    }

    @Test
    void theShortestUrlTakesTheDefaults() {
        RedisSettings settings = parse("redis://cache.internal");
        assertThat(settings).isEqualTo(new RedisSettings(false, "cache.internal", 6379, 0, null, null,
                RedisSettings.DEFAULT_PREFIX, RedisSettings.DEFAULT_TIMEOUT_MILLIS, RedisSettings.DEFAULT_POOL_SIZE));
        assertThat(settings.toString()).isEqualTo("redis://cache.internal:6379/0 (prefix 'approute:')");
    }

    @Test
    void everyPartIsRead() {
        RedisSettings settings = parse("rediss://app%40acl:p%3Ass@10.0.0.5:6380/3?prefix=shop%3Av2:&timeout=500&pool=8");
        assertThat(settings).isEqualTo(new RedisSettings(true, "10.0.0.5", 6380, 3, "app@acl", "p:ss", "shop:v2:", 500, 8));
        assertThat(settings.address()).isEqualTo("rediss://10.0.0.5:6380/3");
    }

    @Test
    void aPasswordAloneAndHostNamesWithUnderscoresWork() {
        assertThat(parse("redis://:secret@redis_cache:7000/1")).isEqualTo(new RedisSettings(false, "redis_cache", 7000, 1,
                null, "secret", "approute:", 200, 32));
        assertThat(parse("redis://secret@host").password()).isEqualTo("secret");
    }

    @Test
    void mistakesNameThePartAndTheFormWithoutThePassword() {
        assertThatThrownBy(() -> parse("redis://user:s3cret@host/zero"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the path '/zero' must be a database number")
                .hasMessageContaining("write it as redis://")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> parse("redis://host?timeout=fast"))
                .hasMessageContaining("timeout 'fast' must be 1-60000 milliseconds");
        assertThatThrownBy(() -> parse("redis://host?pool=0")).hasMessageContaining("pool '0' must be 1-4096");
        assertThatThrownBy(() -> parse("redis://host?prefx=a")).hasMessageContaining("unknown option 'prefx'");
        assertThatThrownBy(() -> parse("redis:///0")).hasMessageContaining("names no host");
        assertThatThrownBy(() -> parse("memcached://host")).hasMessageContaining("must be redis:// or rediss://");
    }
}
