package dev.winnow.scores;

/**
 * The three uncertainty scores of one probability vector {@code p} with {@code C} entries, each
 * normalised so that a one-hot vector scores 0 and a uniform vector 1, and clamped to [0, 1]:
 * <ul>
 *   <li>least confidence: {@code (1 - max p) / (1 - 1/C)};</li>
 *   <li>margin: {@code 1 - (p1 - p2)} for the two largest entries;</li>
 *   <li>entropy: {@code -sum(p log2 p) / log2 C}, with {@code 0 log 0 = 0}.</li>
 * </ul>
 * A vector with one entry {@code [p]} is read as {@code [p, 1 - p]}. Logarithms use
 * {@link StrictMath}, so results are the same on every platform: {@code [0.7, 0.2, 0.1]} gives
 * 0.45, 0.5 and 0.7298466991620975.
 *
 * <p>Each method reads the first {@code length} entries of {@code p} and allocates nothing.
 * Stateless and thread-safe.
 */
public final class ProbabilityScores {
    private static final double LN_2 = StrictMath.log(2);

    private ProbabilityScores() {}

    public static double leastConfidence(double... p) {
        return leastConfidence(p, p.length);
    }

    public static double margin(double... p) {
        return margin(p, p.length);
    }

    public static double entropy(double... p) {
        return entropy(p, p.length);
    }

    public static double leastConfidence(double[] p, int length) {
        requireEntries(length);
        if (length == 1) {
            return clamp((1 - Math.max(p[0], 1 - p[0])) / (1 - 1.0 / 2));
        }
        double max = p[0];
        for (int i = 1; i < length; i++) {
            max = Math.max(max, p[i]);
        }
        return clamp((1 - max) / (1 - 1.0 / length));
    }

    public static double margin(double[] p, int length) {
        requireEntries(length);
        if (length == 1) {
            double a = p[0];
            double b = 1 - p[0];
            return clamp(1 - (Math.max(a, b) - Math.min(a, b)));
        }
        double first = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < length; i++) {
            double v = p[i];
            if (v > first) {
                second = first;
                first = v;
            } else if (v > second) {
                second = v;
            }
        }
        return clamp(1 - (first - second));
    }

    public static double entropy(double[] p, int length) {
        requireEntries(length);
        if (length == 1) {
            return clamp((plogp(p[0]) + plogp(1 - p[0])) / -log2(2));
        }
        double sum = 0;
        for (int i = 0; i < length; i++) {
            sum += plogp(p[i]);
        }
        return clamp(-sum / log2(length));
    }

    /**
     * All three scores of the first {@code length} entries of {@code p} in one pass, written to
     * {@code into[0]} (least confidence), {@code into[1]} (margin) and {@code into[2]} (entropy);
     * each equals what its own method returns.
     */
    public static void all(double[] p, int length, double[] into) {
        requireEntries(length);
        if (length == 1) {
            into[0] = leastConfidence(p, 1);
            into[1] = margin(p, 1);
            into[2] = entropy(p, 1);
            return;
        }
        double first = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        double max = p[0];
        double sum = 0;
        for (int i = 0; i < length; i++) {
            double v = p[i];
            max = Math.max(max, v);
            if (v > first) {
                second = first;
                first = v;
            } else if (v > second) {
                second = v;
            }
            sum += plogp(v);
        }
        into[0] = clamp((1 - max) / (1 - 1.0 / length));
        into[1] = clamp(1 - (first - second));
        into[2] = clamp(-sum / log2(length));
    }

    /**
     * {@code value} limited to [0, 1]; NaN, which only malformed input can produce, counts as 0 so
     * that every score stays a number in range.
     */
    public static double clamp(double value) {
        if (!(value > 0)) {
            return 0;
        }
        return Math.min(value, 1);
    }

    private static double plogp(double v) {
        return v > 0 ? v * log2(v) : 0;
    }

    private static double log2(double v) {
        return StrictMath.log(v) / LN_2;
    }

    private static void requireEntries(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("A probability vector needs at least one entry.");
        }
    }
}
