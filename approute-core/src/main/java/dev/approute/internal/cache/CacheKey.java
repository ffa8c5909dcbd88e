package dev.approute.internal.cache;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The key of a cached GET response: the canonical request path the router served ({@code CanonicalPath.Ok}), never
 * the query, a header or the method.
 *
 * <ul>
 *   <li><b>GET only.</b> HEAD is answered from the GET entry; no other method is ever cached, so the method is not in
 *       the key.</li>
 *   <li><b>No query.</b> A cached route renders from a stripped request, as Next's force-static does (SPEC 12.2:
 *       search {@code ""}, headers and cookies empty), so the query cannot change the body and {@code ?x=1} is the
 *       same entry as no query. This is also why no request input can create or select an entry
 *       (CVE-2024-46982 class): anything after {@code ?} or {@code #} is dropped here.</li>
 *   <li><b>One spelling per path.</b> Percent-escapes of unreserved characters are decoded and the others upper-cased
 *       (RFC 3986 §6.2.2), and a trailing slash is dropped (except {@code /}), so {@code /api/%73tatic},
 *       {@code /api/static/} and {@code /api/static} share one entry and one {@code revalidatePath}.</li>
 * </ul>
 *
 * <pre>{@code
 * CacheKey key = CacheKey.of("/api/products/42", "/api/products/[id]");
 * key.value();          // "/api/products/42"
 * key.implicitTags();   // _N_T_/api/products/42, _N_T_/api/products/[id], _N_T_/layout, _N_T_/api/layout, ...
 * }</pre>
 *
 * @param value       the normalized path: the string a {@link CacheHandler} stores under
 * @param routePattern the route's pattern ({@code /api/products/[id]}), or null when not known
 */
public record CacheKey(String value, String routePattern) {
    /** Prefix of the tags Next derives from paths ({@code NEXT_CACHE_IMPLICIT_TAG_ID}). */
    public static final String IMPLICIT_TAG_PREFIX = "_N_T_";

    public CacheKey {
        if (value == null || !value.startsWith("/")) {
            throw new IllegalArgumentException("A cache key is a path starting with '/', got " + value);
        }
    }

    public static CacheKey of(String canonicalPath) {
        return new CacheKey(normalize(canonicalPath), null);
    }

    /** @param routePattern the matched route's pattern, so {@code revalidatePath("/blog/[slug]")} reaches every slug */
    public static CacheKey of(String canonicalPath, String routePattern) {
        return new CacheKey(normalize(canonicalPath), routePattern == null ? null : normalize(routePattern));
    }

    /** The tag {@code revalidatePath(path)} revalidates: the path's own (a concrete path or a route pattern). */
    public static String pathTag(String path) {
        return IMPLICIT_TAG_PREFIX + normalize(path);
    }

    /** The tag {@code revalidatePath(path, "layout")} revalidates: every cached path at or under {@code path}. */
    public static String layoutTag(String path) {
        String normalized = normalize(path);
        return IMPLICIT_TAG_PREFIX + (normalized.equals("/") ? "" : normalized) + "/layout";
    }

    /** The tags every entry under this key carries: its path, its route pattern, and a layout tag per ancestor. */
    public Set<String> implicitTags() {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(pathTag(value));
        if (routePattern != null) {
            tags.add(pathTag(routePattern));
        }
        tags.add(layoutTag("/"));
        int slash = 0;
        while (slash >= 0 && slash < value.length() - 1) {
            int next = value.indexOf('/', slash + 1);
            String prefix = next < 0 ? value : value.substring(0, next);
            tags.add(layoutTag(prefix));
            slash = next;
        }
        return tags;
    }

    /** The path as keys and path tags use it; see the class comment. */
    public static String normalize(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("A cached path starts with '/', got " + path);
        }
        if (isNormal(path)) {
            return path; // the router's canonical paths usually are: no copy per request
        }
        int end = path.length();
        int query = path.indexOf('?');
        if (query >= 0) {
            end = query;
        }
        int fragment = path.indexOf('#');
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        StringBuilder out = new StringBuilder(end);
        for (int i = 0; i < end; i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < end && isHex(path.charAt(i + 1)) && isHex(path.charAt(i + 2))) {
                int decoded = Integer.parseInt(path.substring(i + 1, i + 3), 16);
                if (isUnreserved(decoded)) {
                    out.append((char) decoded);
                } else {
                    out.append('%').append(path.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        while (out.length() > 1 && out.charAt(out.length() - 1) == '/') {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    private static boolean isNormal(String path) {
        int length = path.length();
        if (length > 1 && path.charAt(length - 1) == '/') {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = path.charAt(i);
            if (c == '%' || c == '?' || c == '#') {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    // RFC 3986 §2.3: ALPHA / DIGIT / "-" / "." / "_" / "~"
    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
