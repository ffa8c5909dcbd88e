package dev.approute.internal.config;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Sizes as Next.js writes them ({@code "1mb"}, {@code "500kb"}, the npm {@code bytes} format): a number, optionally
 * with a fraction, then {@code b}, {@code kb}, {@code mb} or {@code gb} (powers of 1024); no unit means bytes.
 *
 * <pre>{@code
 * ByteSize.parse("10mb");    // 10485760
 * ByteSize.parse("1.5kb");   // 1536
 * ByteSize.parse("lots");    // null
 * }</pre>
 */
public final class ByteSize {
    private ByteSize() {
    }

    /** @return the size in bytes, or null when {@code text} is not a size */
    public static Long parse(String text) {
        String size = text.strip().toLowerCase(Locale.ROOT);
        int unitStart = size.length();
        while (unitStart > 0 && Character.isLetter(size.charAt(unitStart - 1))) {
            unitStart--;
        }
        long multiplier = switch (size.substring(unitStart)) {
            case "", "b" -> 1L;
            case "kb" -> 1024L;
            case "mb" -> 1024L * 1024;
            case "gb" -> 1024L * 1024 * 1024;
            default -> -1L;
        };
        String number = size.substring(0, unitStart).strip();
        if (multiplier < 0 || number.isEmpty() || !number.matches("[0-9]+(\\.[0-9]+)?")) {
            return null;
        }
        BigDecimal bytes = new BigDecimal(number).multiply(BigDecimal.valueOf(multiplier));
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return null;
        }
        return bytes.longValue();
    }

    /** {@code 10485760} → {@code "10mb"}, for messages. */
    public static String format(long bytes) {
        if (bytes % (1024L * 1024 * 1024) == 0) {
            return bytes / (1024L * 1024 * 1024) + "gb";
        }
        if (bytes % (1024L * 1024) == 0) {
            return bytes / (1024L * 1024) + "mb";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + "kb";
        }
        return bytes + "b";
    }
}
