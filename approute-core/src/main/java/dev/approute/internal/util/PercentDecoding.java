package dev.approute.internal.util;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
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

    /**
     * ECMAScript {@code decodeURIComponent}: {@code %XX} escapes decoded as UTF-8, {@code +} kept.
     * Returns {@code text} itself when it holds no {@code %}.
     */
    public static String decodeStrict(String text) {
        int first = text.indexOf('%');
        if (first < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, first);
        int i = first;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            bytes.reset();
            while (i < text.length() && text.charAt(i) == '%') {
                if (i + 2 >= text.length()) {
                    throw new MalformedEncodingException("truncated percent-escape in '" + text + "'");
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new MalformedEncodingException("invalid percent-escape '" + text.substring(i, i + 3) + "'");
                }
                bytes.write(high << 4 | low);
                i += 3;
            }
            out.append(decodeUtf8Strict(bytes.toByteArray(), text));
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

    private static String decodeUtf8Strict(byte[] bytes, String original) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new MalformedEncodingException("percent-escapes in '" + original + "' are not valid UTF-8");
        }
    }
}
