package dev.approute.internal.util;

import java.nio.charset.StandardCharsets;

/** Percent-encoding of one URL path segment, as ECMAScript's {@code encodeURIComponent}. */
public final class PercentEncoding {
    private PercentEncoding() {
    }

    /** Keeps A-Z a-z 0-9 - _ . ! ~ * ' ( ), UTF-8 percent-encodes the rest (so {@code /} becomes {@code %2F}). */
    public static String encodeSegment(String text) {
        StringBuilder out = null;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean keep = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                    || "-_.!~*'()".indexOf(b) >= 0;
            if (keep && out == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(bytes.length + 16).append(new String(bytes, 0, i, StandardCharsets.UTF_8));
            }
            if (keep) {
                out.append((char) b);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out == null ? text : out.toString();
    }
}
