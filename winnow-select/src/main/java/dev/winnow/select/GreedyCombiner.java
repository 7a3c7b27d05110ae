package dev.winnow.select;

import java.util.Arrays;
import java.util.List;

/**
 * The greedy product: one pick at a time, each remaining candidate's value is
 * Π objectiveᵢ^strengthᵢ (multiplied directly when every strength is 1, otherwise compared as
 * Σ strengthᵢ·ln objectiveᵢ, which orders the same and cannot overflow); the best is taken, ties going to the
 * lower seeded rank, and every objective is told. Stops at the limit, when no candidates remain, or when an objective's
 * stopping condition holds.
 *
 * <p>Cost per pick: O(N) per objective plus whatever the objectives' updates cost (DIVERSITY's is
 * O(N·d)).
 */
final class GreedyCombiner {

    /** Positions picked (into the candidate list) and, per pick, the value and each objective's numbers. */
    record Outcome(int[] picks, double[] values, double[][] scaled, double[][] raw, StopReason stopReason) {}

    private GreedyCombiner() {}

    static Outcome run(int candidates, int[] rank, List<Objective> objectives, double[] strengths, int limit) {
        int m = objectives.size();
        boolean[] remaining = new boolean[candidates];
        Arrays.fill(remaining, true);
        double[][] scaled = new double[m][candidates];
        double[][] raw = new double[m][candidates];
        // Per candidate: the product itself (direct) or its logarithm.
        double[] merit = new double[candidates];
        int[] picks = new int[limit];
        double[] values = new double[limit];
        double[][] pickScaled = new double[m][limit];
        double[][] pickRaw = new double[m][limit];
        // With unit strengths the product of at most 40 factors in [1e-6, 1] stays above 1e-240,
        // so it can be formed directly, without a logarithm per candidate and objective.
        boolean direct = m <= 40;
        for (double strength : strengths) {
            direct &= strength == 1;
        }
        int count = 0;
        int left = candidates;
        StopReason reason = StopReason.SAMPLE_COUNT_REACHED;
        loop:
        while (count < limit) {
            if (left == 0) {
                reason = StopReason.CANDIDATES_EXHAUSTED;
                break;
            }
            for (Objective objective : objectives) {
                StopReason stop = objective.stopBeforePick(remaining);
                if (stop != null) {
                    reason = stop;
                    break loop;
                }
            }
            Arrays.fill(merit, direct ? 1 : 0);
            for (int o = 0; o < m; o++) {
                objectives.get(o).evaluate(remaining, scaled[o], raw[o]);
                double strength = strengths[o];
                double[] s = scaled[o];
                for (int p = 0; p < candidates; p++) {
                    if (remaining[p]) {
                        if (direct) {
                            merit[p] *= s[p];
                        } else {
                            merit[p] += strength * Math.log(s[p]);
                        }
                    }
                }
            }
            int best = -1;
            for (int p = 0; p < candidates; p++) {
                if (remaining[p]
                        && (best < 0 || merit[p] > merit[best] || (merit[p] == merit[best] && rank[p] < rank[best]))) {
                    best = p;
                }
            }
            picks[count] = best;
            values[count] = direct ? merit[best] : Math.exp(merit[best]);
            for (int o = 0; o < m; o++) {
                pickScaled[o][count] = scaled[o][best];
                pickRaw[o][count] = raw[o][best];
            }
            count++;
            remaining[best] = false;
            left--;
            for (Objective objective : objectives) {
                objective.picked(best);
            }
            for (Objective objective : objectives) {
                StopReason stop = objective.stopAfterPick();
                if (stop != null) {
                    reason = stop;
                    break loop;
                }
            }
        }
        for (int o = 0; o < m; o++) {
            pickScaled[o] = Arrays.copyOf(pickScaled[o], count);
            pickRaw[o] = Arrays.copyOf(pickRaw[o], count);
        }
        return new Outcome(Arrays.copyOf(picks, count), Arrays.copyOf(values, count), pickScaled, pickRaw, reason);
    }
}
