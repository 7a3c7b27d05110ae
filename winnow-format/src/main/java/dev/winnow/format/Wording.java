package dev.winnow.format;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Counts and numbers as messages print them: "1 item" and "2 items", and 0.9 rather than the
 * 0.8999999999999999 that a sum of binary fractions gives.
 */
public final class Wording {
    private static final MathContext SIGNIFICANT = new MathContext(6);

    private Wording() {}

    /** {@code n} followed by the noun, with an "s" unless {@code n} is 1: {@code count(1, "item")} is "1 item". */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** {@code n} followed by {@code singular} when it is 1, otherwise by {@code plural}. */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** A computed value with at most six significant digits and no trailing zeros: 0.9, 3, 0.333333. */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(value).round(SIGNIFICANT).stripTrailingZeros().toPlainString();
    }
}
