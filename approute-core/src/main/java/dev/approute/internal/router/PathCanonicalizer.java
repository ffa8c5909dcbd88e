package dev.approute.internal.router;

import java.util.ArrayList;
import java.util.List;

/**
 * The one canonical form of a request path, used by the router, middleware and cache keys alike.
 *
 * <ol>
 *   <li>Dot segments are resolved as the WHATWG URL parser does, percent-encoded ones too ({@code %2e%2e}),
 *       and the result is served without a redirect, as Next.js does.</li>
 *   <li>Then {@code //}, {@code \} or a trailing {@code /} (not at the root) redirect (308) to the collapsed,
 *       slash-less path in one hop, where Next.js sometimes needs two.</li>
 * </ol>
 * Percent-encoding is otherwise kept: the router decodes per segment, after splitting.
 *
 * <pre>{@code
 * PathCanonicalizer.canonicalize("/api/items/../hello");   // Ok("/api/hello")
 * PathCanonicalizer.canonicalize("/api/hello//");          // Redirect("/api/hello")
 * PathCanonicalizer.canonicalize("/api/items/%2E%2E");     // Redirect("/api")
 * PathCanonicalizer.canonicalize("api/hello");             // Invalid(...)
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
     * The common case in one scan: no dot segment (nor anything that may spell one: "/.", "%2e"), no '\', no "//",
     * no trailing '/'. Conservative: a path it refuses still goes through the full rules.
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
            if (c == '%' && i + 2 < length && path.charAt(i + 1) == '2' && (path.charAt(i + 2) | 0x20) == 'e') {
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
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return new CanonicalPath.Invalid("request path must start with '/': " + rawPath);
        }
        String resolved = needsDotResolution(rawPath) ? resolveDots(rawPath) : rawPath;
        boolean unclean = resolved.indexOf('\\') >= 0 || resolved.contains("//");
        String collapsed = unclean ? collapse(resolved) : resolved;
        String target = trailingSlash ? withTrailingSlashRule(collapsed) : withoutTrailingSlash(collapsed);
        if (unclean || !target.equals(resolved)) {
            return new CanonicalPath.Redirect(target);
        }
        return new CanonicalPath.Ok(resolved);
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
