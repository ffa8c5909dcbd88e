package dev.approute;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.approute.internal.data.DataOptions;
import dev.approute.internal.data.DataRevalidate;
import dev.approute.internal.data.FetchPolicy;
import dev.approute.internal.json.Json;

/**
 * The options of a {@link Fetch}, as the Web {@code RequestInit} plus Next.js's {@code next: {revalidate, tags}}.
 * Given to the lambda of {@code Fetch.get} / {@code Fetch.send}.
 *
 * <pre>{@code
 * Fetch.get("https://api.example.com/posts", init -> init.revalidate(60).tags("posts"));
 * Fetch.send("https://api.example.com/graphql", init -> init.method("POST").json(query).cache("force-cache"));
 * Fetch.get(url, init -> init.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(5)));
 * }</pre>
 */
public final class FetchInit {
    /** How long a fetch waits for the response headers unless {@link #timeout} says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    String method = "GET";
    final Headers.Builder headers = Headers.builder();
    byte[] body;
    String defaultContentType;
    String cache;
    DataRevalidate revalidate;
    final Set<String> tags = new LinkedHashSet<>();
    Duration timeout = DEFAULT_TIMEOUT;

    FetchInit() {
    }

    /** {@code GET} (default), {@code POST}, ...: upper-cased as the Web fetch does for the standard names. */
    public FetchInit method(String name) {
        Objects.requireNonNull(name, "method");
        if (name.isEmpty() || !name.chars().allMatch(FetchInit::isTokenChar)) {
            throw new IllegalArgumentException("'" + name + "' is not an HTTP method name");
        }
        String upper = name.toUpperCase(Locale.ROOT);
        this.method = switch (upper) {
            case "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS" -> upper;
            default -> name;
        };
        return this;
    }

    /** Sets a request header, replacing earlier values of the name. */
    public FetchInit header(String name, String value) {
        headers.set(name, value);
        return this;
    }

    /** Adds a request header value, keeping earlier ones. */
    public FetchInit appendHeader(String name, String value) {
        headers.add(name, value);
        return this;
    }

    public FetchInit headers(Map<String, String> values) {
        values.forEach(headers::set);
        return this;
    }

    /** A text body, UTF-8; {@code Content-Type: text/plain;charset=UTF-8} unless a header sets one (as fetch). */
    public FetchInit body(String text) {
        this.body = text.getBytes(StandardCharsets.UTF_8);
        this.defaultContentType = "text/plain;charset=UTF-8";
        return this;
    }

    /** A binary body, sent as is. */
    public FetchInit body(byte[] bytes) {
        this.body = bytes.clone();
        this.defaultContentType = null;
        return this;
    }

    /** {@code value} as a JSON body; {@code Content-Type: application/json} unless a header sets one. */
    public FetchInit json(Object value) {
        this.body = Json.encode(value);
        this.defaultContentType = "application/json";
        return this;
    }

    /**
     * How the data cache treats this fetch: {@code "force-cache"} (cache it; with no revalidate, until a tag
     * revalidation), {@code "no-store"} or {@code "no-cache"} (never cache it), {@code "default"} (as if not set:
     * the route's {@code fetchCache} decides). See docs/caching.md for the whole table.
     */
    public FetchInit cache(String mode) {
        if (!FetchPolicy.CACHE_OPTION_VALUES.contains(mode)) {
            throw new IllegalArgumentException("Unknown fetch cache option '" + mode + "': use one of "
                    + String.join(", ", FetchPolicy.CACHE_OPTION_VALUES)
                    + " (the browser-only reload and only-if-cached mean nothing on the server)");
        }
        this.cache = mode;
        return this;
    }

    /** Cache the response for {@code seconds}, then refresh it (stale-while-revalidate); {@code 0}: never cache it. */
    public FetchInit revalidate(int seconds) {
        this.revalidate = DataRevalidate.seconds(seconds);
        return this;
    }

    /** {@code revalidate(false)}: cache the response until one of its tags is revalidated. */
    public FetchInit revalidate(boolean revalidate) {
        this.revalidate = DataOptions.revalidate(revalidate);
        return this;
    }

    /** Tags for {@link Cache#revalidateTag}: they mark the cached data and the cached response being rendered. */
    public FetchInit tags(String... newTags) {
        DataOptions.addTags(tags, newTags);
        return this;
    }

    /** How long to wait for the response headers (default 30 s); a {@link FetchException} after that. */
    public FetchInit timeout(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("A fetch timeout must be positive, got " + duration);
        }
        this.timeout = duration;
        return this;
    }

    // RFC 9110 token characters
    private static boolean isTokenChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
