package dev.approute.internal.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.approute.Cookie;
import dev.approute.CookieStore;
import dev.approute.RequestCookies;
import dev.approute.internal.util.PercentDecoding;

/**
 * The request's cookies (parsed as Next.js's {@code parseCookie}) and the handler's cookie store.
 * {@link #readOnly} is what {@code request.cookies()} shows: exactly what was sent. The store ({@code Current.cookies()})
 * behaves as Next.js's: its entries carry {@code Path=/}, a deleted cookie stays listed with an empty value and an
 * expiry in 1970, and the changed cookies become {@code Set-Cookie} headers in the store's order.
 */
public final class CookieJar implements CookieStore {
    // Parsed on first use: most requests never look at their cookies.
    private final Supplier<List<String>> cookieHeaders;
    private Map<String, Cookie> sent;
    private LinkedHashMap<String, Cookie> store;
    private Set<String> changed;

    private CookieJar(Supplier<List<String>> cookieHeaders) {
        this.cookieHeaders = cookieHeaders;
    }

    /** A jar over the request's {@code Cookie} headers, read when a cookie is first asked for. */
    public static CookieJar lazy(Supplier<List<String>> cookieHeaders) {
        return new CookieJar(cookieHeaders);
    }

    /** Parses {@code Cookie} headers now. */
    public static CookieJar parse(List<String> cookieHeaders) {
        return new CookieJar(() -> cookieHeaders);
    }

    private void ensureParsed() {
        if (sent != null) {
            return;
        }
        sent = Collections.unmodifiableMap(parseHeaders(cookieHeaders.get()));
        store = new LinkedHashMap<>();
        sent.forEach((name, cookie) -> store.put(name, cookie.withPath("/")));
        changed = new HashSet<>();
    }

    /** Pairs split on {@code ;}, values percent-decoded, last duplicate wins, a bare name has the value "true". */
    private static Map<String, Cookie> parseHeaders(List<String> cookieHeaders) {
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
                    parsed.put(name, Cookie.of(name, PercentDecoding.decodeStrict(trimmed.substring(equals + 1))));
                } catch (IllegalArgumentException malformed) {
                    // Next.js skips a cookie whose value cannot be decoded; so do we.
                }
            }
        }
        return parsed;
    }

    /** The cookies as the request sent them; unaffected by the store's changes. */
    public static RequestCookies readOnly(CookieJar jar) {
        return new RequestCookies() {
            @Override
            public Cookie get(String name) {
                return jar.sent().get(name);
            }

            @Override
            public boolean has(String name) {
                return jar.sent().containsKey(name);
            }

            @Override
            public List<Cookie> getAll() {
                return List.copyOf(jar.sent().values());
            }
        };
    }

    private synchronized Map<String, Cookie> sent() {
        ensureParsed();
        return sent;
    }

    @Override
    public synchronized Cookie get(String name) {
        ensureParsed();
        return store.get(name);
    }

    @Override
    public synchronized boolean has(String name) {
        ensureParsed();
        return store.containsKey(name);
    }

    @Override
    public synchronized List<Cookie> getAll() {
        ensureParsed();
        return List.copyOf(store.values());
    }

    @Override
    public synchronized CookieStore set(Cookie cookie) {
        ensureParsed();
        Cookie normalized = cookie.path() == null ? cookie.withPath("/") : cookie;
        if (normalized.maxAge() != null && normalized.expires() == null) {
            normalized = normalized.withExpires(Instant.now().plusSeconds(normalized.maxAge()));
        }
        store.put(cookie.name(), normalized);
        changed.add(cookie.name());
        return this;
    }

    @Override
    public synchronized CookieStore delete(String name) {
        ensureParsed();
        store.put(name, Cookie.of(name, "").withPath("/").withExpires(Instant.EPOCH));
        changed.add(name);
        return this;
    }

    /** {@code Set-Cookie} values for what was set or deleted, in the store's order. */
    public synchronized List<String> setCookieHeaders() {
        if (changed == null) {
            return List.of();
        }
        List<String> headers = new ArrayList<>(changed.size());
        store.values().forEach(cookie -> {
            if (changed.contains(cookie.name())) {
                headers.add(cookie.toSetCookie());
            }
        });
        return headers;
    }

    public synchronized boolean hasChanges() {
        return changed != null && !changed.isEmpty();
    }
}
