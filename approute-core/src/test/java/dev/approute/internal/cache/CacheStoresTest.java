package dev.approute.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Cache URLs: what a user who mistyped one is told (the core alone has no store module). */
class CacheStoresTest {
    @Test
    void aUrlNoStoreHandlesSaysWhichModuleIsMissing() {
        assertThatThrownBy(() -> CacheStores.open("redis://127.0.0.1:6379/0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no cache store handles 'redis://' URLs")
                .hasMessageContaining("needs approute-redis");
    }

    @Test
    void malformedUrlsAreNamedWithoutTheirPassword() {
        assertThatThrownBy(() -> CacheStores.open("redis://user:s3cret@host:6379/0 x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a URL")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> CacheStores.open("localhost:6379"))
                .hasMessageContaining("write it as redis://host:6379/0");
    }

    @Test
    void redactionHidesOnlyThePassword() {
        assertThat(CacheStores.redacted("redis://user:s3cret@host:6379/0?prefix=a@b"))
                .isEqualTo("redis://user:***@host:6379/0?prefix=a@b");
        assertThat(CacheStores.redacted("redis://:p@ss@host/0")).isEqualTo("redis://:***@host/0");
        assertThat(CacheStores.redacted("redis://host:6379/0")).isEqualTo("redis://host:6379/0");
        assertThat(CacheStores.redacted("redis://token@host")).isEqualTo("redis://***@host");
    }
}
