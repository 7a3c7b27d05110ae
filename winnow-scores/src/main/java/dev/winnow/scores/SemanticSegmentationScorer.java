package dev.winnow.scores;

import dev.winnow.format.Diagnostic;
import dev.winnow.scores.table.PredictionsTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Semantic segmentation: the per-pixel mean of the three uncertainty scores. Every pixel of a
 * segment carries that segment's vector, so the mean over covered pixels is the mean of segment
 * scores weighted by segment area (a pixel two segments cover counts for both). Only the set-pixel
 * count of each mask is needed, never its runs. A sample whose segments cover no pixel scores 0.
 */
final class SemanticSegmentationScorer implements ActiveLearningScorer {
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
            double pixels = 0;
            double leastConfidence = 0;
            double margin = 0;
            double entropy = 0;
            for (int s = table.firstSingleton(i); s < table.endSingleton(i); s++) {
                double area = table.segmentArea(s);
                pixels += area;
                int length = ConfidenceVectors.fill(table, s, vector);
                if (length == 0) {
                    ConfidenceVectors.warnNoConfidence(table, i, s, warnings);
                    continue;
                }
                if (area > 0) {
                    ProbabilityScores.all(vector, length, three);
                    leastConfidence += area * three[0];
                    margin += area * three[1];
                    entropy += area * three[2];
                }
            }
            if (pixels > 0) {
                values[3 * i] = ProbabilityScores.clamp(leastConfidence / pixels);
                values[3 * i + 1] = ProbabilityScores.clamp(margin / pixels);
                values[3 * i + 2] = ProbabilityScores.clamp(entropy / pixels);
            }
        }
        return ActiveLearningScores.owning(table.taskName(), NAMES, table.sampleNames(), values, warnings);
    }
}
