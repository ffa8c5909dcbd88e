package dev.approute.internal.cache;

import java.util.Locale;
import java.util.Optional;

import dev.approute.Headers;

/**
 * Whether a rendered response may be stored and served to others: a pure predicate, so logs and
 * {@code routes --json} can say why a response was not cached.
 *
 * <pre>{@code
 * Storability.check(rendered)                      // Optional.empty(): store it
 *         .ifPresent(reason -> log(reason.message()));
 * }</pre>
 */
public final class Storability {
    private Storability() {
    }

    /** Why a response was not stored. */
    public enum NotStored {
        HEAD_RESPONSE("rendered for HEAD, so it has no body (CVE-2025-49826 class)"),
        PARTIAL_BODY("the body is incomplete: a stream failed or was cut off, 206, Content-Range, or a Content-Length that does not match"),
        NO_CONTENT("204/205 responses are never cached: an empty response must not replace the content (CVE-2025-49826)"),
        NOT_2XX("only 2xx responses are cached"),
        SET_COOKIE("the response sets a cookie"),
        CACHE_CONTROL_PRIVATE("the response says Cache-Control: private"),
        CACHE_CONTROL_NO_STORE("the response says Cache-Control: no-store"),
        VARY_STAR("the response says Vary: *"),
        READ_COOKIES("the render read the request's cookies (CVE-2025-57752 class)"),
        READ_AUTHORIZATION("the render read the request's Authorization (CVE-2025-57752 class)"),
        UNCACHED_DATA("the render read data with caching turned off (no-store, revalidate 0, a no-store fetchCache): "
                + "the route renders on every request, as Next.js makes it dynamic");

        private final String message;

        NotStored(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** The first rule {@code response} breaks, or empty when it may be stored. */
    public static Optional<NotStored> check(CachedResponse response) {
        Headers headers = response.headers();
        if (response.forHead()) {
            return Optional.of(NotStored.HEAD_RESPONSE);
        }
        if (!response.bodyComplete() || response.status() == 206 || headers.has("content-range")
                || !contentLengthMatches(headers, response.bodyUnsafe().length)) {
            return Optional.of(NotStored.PARTIAL_BODY);
        }
        if (response.status() == 204 || response.status() == 205) {
            return Optional.of(NotStored.NO_CONTENT);
        }
        if (response.status() < 200 || response.status() > 299) {
            return Optional.of(NotStored.NOT_2XX);
        }
        if (headers.has("set-cookie")) {
            return Optional.of(NotStored.SET_COOKIE);
        }
        for (String value : headers.getAll("cache-control")) {
            for (String directive : value.split(",")) {
                String name = directiveName(directive);
                if (name.equals("private")) {
                    return Optional.of(NotStored.CACHE_CONTROL_PRIVATE);
                }
                if (name.equals("no-store")) {
                    return Optional.of(NotStored.CACHE_CONTROL_NO_STORE);
                }
            }
        }
        for (String value : headers.getAll("vary")) {
            for (String field : value.split(",")) {
                if (field.strip().equals("*")) {
                    return Optional.of(NotStored.VARY_STAR);
                }
            }
        }
        if (response.observed().readCookies()) {
            return Optional.of(NotStored.READ_COOKIES);
        }
        if (response.observed().readAuthorization()) {
            return Optional.of(NotStored.READ_AUTHORIZATION);
        }
        if (!response.observed().uncachedData().isEmpty()) {
            return Optional.of(NotStored.UNCACHED_DATA);
        }
        return Optional.empty();
    }

    // `private`, ` Private="set-cookie"` -> "private"
    private static String directiveName(String directive) {
        String name = directive.strip();
        int equals = name.indexOf('=');
        if (equals >= 0) {
            name = name.substring(0, equals).strip();
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private static boolean contentLengthMatches(Headers headers, int bodyLength) {
        for (String value : headers.getAll("content-length")) {
            try {
                if (Long.parseLong(value.strip()) != bodyLength) {
                    return false;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }
}
