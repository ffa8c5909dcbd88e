package dev.approute.internal.util;

import java.math.BigDecimal;

/** Numbers as JavaScript's {@code String(n)} prints them in text formats Next.js writes: {@code 1}, {@code 0.8}, {@code 100}. */
public final class JsNumbers {
    private JsNumbers() {
    }

    /**
     * {@code 1.0 → "1"}, {@code 0.8 → "0.8"}, {@code 1e-4 → "0.0001"} (never Java's {@code 1.0} or {@code 1.0E-4}).
     *
     * @throws IllegalArgumentException for NaN and infinities, which no metadata format can hold
     */
    public static String format(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        return value == 0.0 ? "0" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
