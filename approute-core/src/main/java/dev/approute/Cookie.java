package dev.approute;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.approute.internal.util.PercentEncoding;

/**
 * A cookie: what a request sent ({@code name} and {@code value} only) or what a response sets.
 * Immutable; the {@code with...} methods return a copy.
 *
 * <pre>{@code
 * Current.cookies().set(Cookie.of("session", token).withHttpOnly(true).withSecure(true)
 *         .withSameSite("lax").withPath("/api").withMaxAge(3600));
 * }</pre>
 *
 * @param maxAge seconds, or null when not set
 * @param sameSite {@code "lax"}, {@code "strict"}, {@code "none"} or null; written as given, like Next.js
 */
public record Cookie(String name, String value, String path, String domain, Instant expires, Long maxAge,
                     boolean secure, boolean httpOnly, String sameSite, boolean partitioned, String priority) {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ROOT).withZone(ZoneOffset.UTC);

    public Cookie {
        if (name == null) {
            throw new IllegalArgumentException("A cookie needs a name");
        }
        value = value == null ? "" : value;
        if (sameSite != null && !(sameSite.equalsIgnoreCase("lax") || sameSite.equalsIgnoreCase("strict") || sameSite.equalsIgnoreCase("none"))) {
            throw new IllegalArgumentException("Cookie '" + name + "': sameSite must be \"lax\", \"strict\" or \"none\", got \"" + sameSite + "\"");
        }
    }

    public static Cookie of(String name, String value) {
        return new Cookie(name, value, null, null, null, null, false, false, null, false, null);
    }

    public Cookie withValue(String newValue) {
        return new Cookie(name, newValue, path, domain, expires, maxAge, secure, httpOnly, sameSite, partitioned, priority);
    }

    public Cookie withPath(String newPath) {
        return new Cookie(name, value, newPath, domain, expires, maxAge, secure, httpOnly, sameSite, partitioned, priority);
    }

    public Cookie withDomain(String newDomain) {
        return new Cookie(name, value, path, newDomain, expires, maxAge, secure, httpOnly, sameSite, partitioned, priority);
    }

    public Cookie withExpires(Instant newExpires) {
        return new Cookie(name, value, path, domain, newExpires, maxAge, secure, httpOnly, sameSite, partitioned, priority);
    }

    public Cookie withMaxAge(long seconds) {
        return new Cookie(name, value, path, domain, expires, seconds, secure, httpOnly, sameSite, partitioned, priority);
    }

    public Cookie withSecure(boolean newSecure) {
        return new Cookie(name, value, path, domain, expires, maxAge, newSecure, httpOnly, sameSite, partitioned, priority);
    }

    public Cookie withHttpOnly(boolean newHttpOnly) {
        return new Cookie(name, value, path, domain, expires, maxAge, secure, newHttpOnly, sameSite, partitioned, priority);
    }

    public Cookie withSameSite(String newSameSite) {
        return new Cookie(name, value, path, domain, expires, maxAge, secure, httpOnly, newSameSite, partitioned, priority);
    }

    public Cookie withPartitioned(boolean newPartitioned) {
        return new Cookie(name, value, path, domain, expires, maxAge, secure, httpOnly, sameSite, newPartitioned, priority);
    }

    /**
     * The {@code Set-Cookie} header value, serialized as Next.js does: the value percent-encoded like
     * {@code encodeURIComponent}, then Path, Expires, Max-Age, Domain, Secure, HttpOnly, SameSite, Partitioned, Priority.
     */
    public String toSetCookie() {
        StringBuilder out = new StringBuilder(name).append('=').append(PercentEncoding.encodeSegment(value));
        if (path != null && !path.isEmpty()) {
            out.append("; Path=").append(path);
        }
        if (expires != null) {
            out.append("; Expires=").append(IMF_FIXDATE.format(expires));
        }
        if (maxAge != null) {
            out.append("; Max-Age=").append(maxAge);
        }
        if (domain != null && !domain.isEmpty()) {
            out.append("; Domain=").append(domain);
        }
        if (secure) {
            out.append("; Secure");
        }
        if (httpOnly) {
            out.append("; HttpOnly");
        }
        if (sameSite != null) {
            out.append("; SameSite=").append(sameSite);
        }
        if (partitioned) {
            out.append("; Partitioned");
        }
        if (priority != null) {
            out.append("; Priority=").append(priority);
        }
        return out.toString();
    }

    /** The value is redacted: cookies are credentials. */
    @Override
    public String toString() {
        return "Cookie{" + name + "=██" + (path == null ? "" : ", path=" + path) + "}";
    }

}
