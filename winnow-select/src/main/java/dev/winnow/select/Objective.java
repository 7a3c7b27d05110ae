package dev.winnow.select;

import org.jspecify.annotations.Nullable;

/**
 * One strategy's objective in the greedy product. Before each pick the combiner asks for every
 * remaining candidate's objective, already scaled into [ε, 1], and its raw (unscaled) value; after
 * the pick it tells every objective, so those that depend on the selection update incrementally.
 */
interface Objective {

    /** The smallest objective value, so that any strength can be applied as an exponent. */
    double EPSILON = 1e-6;

    /**
     * Fills {@code scaled[p]} and {@code raw[p]} for every remaining candidate position {@code p}
     * ({@code remaining[p]}); other entries are left alone.
     */
    void evaluate(boolean[] remaining, double[] scaled, double[] raw);

    /** Candidate {@code p} was picked. */
    void picked(int p);

    /** The stop reason when this objective's stopping condition holds before the next pick, else null. */
    default @Nullable StopReason stopBeforePick(boolean[] remaining) {
        return null;
    }

    /** The stop reason when this objective's stopping condition holds after a pick, else null. */
    default @Nullable StopReason stopAfterPick() {
        return null;
    }

    /** Clamps into [ε, 1]. */
    static double clamp(double value) {
        return value >= 1 ? 1 : Math.max(EPSILON, value);
    }

    /**
     * Min-max scales {@code raw} over the remaining candidates into {@code scaled}, clamped to
     * [ε, 1]; all equal → 1; NaN counts as the lowest (ε).
     */
    static void minMaxScale(double[] raw, boolean[] remaining, double[] scaled) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < raw.length; p++) {
            if (remaining[p] && !Double.isNaN(raw[p])) {
                min = Math.min(min, raw[p]);
                max = Math.max(max, raw[p]);
            }
        }
        double range = max - min;
        for (int p = 0; p < raw.length; p++) {
            if (remaining[p]) {
                double v = raw[p];
                scaled[p] = Double.isNaN(v) ? EPSILON : range > 0 ? clamp((v - min) / range) : 1;
            }
        }
    }
}
