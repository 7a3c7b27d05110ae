package dev.winnow.scores;

import dev.winnow.scores.table.PredictionsTable;
import java.util.List;

/**
 * Keypoint detection: {@code mean_uncertainty} = 1 - the mean over a sample's instances of each
 * instance's mean keypoint confidence. Instances without keypoints are skipped; a sample with none
 * left scores 0.
 */
final class KeypointScorer implements ActiveLearningScorer {
    private static final List<ScoreName> NAMES = List.of(ScoreName.MEAN_UNCERTAINTY);

    @Override
    public List<ScoreName> scoreNames() {
        return NAMES;
    }

    @Override
    public ActiveLearningScores score(PredictionsTable table) {
        int n = table.sampleCount();
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            double sumOfMeans = 0;
            int instances = 0;
            for (int s = table.firstSingleton(i); s < table.endSingleton(i); s++) {
                int points = table.keypointCount(s);
                if (points == 0) {
                    continue;
                }
                double sum = 0;
                for (int k = 0; k < points; k++) {
                    sum += table.keypointConfidence(s, k);
                }
                sumOfMeans += sum / points;
                instances++;
            }
            if (instances > 0) {
                values[i] = ProbabilityScores.clamp(1 - sumOfMeans / instances);
            }
        }
        return ActiveLearningScores.owning(table.taskName(), NAMES, table.sampleNames(), values, List.of());
    }
}
