package dev.winnow.scores;

import static dev.winnow.scores.table.Fixtures.box;
import static dev.winnow.scores.table.Fixtures.classification;
import static dev.winnow.scores.table.Fixtures.file;
import static dev.winnow.scores.table.Fixtures.instance;
import static dev.winnow.scores.table.Fixtures.keypoints;
import static dev.winnow.scores.table.Fixtures.schema;
import static dev.winnow.scores.table.Fixtures.scoredClassification;
import static dev.winnow.scores.table.Fixtures.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.winnow.format.BoundingBox;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.RleMask;
import dev.winnow.format.TaskType;
import dev.winnow.scores.table.PredictionsTable;
import dev.winnow.scores.table.PredictionsTableBuilder;
import org.junit.jupiter.api.Test;

class ActiveLearningScorerTest {

    @Test
    void classification_workedExample() {
        PredictionsTable table = new PredictionsTableBuilder("cls", schema(TaskType.CLASSIFICATION, 0, 1, 2))
                .add("a.png", file(classification(0, 0.7, 0.2, 0.1)))
                .build();

        ActiveLearningScores scores = ActiveLearningScorer.scoreTable(table);

        assertThat(scores.names())
                .containsExactly(
                        ScoreName.UNCERTAINTY_LEAST_CONFIDENCE,
                        ScoreName.UNCERTAINTY_MARGIN,
                        ScoreName.UNCERTAINTY_ENTROPY);
        assertThat(scores.value(0, ScoreName.UNCERTAINTY_LEAST_CONFIDENCE)).isEqualTo(0.45);
        assertThat(scores.value(0, ScoreName.UNCERTAINTY_MARGIN)).isEqualTo(0.5);
        assertThat(scores.value(0, ScoreName.UNCERTAINTY_ENTROPY)).isEqualTo(0.7298466991620975);
        assertThat(scores.diagnostics()).isEmpty();
    }

    @Test
    void classification_usesTheFirstSingletonOnly_andZeroWithoutAny() {
        PredictionsTable table = new PredictionsTableBuilder("cls", schema(TaskType.CLASSIFICATION, 0, 1))
                .add("a.png", file(classification(1, 0, 1), classification(0, 0.5, 0.5)))
                .add("b.png", file())
                .build();

        ActiveLearningScores scores = ActiveLearningScorer.scoreTable(table);

        assertThat(scores.column(ScoreName.UNCERTAINTY_ENTROPY)).containsExactly(0.0, 0.0);
        assertThat(scores.column(ScoreName.UNCERTAINTY_MARGIN)).containsExactly(0.0, 0.0);
    }

    @Test
    void classification_fabricatesTheVectorFromTheScore() {
        PredictionsTable table = new PredictionsTableBuilder("cls", schema(TaskType.CLASSIFICATION, 0, 4, 9))
                .add("a.png", file(scoredClassification(4, 0.7)))
                .build();

        ActiveLearningScores scores = ActiveLearningScorer.scoreTable(table);

        // [0.15, 0.7, 0.15]: (1 - 0.7) / 2 at the other two categories. By hand: least confidence
        // 0.3 / (2/3) = 0.45, margin 1 - (0.7 - 0.15) = 0.45, entropy
        // -(0.7 log2 0.7 + 2 * 0.15 log2 0.15) / log2 3 = 0.74531157594782...
        assertThat(scores.value(0, ScoreName.UNCERTAINTY_LEAST_CONFIDENCE)).isEqualTo(0.45);
        assertThat(scores.value(0, ScoreName.UNCERTAINTY_MARGIN)).isEqualTo(0.45000000000000007);
        assertThat(scores.value(0, ScoreName.UNCERTAINTY_ENTROPY)).isCloseTo(0.7453115759478263, within(1e-15));
    }

    @Test
    void singleCategory_readsProbabilityAndScoreAsComplementPair() {
        PredictionsTable table = new PredictionsTableBuilder("cls", schema(TaskType.CLASSIFICATION, 3))
                .add("a.png", file(classification(3, 0.5)))
                .add("b.png", file(scoredClassification(3, 0.25)))
                .add("c.png", file(classification(3, 1.0)))
                .build();

        ActiveLearningScores scores = ActiveLearningScorer.scoreTable(table);

        assertThat(scores.column(ScoreName.UNCERTAINTY_LEAST_CONFIDENCE)).containsExactly(1.0, 0.5, 0.0);
        assertThat(scores.column(ScoreName.UNCERTAINTY_MARGIN)).containsExactly(1.0, 0.5, 0.0);
        assertThat(scores.column(ScoreName.UNCERTAINTY_ENTROPY)).containsExactly(1.0, 0.8112781244591328, 0.0);
    }

    @Test
    void classificationWithNeitherScoreNorProbabilities_scoresZeroWithAWarning() {
        PredictionsTable table = new PredictionsTableBuilder("cls", schema(TaskType.CLASSIFICATION, 0, 1))
                .add("dir/a.jpg", file(classification(1)))
                .build();

        ActiveLearningScores scores = ActiveLearningScorer.scoreTable(table);

        assertThat(scores.column(ScoreName.UNCERTAINTY_ENTROPY)).containsExactly(0.0);
        assertThat(scores.diagnostics())
                .containsExactly(new Diagnostic(
                        Diagnostic.Severity.WARNING,
                        "W301",
                        ".lightly/predictions/cls/dir/a.json",
                        "/predictions/0",
                        0,
                        0,
                        "Prediction 0 has neither a score nor probabilities, so its uncertainty scores are 0;"
                                + " add a score or probabilities to rank this sample."));
    }

    @Test
    void detection_objectnessIsOneMinusMeanScore_uncertaintyIsMaxOverBoxes() {
        PredictionsTable table = new PredictionsTableBuilder("det", schema(TaskType.OBJECT_DETECTION, 0, 1, 2))
                .add("a.png", file(box(0, 0.5, 0.7, 0.2, 0.1), box(1, 0.75, 0.1, 0.8, 0.1)))
                .build();

        ActiveLearningScores scores = ActiveLearningScorer.scoreTable(table);

        assertThat(scores.names())
                .containsExactly(
                        ScoreName.OBJECTNESS_LEAST_CONFIDENCE,
                        ScoreName.OBJECT_FREQUENCY,
                        ScoreName.UNCERTAINTY_LEAST_CONFIDENCE,
                        ScoreName.UNCERTAINTY_MARGIN,
                        ScoreName.UNCERTAINTY_ENTROPY);
        assertThat(scores.value(0, ScoreName.OBJECTNESS_LEAST_CONFIDENCE)).isEqualTo(0.375);
        assertThat(scores.value(0, ScoreName.UNCERTAINTY_LEAST_CONFIDENCE)).isEqualTo(0.45);
        assertThat(scores.value(0, ScoreName.UNCERTAINTY_MARGIN)).isEqualTo(0.5);
        assertThat(scores.value(0, ScoreName.UNCERTAINTY_ENTROPY)).isEqualTo(0.7298466991620975);
        assertThat(scores.value(0, ScoreName.OBJECT_FREQUENCY)).isEqualTo(1.0);
    }

    @Test
    void detectionWithoutProbabilities_fabricatesEachBoxVector() {
        PredictionsTable table = new PredictionsTableBuilder("det", schema(TaskType.OBJECT_DETECTION, 0, 1, 2))
                .add("a.png", file(box(2, 0.7), box(0, 0.9)))
                .build();

        ActiveLearningScores scores = ActiveLearningScorer.scoreTable(table);

        // The box of score 0.7 gives [0.15, 0.15, 0.7], the most uncertain of the two.
        assertThat(scores.value(0, ScoreName.UNCERTAINTY_LEAST_CONFIDENCE)).isEqualTo(0.45);
        assertThat(scores.value(0, ScoreName.UNCERTAINTY_ENTROPY)).isCloseTo(0.7453115759478263, within(1e-15));
        assertThat(scores.value(0, ScoreName.OBJECTNESS_LEAST_CONFIDENCE)).isEqualTo(1 - (0.7 + 0.9) / 2);
        assertThat(scores.diagnostics()).isEmpty();
    }

    @Test
    void detectionWithoutBoxes_scoresZero() {
        PredictionsTable table = new PredictionsTableBuilder("det", schema(TaskType.OBJECT_DETECTION, 0))
                .add("a.png", file())
                .build();

        ActiveLearningScores scores = ActiveLearningScorer.scoreTable(table);

        assertThat(scores.value(0, ScoreName.OBJECTNESS_LEAST_CONFIDENCE)).isEqualTo(0.0);
        assertThat(scores.value(0, ScoreName.UNCERTAINTY_LEAST_CONFIDENCE)).isEqualTo(0.0);
        assertThat(scores.value(0, ScoreName.UNCERTAINTY_MARGIN)).isEqualTo(0.0);
        assertThat(scores.value(0, ScoreName.UNCERTAINTY_ENTROPY)).isEqualTo(0.0);
        assertThat(scores.value(0, ScoreName.OBJECT_FREQUENCY)).isEqualTo(1.0);
    }

    @Test
    void objectFrequency_mapsMinToPointNineAndMaxToOne() {
        PredictionsTable table = new PredictionsTableBuilder("det", schema(TaskType.OBJECT_DETECTION, 0, 1))
                // raw values: 1 + 0.25 = 1.25; 1 + 1 = 2; 0; 1 + 0.5 + 1 = 2.5 -> min 0, max 2.5
                .add("a.png", file(box(0, 0.5), box(0, 0.5)))
                .add("b.png", file(box(0, 0.5), box(1, 0.5)))
                .add("c.png", file())
                .add("d.png", file(box(1, 0.5), box(0, 0.5), box(0, 0.5), box(0, 0.5)))
                .build();

        ActiveLearningScores scores = ActiveLearningScorer.scoreTable(table);

        assertThat(scores.column(ScoreName.OBJECT_FREQUENCY)).containsExactly(0.95, 0.98, 0.9, 1.0);
    }

    @Test
    void objectFrequency_allEqual_isOne() {
        PredictionsTable table = new PredictionsTableBuilder("det", schema(TaskType.OBJECT_DETECTION, 0, 1))
                .add("a.png", file(box(0, 0.1), box(1, 0.2)))
                .add("b.png", file(box(1, 0.3), box(0, 0.4)))
                .build();

        ActiveLearningScores scores = ActiveLearningScorer.scoreTable(table);

        assertThat(scores.column(ScoreName.OBJECT_FREQUENCY)).containsExactly(1.0, 1.0);
    }

    @Test
    void instanceSegmentation_scoresLikeDetection() {
        RleMask mask = RleMask.of(1, 2, 1);
        BoundingBox bbox = new BoundingBox(0, 0, 2, 2);
        PredictionsTable table = new PredictionsTableBuilder("inst", schema(TaskType.INSTANCE_SEGMENTATION, 0, 1))
                .add("a.png", file(instance(0, bbox, mask, 0.8), instance(0, bbox, mask, 0.6)))
                .add("b.png", file(instance(1, bbox, mask, 0.5)))
                .build();

        ActiveLearningScores scores = ActiveLearningScorer.scoreTable(table);

        assertThat(scores.column(ScoreName.OBJECTNESS_LEAST_CONFIDENCE)).containsExactly(1 - (0.8 + 0.6) / 2, 0.5);
        assertThat(scores.column(ScoreName.OBJECT_FREQUENCY)).containsExactly(1.0, 0.9);
        // Two categories: the box of score 0.6 gives [0.6, 0.4], the larger uncertainty of sample a.
        assertThat(scores.value(0, ScoreName.UNCERTAINTY_MARGIN)).isCloseTo(1 - (0.6 - 0.4), within(1e-15));
        assertThat(scores.value(1, ScoreName.UNCERTAINTY_MARGIN)).isEqualTo(1.0);
    }

    @Test
    void semanticSegmentation_isTheAreaWeightedMeanOverCoveredPixels() {
        // A 4x3 image: the left 3 columns are "road" (9 px, confident), the right column "car" (3 px, unsure).
        int width = 4;
        boolean[] road = new boolean[12];
        boolean[] car = new boolean[12];
        for (int i = 0; i < 12; i++) {
            road[i] = i % width < 3;
            car[i] = i % width == 3;
        }
        RleMask roadMask = RleMask.encode(road);
        RleMask carMask = RleMask.encode(car);
        PredictionsTable table = new PredictionsTableBuilder("seg", schema(TaskType.SEMANTIC_SEGMENTATION, 0, 1))
                .add("a.png", file(segment(0, roadMask, 0.9, 0.9, 0.1), segment(1, carMask, 0.5, 0.5, 0.5)))
                .add("b.png", file(segment(0, RleMask.of(12), 0.5)))
                .build();

        ActiveLearningScores scores = ActiveLearningScorer.scoreTable(table);

        int roadPixels = count(roadMask.decode(12));
        int carPixels = count(carMask.decode(12));
        assertThat(roadPixels).isEqualTo(9);
        assertThat(carPixels).isEqualTo(3);
        // Road pixels [0.9, 0.1]: entropy -(0.9 log2 0.9 + 0.1 log2 0.1) = 0.46899559358928..., least
        // confidence 0.1 / (1/2) = 0.2; car pixels [0.5, 0.5] score 1.
        assertThat(scores.value(0, ScoreName.UNCERTAINTY_ENTROPY))
                .isCloseTo((9 * 0.4689955935892812 + 3 * 1.0) / 12, within(1e-15));
        assertThat(scores.value(0, ScoreName.UNCERTAINTY_LEAST_CONFIDENCE))
                .isCloseTo((9 * 0.2 + 3 * 1.0) / 12, within(1e-15));
        assertThat(scores.value(0, ScoreName.UNCERTAINTY_MARGIN)).isEqualTo((9 * 0.19999999999999996 + 3) / 12);
        // A mask that covers no pixel leaves nothing to average.
        assertThat(scores.column(ScoreName.UNCERTAINTY_ENTROPY)[1]).isEqualTo(0.0);
    }

    @Test
    void keypoints_meanUncertaintyOverInstancesWithKeypoints() {
        PredictionsTable table = new PredictionsTableBuilder("pose", schema(TaskType.KEYPOINT_DETECTION, 0))
                .add(
                        "a.png",
                        file(keypoints(0, 0.9, 1, 1, 0.5, 2, 2, 1.0), keypoints(0, 0.9, 3, 3, 0), keypoints(0, 0.9)))
                .add("b.png", file(keypoints(0, 0.9, 1, 1, 0, 2, 2, 0)))
                .add("c.png", file(keypoints(0, 0.9)))
                .add("d.png", file())
                .build();

        ActiveLearningScores scores = ActiveLearningScorer.scoreTable(table);

        assertThat(scores.names()).containsExactly(ScoreName.MEAN_UNCERTAINTY);
        // a: instance means 0.75 and 0 (the third has no keypoints) -> 1 - 0.375.
        assertThat(scores.column(ScoreName.MEAN_UNCERTAINTY)).containsExactly(0.625, 1.0, 0.0, 0.0);
    }

    @Test
    void askingForAScoreTheTaskLacks_isRefused() {
        PredictionsTable table = new PredictionsTableBuilder("pose", schema(TaskType.KEYPOINT_DETECTION, 0))
                .add("a.png", file())
                .build();
        ActiveLearningScores scores = ActiveLearningScorer.scoreTable(table);

        assertThatThrownBy(() -> scores.value(0, ScoreName.UNCERTAINTY_ENTROPY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Task pose has no score uncertainty_entropy; it has [mean_uncertainty].");
    }

    private static int count(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
