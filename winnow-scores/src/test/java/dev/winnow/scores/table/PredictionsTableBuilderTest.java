package dev.winnow.scores.table;

import static dev.winnow.scores.table.Fixtures.box;
import static dev.winnow.scores.table.Fixtures.classification;
import static dev.winnow.scores.table.Fixtures.file;
import static dev.winnow.scores.table.Fixtures.keypoints;
import static dev.winnow.scores.table.Fixtures.schema;
import static dev.winnow.scores.table.Fixtures.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.format.BoundingBox;
import dev.winnow.format.Keypoints;
import dev.winnow.format.RleMask;
import dev.winnow.format.Singleton;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PredictionsTableBuilderTest {
    private static final TaskSchema DETECTION = schema(TaskType.OBJECT_DETECTION, 3, 7, 11);

    @Test
    void samples_areSortedByNameWhateverTheInsertionOrder() {
        PredictionsTable table = new PredictionsTableBuilder("cars", DETECTION)
                .add("b.png", file(box(7, 0.5)))
                .add("a/z.jpg", file())
                .add("a.png", file(box(3, 0.25), box(11, 0.75)))
                .build();

        assertThat(table.sampleNames()).containsExactly("a.png", "a/z.jpg", "b.png");
        assertThat(table.singletonCount()).isEqualTo(3);
        assertThat(table.singletonCount(0)).isEqualTo(2);
        assertThat(table.singletonCount(1)).isEqualTo(0);
        assertThat(table.firstSingleton(2)).isEqualTo(2);
        assertThat(table.endSingleton(2)).isEqualTo(3);
        assertThat(table.categoryId(0)).isEqualTo(3);
        assertThat(table.categoryIndex(1)).isEqualTo(2);
        assertThat(table.categoryId(2)).isEqualTo(7);
        assertThat(table.score(1)).isEqualTo(0.75);
        assertThat(table.indexOf("b.png")).isEqualTo(2);
        assertThat(table.indexOf("c.png")).isEqualTo(-1);
    }

    @Test
    void columns_holdBoxesAndProbabilities() {
        PredictionsTable table = new PredictionsTableBuilder("cars", DETECTION)
                .add("a.png", file(box(7, new BoundingBox(1.5, 2, 30, 40.25), 0.9, 0.05, 0.9, 0.05), box(3, 0.4)))
                .build();

        assertThat(table.boundingBox(0)).contains(new BoundingBox(1.5, 2, 30, 40.25));
        assertThat(table.hasProbabilities(0)).isTrue();
        assertThat(table.probability(0, 1)).isEqualTo(0.9);
        double[] into = new double[3];
        assertThat(table.copyProbabilities(0, into)).isEqualTo(3);
        assertThat(into).containsExactly(0.05, 0.9, 0.05);
        assertThat(table.hasProbabilities(1)).isFalse();
        assertThat(table.copyProbabilities(1, into)).isEqualTo(0);
        assertThatThrownBy(() -> table.probability(1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Singleton 1 has no probabilities.");
        assertThat(table.segmentArea(0)).isEqualTo(0);
        assertThat(table.keypointCount(0)).isEqualTo(0);
    }

    @Test
    void semanticSegments_keepTheirAreaNotTheirRuns() {
        TaskSchema schema = schema(TaskType.SEMANTIC_SEGMENTATION, 0, 1);
        PredictionsTable table = new PredictionsTableBuilder("seg", schema)
                .add("a.png", file(segment(0, RleMask.of(2, 3, 1, 4, 2), 0.8), segment(1, RleMask.of(0, 12), 0.6)))
                .build();

        assertThat(table.segmentArea(0)).isEqualTo(7);
        assertThat(table.segmentArea(1)).isEqualTo(12);
        assertThat(table.hasBoundingBox(0)).isFalse();
        assertThat(table.boundingBox(0)).isEmpty();
    }

    @Test
    void keypointInstances_keepConfidencesAndOptionalBox() {
        TaskSchema schema = schema(TaskType.KEYPOINT_DETECTION, 1);
        Singleton.KeypointInstance boxed = new Singleton.KeypointInstance(
                1,
                Keypoints.of(1, 2, 0.5, 3, 4, 0.25),
                0.9,
                Optional.of(new BoundingBox(0, 0, 5, 5)),
                Optional.empty());
        PredictionsTable table = new PredictionsTableBuilder("pose", schema)
                .add("a.png", file(boxed, keypoints(1, 0.3)))
                .build();

        assertThat(table.keypointCount(0)).isEqualTo(2);
        assertThat(table.keypointConfidence(0, 1)).isEqualTo(0.25);
        assertThat(table.keypointCount(1)).isEqualTo(0);
        assertThat(table.boundingBox(0)).contains(new BoundingBox(0, 0, 5, 5));
        assertThat(table.boundingBox(1)).isEmpty();
    }

    @Test
    void classificationWithoutScore_hasNanScore() {
        TaskSchema schema = schema(TaskType.CLASSIFICATION, 0, 1);
        PredictionsTable table = new PredictionsTableBuilder("cls", schema)
                .add("a.png", file(classification(1, 0.3, 0.7)))
                .build();

        assertThat(table.hasScore(0)).isFalse();
        assertThat(table.score(0)).isNaN();
    }

    @Test
    void joinedBuilders_keepEverySampleAndSortAcrossThem() {
        PredictionsTableBuilder first = new PredictionsTableBuilder("cars", DETECTION);
        PredictionsTableBuilder second = new PredictionsTableBuilder("cars", DETECTION);
        for (int i = 0; i < 20000; i++) {
            String name = String.format("img_%05d.png", i);
            (i % 2 == 0 ? second : first).add(name, file(box(3, i / 20000.0, 0.5, 0.25, 0.25), box(11, 0.5)));
        }
        PredictionsTable table = first.addAll(second).build();

        assertThat(table.sampleCount()).isEqualTo(20000);
        assertThat(table.singletonCount()).isEqualTo(40000);
        for (int i = 0; i < 20000; i++) {
            assertThat(table.sampleName(i)).isEqualTo(String.format("img_%05d.png", i));
            assertThat(table.score(table.firstSingleton(i))).isEqualTo(i / 20000.0);
            assertThat(table.probability(table.firstSingleton(i), 0)).isEqualTo(0.5);
            assertThat(table.hasProbabilities(table.firstSingleton(i) + 1)).isFalse();
        }
        assertThatThrownBy(() -> second.add("x.png", file()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("This builder was already built or joined into another; start a new one.");
    }

    @Test
    void predictionFile_isTheTaskPathOfTheSampleStem() {
        PredictionsTable table = new PredictionsTableBuilder("cars", DETECTION)
                .add("a/b/img.png", file())
                .add("v-07-mp4.png", file())
                .build();

        assertThat(table.predictionFile(0)).isEqualTo(".lightly/predictions/cars/a/b/img.json");
        assertThat(table.predictionFile(1)).isEqualTo(".lightly/predictions/cars/v-07-mp4.json");
    }

    @Test
    void duplicateSample_isRefused() {
        PredictionsTableBuilder builder = new PredictionsTableBuilder("cars", DETECTION)
                .add("a.png", file())
                .add("a.png", file());

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Sample a.png was added twice to the table of task cars; each sample has one prediction file.");
    }

    @Test
    void unknownCategory_isRefusedWithoutAddingTheSample() {
        PredictionsTableBuilder builder = new PredictionsTableBuilder("cars", DETECTION);

        assertThatThrownBy(() -> builder.add("a.png", file(box(3, 0.5), box(4, 0.5))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Prediction 1 of sample a.png has category id 4, which the schema of task cars "
                        + "does not define.");
        assertThat(builder.sampleCount()).isEqualTo(0);
    }

    @Test
    void wrongProbabilityLength_isRefused() {
        PredictionsTableBuilder builder = new PredictionsTableBuilder("cars", DETECTION);

        assertThatThrownBy(() -> builder.add("a.png", file(box(3, 0.5, 0.5, 0.5))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Prediction 0 of sample a.png has 2 probabilities, but task cars has 3 categories.");
    }

    @Test
    void singletonOfAnotherTaskType_isRefused() {
        PredictionsTableBuilder builder = new PredictionsTableBuilder("cars", DETECTION);

        assertThatThrownBy(() -> builder.add("a.png", file(classification(3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Prediction 0 of sample a.png is a classification prediction, but task cars is "
                        + "of type object-detection.");
    }

    @Test
    void buildersOfDifferentTasks_cannotBeJoined() {
        PredictionsTableBuilder cars = new PredictionsTableBuilder("cars", DETECTION);
        PredictionsTableBuilder bikes = new PredictionsTableBuilder("bikes", DETECTION);

        assertThatThrownBy(() -> cars.addAll(bikes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Only builders of the same task can be joined, but task bikes was added to task cars.");
    }
}
