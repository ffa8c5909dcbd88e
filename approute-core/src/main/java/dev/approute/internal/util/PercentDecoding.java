package dev.approute.internal.util;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Percent-decoding, strict for path segments and lenient for queries and forms, as browsers do. */
public final class PercentDecoding {
    private PercentDecoding() {
    }

    /** Thrown for {@code %ZZ}, a truncated escape or bytes that are not UTF-8: the client sent a bad URL (400). */
    public static final class MalformedEncodingException extends IllegalArgumentException {
        public MalformedEncodingException(String message) {
            super(message);
        }
    }

    /** {@link #decodeStrict(String)} of {@code text[start, end)}, for callers that walk a path by index. */
    public static String decodeStrict(String text, int start, int end) {
        int percent = text.indexOf('%', start);
        if (percent < 0 || percent >= end) {
            return text.substring(start, end);
        }
        return decodeStrict(text.substring(start, end));
    }

    /**
     * ECMAScript {@code decodeURIComponent}: {@code %XX} escapes decoded as UTF-8, {@code +} kept.
     * Returns {@code text} itself when it holds no {@code %}.
     */
    public static String decodeStrict(String text) {
        int first = text.indexOf('%');
        if (first < 0) {
            return text;
        }
        // Decoded bytes are never more than the text's length: one buffer, one String at the end.
        byte[] bytes = new byte[text.length()];
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new MalformedEncodingException("truncated percent-escape in '" + text + "'");
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new MalformedEncodingException("invalid percent-escape '" + text.substring(i, i + 3) + "'");
                }
                bytes[length++] = (byte) (high << 4 | low);
                i += 2;
            } else if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else {
                // Already-decoded text beyond ASCII (rare in a request path): keep it exactly.
                return decodeMixed(text);
            }
        }
        if (!isUtf8(bytes, length)) {
            throw new MalformedEncodingException("percent-escapes in '" + text + "' are not valid UTF-8");
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** RFC 3629 well-formed UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF. */
    static boolean isUtf8(byte[] bytes, int length) {
        int i = 0;
        while (i < length) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                i++;
                continue;
            }
            int needed;
            int min;
            if (b >= 0xc2 && b <= 0xdf) {
                needed = 1;
                min = 0x80;
            } else if (b >= 0xe0 && b <= 0xef) {
                needed = 2;
                min = 0x800;
            } else if (b >= 0xf0 && b <= 0xf4) {
                needed = 3;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + needed >= length) {
                return false;
            }
            int codePoint = b & (0x3f >> needed);
            for (int k = 1; k <= needed; k++) {
                int next = bytes[i + k] & 0xff;
                if ((next & 0xc0) != 0x80) {
                    return false;
                }
                codePoint = codePoint << 6 | (next & 0x3f);
            }
            if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
                return false;
            }
            i += needed + 1;
        }
        return true;
    }

    // A segment mixing raw non-ASCII characters and escapes: decode each run of escapes on its own.
    private static String decodeMixed(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) != '%') {
                out.append(text.charAt(i++));
                continue;
            }
            int runEnd = i;
            while (runEnd < text.length() && text.charAt(runEnd) == '%') {
                runEnd = Math.min(text.length(), runEnd + 3);
            }
            out.append(decodeStrict(text.substring(i, runEnd)));
            i = runEnd;
        }
        return out.toString();
    }

    /** WHATWG application/x-www-form-urlencoded value decoding: {@code +} is a space, bad escapes stay, bad UTF-8 becomes U+FFFD. */
    public static String decodeFormLenient(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%' && i + 2 < raw.length && isHex(raw[i + 1]) && isHex(raw[i + 2])) {
                bytes.write(Character.digit(raw[i + 1], 16) << 4 | Character.digit(raw[i + 2], 16));
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }

}
