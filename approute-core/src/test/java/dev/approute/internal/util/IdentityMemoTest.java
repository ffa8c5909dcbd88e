package dev.approute.internal.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class IdentityMemoTest {
    private final List<String> derived = new ArrayList<>();
    private final IdentityMemo<String, String> memo = new IdentityMemo<>(8, key -> {
        derived.add(key);
        return key.toUpperCase();
    });

    @Test
    void derivesOncePerInstance() {
        String key = new String("abc");
        assertThat(memo.get(key)).isEqualTo("ABC");
        assertThat(memo.get(key)).isEqualTo("ABC");
        assertThat(derived).containsExactly("abc");
    }

    @Test
    void equalButDistinctInstancesAreDistinctKeys() {
        String first = new String("abc");
        String second = new String("abc");
        memo.get(first);
        memo.get(second);
        assertThat(derived).hasSize(2);
    }

    @Test
    void anEvictedKeyIsDerivedAgainNeverConfused() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            keys.add("key" + i);
        }
        for (int round = 0; round < 3; round++) {
            for (String key : keys) {
                assertThat(memo.get(key)).isEqualTo(key.toUpperCase());
            }
        }
        assertThat(derived.size()).isBetween(100, 300);
    }

    @Test
    void sizeIsAPowerOfTwo() {
        assertThatThrownBy(() -> new IdentityMemo<String, String>(12, key -> key)).isInstanceOf(IllegalArgumentException.class);
    }
}
