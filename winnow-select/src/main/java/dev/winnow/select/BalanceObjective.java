package dev.winnow.select;

import org.jspecify.annotations.Nullable;

/**
 * BALANCE: how much a candidate moves the selected class distribution toward the target, in L1
 * distance, min-max scaled over the remaining candidates. Only the target's classes count: each
 * candidate contributes its class vector restricted to them, and the selected distribution is the
 * sum of the picked vectors normalised to 1 (an empty selection is at distance Σt from the
 * target). A candidate without mass in the target classes gets the lowest objective, ε.
 *
 * <p>Cost per pick: O(N·K) for N candidates and K target classes.
 */
final class BalanceObjective implements Objective {

    private final double[] vectors;
    private final double[] target;
    private final int classes;
    private final double[] selected;
    private double selectedMass;
    private final double[] gains;

    /** {@code vectors}: per candidate position, K values (row-major); {@code target}: K fractions. */
    BalanceObjective(double[] vectors, double[] target) {
        this.vectors = vectors;
        this.target = target;
        this.classes = target.length;
        this.selected = new double[classes];
        this.gains = new double[vectors.length / classes];
    }

    @Override
    public void evaluate(boolean[] remaining, double[] scaled, double[] raw) {
        double current = distanceToTarget(selected, selectedMass, null, 0, 0);
        for (int p = 0; p < gains.length; p++) {
            if (remaining[p]) {
                double mass = 0;
                for (int k = 0; k < classes; k++) {
                    mass += vectors[p * classes + k];
                }
                // Without mass in the target's classes a candidate cannot move the selection toward
                // it; NaN makes it the lowest (ε), below candidates that only briefly worsen the L1.
                gains[p] = mass > 0
                        ? current - distanceToTarget(selected, selectedMass, vectors, p * classes, mass)
                        : Double.NaN;
                raw[p] = mass > 0 ? gains[p] : 0;
            }
        }
        Objective.minMaxScale(gains, remaining, scaled);
    }

    /** L1 distance between (selected + the candidate's vector) normalised, and the target. */
    private double distanceToTarget(double[] sums, double mass, double @Nullable [] add, int offset, double addMass) {
        double total = mass + addMass;
        double distance = 0;
        for (int k = 0; k < classes; k++) {
            double share = total > 0 ? (sums[k] + (add == null ? 0 : add[offset + k])) / total : 0;
            distance += Math.abs(share - target[k]);
        }
        return distance;
    }

    @Override
    public void picked(int p) {
        for (int k = 0; k < classes; k++) {
            selected[k] += vectors[p * classes + k];
            selectedMass += vectors[p * classes + k];
        }
    }
}
