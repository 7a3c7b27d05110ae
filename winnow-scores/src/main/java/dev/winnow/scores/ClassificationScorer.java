package dev.winnow.scores;

import dev.winnow.format.Diagnostic;
import dev.winnow.scores.table.PredictionsTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Classification: the three uncertainty scores of a sample's first singleton's vector (its
 * probabilities or the one made up from its score); 0 for a sample without singletons or whose
 * first singleton has neither score nor probabilities.
 */
final class ClassificationScorer implements ActiveLearningScorer {
    private static final List<ScoreName> NAMES = List.of(
            ScoreName.UNCERTAINTY_LEAST_CONFIDENCE, ScoreName.UNCERTAINTY_MARGIN, ScoreName.UNCERTAINTY_ENTROPY);

    @Override
    public List<ScoreName> scoreNames() {
        return NAMES;
    }

    @Override
    public ActiveLearningScores score(PredictionsTable table) {
        int n = table.sampleCount();
        double[] values = new double[n * 3];
        double[] vector = ConfidenceVectors.buffer(table);
        double[] three = new double[3];
        List<Diagnostic> warnings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (table.singletonCount(i) == 0) {
                continue;
            }
            int first = table.firstSingleton(i);
            int length = ConfidenceVectors.fill(table, first, vector);
            if (length == 0) {
                ConfidenceVectors.warnNoConfidence(table, i, first, warnings);
                continue;
            }
            ProbabilityScores.all(vector, length, three);
            values[3 * i] = three[0];
            values[3 * i + 1] = three[1];
            values[3 * i + 2] = three[2];
        }
        return ActiveLearningScores.owning(table.taskName(), NAMES, table.sampleNames(), values, warnings);
    }
}
