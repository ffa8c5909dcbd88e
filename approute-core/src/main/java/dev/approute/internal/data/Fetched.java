package dev.approute.internal.data;

import java.util.Objects;

import dev.approute.Headers;
import dev.approute.internal.cache.CacheEntry;

/** An upstream response, fetched now or read from the data cache. The body is not copied: treat it as read-only. */
public record Fetched(int status, Headers headers, byte[] body) {
    public Fetched {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    static Fetched of(CacheEntry entry) {
        return new Fetched(entry.status(), entry.headers(), entry.body());
    }
}
