package dev.approute.internal.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.approute.Headers;

class DataKeysTest {
    private static final String URL = "https://api.example.com/posts?page=1";

    private static String key(String method, String url, Headers headers, String body) {
        return DataKeys.fetch(method, url, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFetchKeyChangesWithTheMethodTheUrlAnyHeaderAndTheBody() {
        String base = key("GET", URL, Headers.of("accept", "application/json"), null);
        Set<String> variants = Set.of(
                base,
                key("POST", URL, Headers.of("accept", "application/json"), null),
                key("GET", URL + "&x=1", Headers.of("accept", "application/json"), null),
                key("GET", URL, Headers.of("accept", "text/plain"), null),
                key("GET", URL, Headers.of("accept", "application/json", "authorization", "Bearer a"), null),
                key("GET", URL, Headers.of("accept", "application/json", "authorization", "Bearer b"), null),
                key("POST", URL, Headers.of("accept", "application/json"), "{\"q\":1}"),
                key("POST", URL, Headers.of("accept", "application/json"), "{\"q\":2}"));
        assertThat(variants).hasSize(8);
    }

    @Test
    void aFetchKeyIsTheSameForTheSameRequestWhateverTheHeaderNameCase() {
        assertThat(key("GET", URL, Headers.of("Accept", "application/json"), null))
                .isEqualTo(key("GET", URL, Headers.of("accept", "application/json"), null));
        assertThat(key("GET", URL, Headers.empty(), "")).isEqualTo(key("GET", URL, Headers.empty(), null));
    }

    @Test
    void keysAreNamespacedHashesThatCarryNoSecret() {
        String fetch = key("GET", URL, Headers.of("authorization", "Bearer secret-token"), null);
        assertThat(fetch).startsWith("data:fetch:").hasSize("data:fetch:".length() + 64).doesNotContain("secret");
        String cached = DataKeys.cached(List.of("user", "secret-id"), "com.acme.User");
        assertThat(cached).startsWith("data:cached:").hasSize("data:cached:".length() + 64).doesNotContain("secret");
    }

    @Test
    void cachedKeysDependOnEveryPartItsOrderAndTheType() {
        Set<String> keys = Set.of(
                DataKeys.cached(List.of("user", "42"), "com.acme.User"),
                DataKeys.cached(List.of("42", "user"), "com.acme.User"),
                DataKeys.cached(List.of("user", "4", "2"), "com.acme.User"),
                DataKeys.cached(List.of("user,42"), "com.acme.User"),
                DataKeys.cached(List.of("user", "42"), "java.util.List<com.acme.User>"));
        assertThat(keys).hasSize(5);
        assertThat(DataKeys.cached(List.of("user", "42"), "com.acme.User"))
                .isEqualTo(DataKeys.cached(List.of("user", "42"), "com.acme.User"));
    }
}
