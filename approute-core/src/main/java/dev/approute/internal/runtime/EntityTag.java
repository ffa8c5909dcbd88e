package dev.approute.internal.runtime;

/**
 * ETags for complete bodies (approute.json {@code generateEtags}, on by default) and the If-None-Match check that
 * turns a repeat GET into a 304. The tag is a 64-bit FNV-1a hash plus the length, like Next.js's fnv1a52 tags: cheap
 * enough for every response, and a changed body changes it.
 *
 * <pre>{@code
 * String tag = EntityTag.of(body);                          // "\"1k-3c0b1e9f2a7d5e41\""
 * EntityTag.matches("W/\"1k-3c0b1e9f2a7d5e41\"", tag);      // true: If-None-Match compares weakly
 * }</pre>
 */
final class EntityTag {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private EntityTag() {
    }

    /** A strong tag of the identity body. */
    static String of(byte[] body) {
        long hash = FNV_OFFSET;
        for (byte b : body) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return "\"" + Integer.toString(body.length, 36) + "-" + Long.toUnsignedString(hash, 36) + "\"";
    }

    /** The same tag marked weak: a gzipped body is another representation (RFC 9110 §8.8.1), equal only weakly. */
    static String weak(String tag) {
        return tag.startsWith("W/") ? tag : "W/" + tag;
    }

    /** RFC 9110 §13.1.2: If-None-Match uses the weak comparison; {@code *} matches any current representation. */
    static boolean matches(String ifNoneMatch, String tag) {
        String opaque = opaque(tag);
        int i = 0;
        int length = ifNoneMatch.length();
        while (i < length) {
            while (i < length && (ifNoneMatch.charAt(i) == ' ' || ifNoneMatch.charAt(i) == ',' || ifNoneMatch.charAt(i) == '\t')) {
                i++;
            }
            if (i >= length) {
                break;
            }
            if (ifNoneMatch.charAt(i) == '*') {
                return true;
            }
            int start = i;
            if (ifNoneMatch.startsWith("W/", i)) {
                i += 2;
            }
            if (i < length && ifNoneMatch.charAt(i) == '"') {
                int close = ifNoneMatch.indexOf('"', i + 1);
                if (close < 0) {
                    return false;
                }
                if (ifNoneMatch.regionMatches(i, opaque, 0, opaque.length()) && close + 1 - i == opaque.length()) {
                    return true;
                }
                i = close + 1;
            } else {
                // Not a tag: skip to the next comma.
                int comma = ifNoneMatch.indexOf(',', start);
                i = comma < 0 ? length : comma + 1;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
