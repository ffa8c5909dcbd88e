package dev.approute.internal.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.approute.Cookie;
import dev.approute.CookieStore;
import dev.approute.RequestCookies;
import dev.approute.internal.util.PercentDecoding;

/**
 * The request's cookies (parsed as Next.js's {@code parseCookie}) plus what the handler set or deleted,
 * which becomes {@code Set-Cookie} headers on the way out.
 */
public final class CookieJar implements CookieStore {
    private final Map<String, Cookie> current;
    // Insertion-ordered: the order Set-Cookie headers are written in.
    private final Map<String, Cookie> changes = new LinkedHashMap<>();

    private CookieJar(Map<String, Cookie> parsed) {
        this.current = parsed;
    }

    /** Parses a {@code Cookie} header: pairs split on {@code ";"}, last duplicate wins, bare name = "true". */
    public static CookieJar parse(List<String> cookieHeaders) {
        Map<String, Cookie> parsed = new LinkedHashMap<>();
        for (String header : cookieHeaders) {
            for (String pair : header.split(";")) {
                String trimmed = pair.stripLeading();
                if (trimmed.isEmpty()) {
                    continue;
                }
                int equals = trimmed.indexOf('=');
                if (equals < 0) {
                    parsed.put(trimmed, Cookie.of(trimmed, "true"));
                    continue;
                }
                String name = trimmed.substring(0, equals);
                try {
                    String value = PercentDecoding.decodeStrict(trimmed.substring(equals + 1));
                    parsed.put(name, Cookie.of(name, value));
                } catch (IllegalArgumentException malformed) {
                    // Next.js skips a cookie whose value cannot be decoded; so do we.
                }
            }
        }
        return new CookieJar(parsed);
    }

    public static RequestCookies readOnly(CookieJar jar) {
        return new RequestCookies() {
            @Override
            public Cookie get(String name) {
                return jar.get(name);
            }

            @Override
            public boolean has(String name) {
                return jar.has(name);
            }

            @Override
            public List<Cookie> getAll() {
                return jar.getAll();
            }
        };
    }

    @Override
    public synchronized Cookie get(String name) {
        return current.get(name);
    }

    @Override
    public synchronized boolean has(String name) {
        return current.containsKey(name);
    }

    @Override
    public synchronized List<Cookie> getAll() {
        return List.copyOf(current.values());
    }

    @Override
    public synchronized CookieStore set(Cookie cookie) {
        Cookie normalized = cookie.path() == null ? cookie.withPath("/") : cookie;
        if (normalized.maxAge() != null && normalized.expires() == null) {
            normalized = normalized.withExpires(Instant.now().plusSeconds(normalized.maxAge()));
        }
        current.put(cookie.name(), normalized);
        changes.remove(cookie.name());
        changes.put(cookie.name(), normalized);
        return this;
    }

    @Override
    public synchronized CookieStore delete(String name) {
        current.remove(name);
        changes.remove(name);
        changes.put(name, Cookie.of(name, "").withPath("/").withExpires(Instant.EPOCH));
        return this;
    }

    /** The {@code Set-Cookie} values for what was set or deleted, in order. */
    public synchronized List<String> setCookieHeaders() {
        List<String> headers = new ArrayList<>(changes.size());
        changes.values().forEach(cookie -> headers.add(cookie.toSetCookie()));
        return headers;
    }

    public synchronized boolean hasChanges() {
        return !changes.isEmpty();
    }
}
