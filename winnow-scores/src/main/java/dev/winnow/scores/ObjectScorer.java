package dev.winnow.scores;

import dev.winnow.format.Diagnostic;
import dev.winnow.scores.table.PredictionsTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Object detection and instance segmentation, per sample:
 * <ul>
 *   <li>{@code objectness_least_confidence} = 1 - mean score of its boxes (0 without boxes);</li>
 *   <li>{@code object_frequency}: the sum over its categories of {@code 1 + 0.25 (n_c - 1)}, where
 *       {@code n_c} is its number of boxes of category c, mapped linearly from [min, max] over all
 *       scored samples to [0.9, 1.0], and 1.0 for all when min = max;</li>
 *   <li>the three uncertainty scores: the largest over its boxes (0 without boxes).</li>
 * </ul>
 * Cost: one pass over the boxes and their probabilities, plus a per-category counter array.
 */
final class ObjectScorer implements ActiveLearningScorer {
    private static final List<ScoreName> NAMES = List.of(
            ScoreName.OBJECTNESS_LEAST_CONFIDENCE,
            ScoreName.OBJECT_FREQUENCY,
            ScoreName.UNCERTAINTY_LEAST_CONFIDENCE,
            ScoreName.UNCERTAINTY_MARGIN,
            ScoreName.UNCERTAINTY_ENTROPY);
    private static final int WIDTH = 5;

    @Override
    public List<ScoreName> scoreNames() {
        return NAMES;
    }

    @Override
    public ActiveLearningScores score(PredictionsTable table) {
        int n = table.sampleCount();
        double[] values = new double[n * WIDTH];
        double[] vector = ConfidenceVectors.buffer(table);
        double[] three = new double[3];
        int[] perCategory = new int[table.categoryCount()];
        double[] frequency = new double[n];
        double minFrequency = Double.POSITIVE_INFINITY;
        double maxFrequency = Double.NEGATIVE_INFINITY;
        List<Diagnostic> warnings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int row = i * WIDTH;
            int first = table.firstSingleton(i);
            int end = table.endSingleton(i);
            double scoreSum = 0;
            for (int s = first; s < end; s++) {
                perCategory[table.categoryIndex(s)]++;
                if (table.hasScore(s)) {
                    scoreSum += table.score(s);
                }
                int length = ConfidenceVectors.fill(table, s, vector);
                if (length == 0) {
                    ConfidenceVectors.warnNoConfidence(table, i, s, warnings);
                    continue;
                }
                ProbabilityScores.all(vector, length, three);
                values[row + 2] = Math.max(values[row + 2], three[0]);
                values[row + 3] = Math.max(values[row + 3], three[1]);
                values[row + 4] = Math.max(values[row + 4], three[2]);
            }
            if (end > first) {
                values[row] = ProbabilityScores.clamp(1 - scoreSum / (end - first));
            }
            double raw = 0;
            for (int s = first; s < end; s++) {
                int c = table.categoryIndex(s);
                if (perCategory[c] > 0) {
                    raw += 1 + 0.25 * (perCategory[c] - 1);
                    perCategory[c] = 0;
                }
            }
            frequency[i] = raw;
            minFrequency = Math.min(minFrequency, raw);
            maxFrequency = Math.max(maxFrequency, raw);
        }
        for (int i = 0; i < n; i++) {
            // 0.9 + 0.1 t as (9 (max - raw) + 10 (raw - min)) / (10 (max - min)): raw values are multiples
            // of 0.25, so numerator and denominator are exact and the one division rounds correctly.
            double raw = frequency[i];
            values[i * WIDTH + 1] = maxFrequency > minFrequency
                    ? (9 * (maxFrequency - raw) + 10 * (raw - minFrequency)) / (10 * (maxFrequency - minFrequency))
                    : 1.0;
        }
        return ActiveLearningScores.owning(table.taskName(), NAMES, table.sampleNames(), values, warnings);
    }
}
