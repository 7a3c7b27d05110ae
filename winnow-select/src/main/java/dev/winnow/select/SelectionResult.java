package dev.winnow.select;

import java.util.Arrays;
import java.util.List;

/**
 * What a selection picked: sample indices (into {@link SelectionInputs#sampleNames()}) in pick
 * order; for every pick, the product value and each strategy's objective (scaled into [ε, 1]) and
 * raw value at the time of the pick; and why it stopped. Strategies are indexed as in the config;
 * a THRESHOLD strategy's objective is NaN and its raw value is the input value that passed.
 *
 * <p>Immutable; accessors return copies of arrays.
 */
public final class SelectionResult {

    private final List<String> strategyLabels;
    private final int[] picks;
    private final double[] values;
    private final double[][] objectives;
    private final double[][] rawValues;
    private final StopReason stopReason;
    private final int candidates;

    SelectionResult(
            List<String> strategyLabels,
            int[] picks,
            double[] values,
            double[][] objectives,
            double[][] rawValues,
            StopReason stopReason,
            int candidates) {
        this.strategyLabels = List.copyOf(strategyLabels);
        this.picks = picks;
        this.values = values;
        this.objectives = objectives;
        this.rawValues = rawValues;
        this.stopReason = stopReason;
        this.candidates = candidates;
    }

    /** The number of picks. */
    public int size() {
        return picks.length;
    }

    /** The picked sample indices in pick order. */
    public int[] picks() {
        return picks.clone();
    }

    /** The sample index of pick {@code k}. */
    public int pick(int k) {
        return picks[k];
    }

    /** Π objective^strength of pick {@code k} when it was picked. */
    public double value(int k) {
        return values[k];
    }

    /** Strategy {@code s}'s objective in [ε, 1] for pick {@code k} (NaN for THRESHOLD). */
    public double objective(int s, int k) {
        return objectives[s][k];
    }

    /** Strategy {@code s}'s unscaled value for pick {@code k} (distance, weight, gain, similarity, typicality). */
    public double rawValue(int s, int k) {
        return rawValues[s][k];
    }

    /** A label per strategy, in config order, for reports and CSV headers. */
    public List<String> strategyLabels() {
        return strategyLabels;
    }

    public StopReason stopReason() {
        return stopReason;
    }

    /** How many samples passed the THRESHOLD filters and were candidates. */
    public int candidates() {
        return candidates;
    }

    @Override
    public String toString() {
        return "SelectionResult[picks=" + Arrays.toString(picks) + ", stopReason=" + stopReason + "]";
    }
}
