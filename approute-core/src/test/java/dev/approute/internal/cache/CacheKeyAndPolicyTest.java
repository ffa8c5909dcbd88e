package dev.approute.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CacheKeyAndPolicyTest {
    @ParameterizedTest
    @CsvSource({
            "/api/static,            /api/static",
            "/api/static?x=1,        /api/static",
            "/api/static#frag,       /api/static",
            "/api/static/,           /api/static",
            "/api/%73tatic,          /api/static",
            "/api/a%2fb,             /api/a%2Fb",
            "/api/caf%c3%a9,         /api/caf%C3%A9",
            "/api/%7Euser,           /api/~user",
            "/api/100%,              /api/100%",
            "/,                      /",
    })
    void keysHaveOneSpellingPerPath(String path, String key) {
        assertThat(CacheKey.of(path).value()).isEqualTo(key);
    }

    @Test
    void keysAreAbsolutePaths() {
        assertThatThrownBy(() -> CacheKey.of("api/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CacheKey.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void implicitTagsNameThePathThePatternAndEveryLayout() {
        assertThat(CacheKey.of("/api/products/42", "/api/products/[id]").implicitTags()).containsExactly(
                "_N_T_/api/products/42", "_N_T_/api/products/[id]", "_N_T_/layout", "_N_T_/api/layout",
                "_N_T_/api/products/layout", "_N_T_/api/products/42/layout");
        assertThat(CacheKey.of("/").implicitTags()).containsExactly("_N_T_/", "_N_T_/layout");
        assertThat(CacheKey.pathTag("/api/x/")).isEqualTo("_N_T_/api/x");
        assertThat(CacheKey.layoutTag("/api")).isEqualTo("_N_T_/api/layout");
    }

    @Test
    void cacheControlAsNextSendsIt() {
        assertThat(new CachePolicy.Static().cacheControl()).isEqualTo("s-maxage=31536000");
        assertThat(new CachePolicy.Revalidate(5).cacheControl()).isEqualTo("s-maxage=5, stale-while-revalidate=31535995");
        assertThat(new CachePolicy.Revalidate(60).cacheControl()).isEqualTo("s-maxage=60, stale-while-revalidate=31535940");
        assertThat(new CachePolicy.Revalidate(31_536_000).cacheControl()).isEqualTo("s-maxage=31536000");
        Instant created = Instant.parse("2025-01-01T00:00:00Z");
        assertThat(new CachePolicy.Revalidate(5).expireFor(created)).isEqualTo(created.plusSeconds(31_536_000));
        assertThat(new CachePolicy.Static().expireFor(created)).isNull();
        assertThatThrownBy(() -> new CachePolicy.Revalidate(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void policyFromSegmentConfig() {
        assertThat(CachePolicy.fromSegmentConfig("force-static", null)).contains(new CachePolicy.Static());
        assertThat(CachePolicy.fromSegmentConfig("error", null)).contains(new CachePolicy.Static());
        assertThat(CachePolicy.fromSegmentConfig("auto", 5)).contains(new CachePolicy.Revalidate(5));
        assertThat(CachePolicy.fromSegmentConfig("force-static", 60)).contains(new CachePolicy.Revalidate(60));
        assertThat(CachePolicy.fromSegmentConfig("auto", null)).isEmpty();
        assertThat(CachePolicy.fromSegmentConfig("auto", 0)).isEmpty();
        assertThat(CachePolicy.fromSegmentConfig("force-dynamic", 5)).isEmpty();
    }

    @Test
    void revalidateProfiles() {
        assertThat(RevalidateProfile.parse("max")).isEqualTo(RevalidateProfile.MAX);
        assertThat(RevalidateProfile.parse("0")).isEqualTo(RevalidateProfile.EXPIRE_NOW);
        assertThat(RevalidateProfile.parse("30").expireSeconds()).isEqualTo(30);
        assertThatThrownBy(() -> RevalidateProfile.parse("hours")).isInstanceOf(IllegalArgumentException.class);
    }
}
