package dev.winnow.select;

import org.jspecify.annotations.Nullable;

/**
 * WEIGHTS: the input value min-max scaled over the remaining candidates. With a max sum, the
 * selection stops once the picked (unscaled) values add up to it.
 */
final class WeightsObjective implements Objective {

    private final double[] weights;
    private final double maxSum;
    private double sum;

    /** {@code weights} per candidate position; {@code maxSum} NaN for none. */
    WeightsObjective(double[] weights, double maxSum) {
        this.weights = weights;
        this.maxSum = maxSum;
    }

    @Override
    public void evaluate(boolean[] remaining, double[] scaled, double[] raw) {
        for (int p = 0; p < weights.length; p++) {
            if (remaining[p]) {
                raw[p] = weights[p];
            }
        }
        Objective.minMaxScale(weights, remaining, scaled);
    }

    @Override
    public void picked(int p) {
        if (!Double.isNaN(weights[p])) {
            sum += weights[p];
        }
    }

    @Override
    public @Nullable StopReason stopAfterPick() {
        return !Double.isNaN(maxSum) && sum >= maxSum ? StopReason.MAX_SUM_REACHED : null;
    }
}
