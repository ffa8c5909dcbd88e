package dev.approute.internal.data;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

import dev.approute.Headers;

/**
 * One outbound request as {@code Fetch} hands it over: what to send and how to cache it.
 *
 * @param cache      the {@code cache} option, or null
 * @param revalidate the {@code revalidate} option, or null
 * @param timeout    how long to wait for the response headers
 */
public record FetchRequest(String method, URI uri, Headers headers, byte[] body, String cache, DataRevalidate revalidate,
                           Set<String> tags, Duration timeout) {
    public FetchRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(headers, "headers");
        body = body == null ? new byte[0] : body;
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        Objects.requireNonNull(timeout, "timeout");
    }

    /** GET or HEAD without credentials: what a route-level default may cache (Next's rule). */
    public boolean plain() {
        return (method.equals("GET") || method.equals("HEAD")) && !headers.has("authorization") && !headers.has("cookie");
    }

    /** How messages name it: {@code GET https://api.example.com/posts}. */
    public String describe() {
        return method + " " + uri;
    }
}
