package dev.approute.internal.router;

import java.util.ArrayList;
import java.util.List;

import dev.approute.internal.util.PercentDecoding;

/**
 * The one canonical form of a request path, used by the router, middleware and cache keys alike.
 *
 * <ol>
 *   <li>Dot segments are resolved as the WHATWG URL parser does, percent-encoded ones too ({@code %2e%2e}),
 *       and the result is served without a redirect, as Next.js does.</li>
 *   <li>Then {@code //}, {@code \} or a trailing {@code /} (not at the root) redirect (308) to the collapsed,
 *       slash-less path in one hop, where Next.js sometimes needs two.</li>
 * </ol>
 * Escapes are normalized as RFC 3986 §6.2.2 says, also without a redirect: those of unreserved characters decoded
 * ({@code /%61dmin} is {@code /admin}), the hex digits of the others upper-cased ({@code %c3%a9} is {@code %C3%A9});
 * reserved ones ({@code %2F}) stay, and the router decodes per segment, after splitting. So the path middleware code
 * compares ({@code pathname().startsWith("/admin")}), the approute.json sources and the route table agree on what
 * it names. A malformed escape ({@code %ZZ}, a truncated one, bytes that are not UTF-8) anywhere makes the path
 * invalid (400): every later step can decode any segment without failing.
 *
 * <pre>{@code
 * PathCanonicalizer.canonicalize("/api/items/../hello");   // Ok("/api/hello")
 * PathCanonicalizer.canonicalize("/%61pi/caf%c3%a9");      // Ok("/api/caf%C3%A9")
 * PathCanonicalizer.canonicalize("/api/hello//");          // Redirect("/api/hello")
 * PathCanonicalizer.canonicalize("/api/items/%2E%2E");     // Redirect("/api")
 * PathCanonicalizer.canonicalize("api/hello");             // Invalid(...)
 * PathCanonicalizer.canonicalize("/api/items/%ZZ");        // Invalid(...)
 * }</pre>
 */
public final class PathCanonicalizer {
    private PathCanonicalizer() {
    }

    /** With Next's default {@code trailingSlash: false}. */
    public static CanonicalPath canonicalize(String rawPath) {
        if (rawPath != null && isAlreadyCanonical(rawPath)) {
            return new CanonicalPath.Ok(rawPath);
        }
        return canonicalize(rawPath, false);
    }

    /**
     * The common case in one scan: no escape (each '%' needs normalizing), no dot segment, no '\', no "//", no
     * trailing '/'. Conservative: a path it refuses still goes through the full rules.
     */
    private static boolean isAlreadyCanonical(String path) {
        int length = path.length();
        if (length == 0 || path.charAt(0) != '/' || (length > 1 && path.charAt(length - 1) == '/')) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = path.charAt(i);
            if (c == '\\') {
                return false;
            }
            if (c == '/' && i + 1 < length && (path.charAt(i + 1) == '/' || path.charAt(i + 1) == '.')) {
                return false;
            }
            if (c == '%') {
                return false;
            }
        }
        return true;
    }

    /**
     * @param trailingSlash Next's {@code trailingSlash: true}: paths end with {@code /} unless the last segment looks
     *                      like a file ({@code rss.xml}); {@code /.well-known/...} is left alone
     */
    public static CanonicalPath canonicalize(String rawPath, boolean trailingSlash) {
        return canonicalize(rawPath, trailingSlash ? TrailingSlash.ADD : TrailingSlash.REMOVE);
    }

    /** What the canonical form does with a trailing {@code /} (approute.json {@code trailingSlash}, {@code skipTrailingSlashRedirect}). */
    public enum TrailingSlash {
        /** {@code trailingSlash: false} (the default): {@code /x/} redirects to {@code /x}. */
        REMOVE,
        /** {@code trailingSlash: true}: {@code /x} redirects to {@code /x/}, except a last segment like {@code rss.xml}. */
        ADD,
        /** {@code skipTrailingSlashRedirect: true}: the slash is left as sent (the router ignores one trailing slash). */
        KEEP
    }

    public static CanonicalPath canonicalize(String rawPath, TrailingSlash rule) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return new CanonicalPath.Invalid("request path must start with '/': " + rawPath);
        }
        String normalized;
        try {
            normalized = normalizeEscapes(rawPath);
        } catch (PercentDecoding.MalformedEncodingException e) {
            return new CanonicalPath.Invalid("malformed percent-encoding: " + e.getMessage());
        }
        String resolved = needsDotResolution(normalized) ? resolveDots(normalized) : normalized;
        boolean unclean = resolved.indexOf('\\') >= 0 || resolved.contains("//");
        String collapsed = unclean ? collapse(resolved) : resolved;
        String target = switch (rule) {
            case REMOVE -> withoutTrailingSlash(collapsed);
            case ADD -> withTrailingSlashRule(collapsed);
            case KEEP -> collapsed;
        };
        if (unclean || !target.equals(resolved)) {
            return new CanonicalPath.Redirect(target);
        }
        return new CanonicalPath.Ok(resolved);
    }

    /**
     * {@code path} with unreserved escapes decoded and the others' hex upper-cased; itself when it has no {@code %}.
     *
     * @throws PercentDecoding.MalformedEncodingException when a segment does not decode (as the router would find)
     */
    private static String normalizeEscapes(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        int start = 1;
        while (start <= path.length()) {
            int end = start;
            while (end < path.length() && path.charAt(end) != '/' && path.charAt(end) != '\\') {
                end++;
            }
            int percent = path.indexOf('%', start);
            if (percent >= 0 && percent < end) {
                RequestSegments.literalForm(path.substring(start, end));
            }
            start = end + 1;
        }
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            int value = Character.digit(path.charAt(i + 1), 16) << 4 | Character.digit(path.charAt(i + 2), 16);
            if (isUnreserved(value)) {
                out.append((char) value);
            } else {
                out.append('%').append(Character.toUpperCase(path.charAt(i + 1))).append(Character.toUpperCase(path.charAt(i + 2)));
            }
            i += 2;
        }
        return out.toString();
    }

    // RFC 3986 §2.3: ALPHA / DIGIT / "-" / "." / "_" / "~"
    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static boolean needsDotResolution(String path) {
        return path.contains("/.") || path.contains("\\.") || containsIgnoreCase(path, "%2e");
    }

    // WHATWG URL "path state": '\' is a separator in special URLs; "." and ".." (also %2e forms) are dot segments;
    // a dot segment at the end leaves a trailing slash behind.
    private static String resolveDots(String path) {
        List<String> out = new ArrayList<>();
        int start = 1;
        int length = path.length();
        while (start <= length) {
            int end = start;
            while (end < length && path.charAt(end) != '/' && path.charAt(end) != '\\') {
                end++;
            }
            String segment = path.substring(start, end);
            boolean last = end >= length;
            if (isDoubleDot(segment)) {
                if (!out.isEmpty()) {
                    out.removeLast();
                }
                if (last) {
                    out.add("");
                }
            } else if (isSingleDot(segment)) {
                if (last) {
                    out.add("");
                }
            } else {
                out.add(segment);
            }
            start = end + 1;
        }
        return "/" + String.join("/", out);
    }

    private static boolean isSingleDot(String segment) {
        return segment.equals(".") || segment.equalsIgnoreCase("%2e");
    }

    private static boolean isDoubleDot(String segment) {
        return segment.equals("..") || segment.equalsIgnoreCase(".%2e") || segment.equalsIgnoreCase("%2e.")
                || segment.equalsIgnoreCase("%2e%2e");
    }

    private static String collapse(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i) == '\\' ? '/' : path.charAt(i);
            if (c != '/' || out.isEmpty() || out.charAt(out.length() - 1) != '/') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    // Next's two trailingSlash:true redirects: "/:file((?!\.well-known)...[^/]+\.\w+)/" -> no slash,
    // "/:notfile((?!\.well-known)...[^/.]+)" -> slash added. A last segment with a dot that is not "name.ext" matches neither.
    private static String withTrailingSlashRule(String path) {
        if (path.equals("/") || path.startsWith("/.well-known")) {
            return path;
        }
        String bare = withoutTrailingSlash(path);
        String last = bare.substring(bare.lastIndexOf('/') + 1);
        if (looksLikeFile(last)) {
            return bare;
        }
        return last.indexOf('.') < 0 ? bare + "/" : path;
    }

    private static boolean looksLikeFile(String segment) {
        int dot = segment.lastIndexOf('.');
        if (dot < 1 || dot == segment.length() - 1) {
            return false;
        }
        for (int i = dot + 1; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsIgnoreCase(String text, String needle) {
        for (int i = 0; i + needle.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }
}
