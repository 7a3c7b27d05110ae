package dev.winnow.select;

/**
 * An objective whose raw value per candidate does not depend on the selection: SIMILARITY
 * (scaled by a fixed map from [−1, 1] to [0, 1]) and TYPICALITY (min-max scaled over the
 * remaining candidates).
 */
final class StaticObjective implements Objective {

    private final double[] values;
    private final boolean minMax;

    private StaticObjective(double[] values, boolean minMax) {
        this.values = values;
        this.minMax = minMax;
    }

    /** Cosine similarities in [−1, 1], mapped linearly to [0, 1]. */
    static StaticObjective similarity(double[] cosine) {
        return new StaticObjective(cosine, false);
    }

    /** Typicality values, min-max scaled over the remaining candidates at each pick. */
    static StaticObjective typicality(double[] typicality) {
        return new StaticObjective(typicality, true);
    }

    @Override
    public void evaluate(boolean[] remaining, double[] scaled, double[] raw) {
        for (int p = 0; p < values.length; p++) {
            if (remaining[p]) {
                raw[p] = values[p];
                if (!minMax) {
                    scaled[p] = Objective.clamp((values[p] + 1) / 2);
                }
            }
        }
        if (minMax) {
            Objective.minMaxScale(values, remaining, scaled);
        }
    }

    @Override
    public void picked(int p) {
        // The values do not depend on the selection.
    }
}
