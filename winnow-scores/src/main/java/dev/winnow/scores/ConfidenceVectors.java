package dev.winnow.scores;

import dev.winnow.format.Diagnostic;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.scores.table.PredictionsTable;
import java.util.List;

/**
 * The probability vector a singleton is scored by: its own probabilities, or one made up from its
 * score — {@code score} at its category and {@code (1 - score) / (K - 1)} at each of the other
 * {@code K} schema categories ({@code [score, 1 - score]} when {@code K = 1}).
 */
final class ConfidenceVectors {
    private ConfidenceVectors() {}

    /** A buffer large enough for any vector of {@code table}. */
    static double[] buffer(PredictionsTable table) {
        return new double[Math.max(2, table.categoryCount())];
    }

    /**
     * Fills {@code into} with the singleton's vector and returns its length; 0 when it has neither score nor
     * probabilities.
     */
    static int fill(PredictionsTable table, int singleton, double[] into) {
        int length = table.copyProbabilities(singleton, into);
        if (length > 0) {
            return length;
        }
        if (!table.hasScore(singleton)) {
            return 0;
        }
        double score = table.score(singleton);
        int k = table.categoryCount();
        if (k == 1) {
            into[0] = score;
            into[1] = 1 - score;
            return 2;
        }
        double rest = (1 - score) / (k - 1);
        for (int i = 0; i < k; i++) {
            into[i] = rest;
        }
        into[table.categoryIndex(singleton)] = score;
        return k;
    }

    /** Records that a singleton was scored 0 for lack of a score and probabilities. */
    static void warnNoConfidence(PredictionsTable table, int sample, int singleton, List<Diagnostic> sink) {
        int position = singleton - table.firstSingleton(sample);
        sink.add(DiagnosticCode.NO_CONFIDENCE.at(
                table.predictionFile(sample),
                "/predictions/" + position,
                "Prediction " + position + " has neither a score nor probabilities, so its uncertainty scores are 0;"
                        + " add a score or probabilities to rank this sample."));
    }
}
