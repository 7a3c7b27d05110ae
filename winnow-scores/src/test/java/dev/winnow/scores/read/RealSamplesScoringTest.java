package dev.winnow.scores.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.format.BoundingBox;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.RleMask;
import dev.winnow.format.validate.ValidationOptions;
import dev.winnow.media.ImageHeaders;
import dev.winnow.media.ImageSize;
import dev.winnow.scores.ActiveLearningScorer;
import dev.winnow.scores.ActiveLearningScores;
import dev.winnow.scores.ProbabilityScores;
import dev.winnow.scores.ScoreName;
import dev.winnow.scores.table.PredictionsTable;
import dev.winnow.testsupport.SampleMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scores predictions written for the real images and video of the shared sample data (read in place). */
class RealSamplesScoringTest {
    @TempDir
    Path output;

    private LocalDatasource input;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    @BeforeEach
    void sampleData() throws IOException {
        input = LocalDatasource.at(SampleMedia.folder());
        write(".lightly/predictions/tasks.json", "[\"objects\", \"seg\"]");
    }

    @Test
    void detection_overImagesAndVideoFrames() throws Exception {
        write(".lightly/predictions/objects/schema.json", """
                {"task_type": "object-detection", "categories": [{"id": 0, "name": "thing"}, {"id": 1, "name": \
                "fruit"}]}""");
        ImageSize chess = ImageHeaders.read(input, "chessboard.png");
        ImageSize fruits = ImageHeaders.read(input, "objects/fruits.jpg");
        write(
                ".lightly/predictions/objects/chessboard.json",
                "{\"file_name\": \"chessboard.png\", \"predictions\": [" + box(0, chess, 0.9, "") + ", "
                        + box(0, chess, 0.7, "") + "]}");
        write(
                ".lightly/predictions/objects/objects/fruits.json",
                "{\"predictions\": [" + box(1, fruits, 0.5, ", \"probabilities\": [0.5, 0.5]") + "]}");
        write(".lightly/predictions/objects/objects/orange.json", "{\"predictions\": []}");
        String frameBox = "{\"predictions\": [{\"category_id\": 0, \"bbox\": [2, 2, 8, 8], \"score\": 0.25}]}";
        write(".lightly/predictions/objects/street/tree-00-mp4.json", frameBox);
        write(".lightly/predictions/objects/street/tree-10-mp4.json", frameBox);

        TaskPredictions.Result result = read("objects");
        PredictionsTable table = result.table();
        ActiveLearningScores scores = ActiveLearningScorer.scoreTable(table);

        assertThat(diagnostics).isEmpty();
        assertThat(table.sampleNames())
                .containsExactly(
                        "chessboard.png",
                        "objects/fruits.jpg",
                        "objects/orange.jpg",
                        "street/tree-00-mp4.png",
                        "street/tree-10-mp4.png");
        // baboon, butterfly, pic3, building, home and 66 of the video's 68 frames.
        assertThat(result.samplesWithoutPrediction()).isEqualTo(5 + 66);
        assertThat(table.boundingBox(0))
                .contains(new BoundingBox(0, 0, Math.floorDiv(chess.width(), 2), Math.floorDiv(chess.height(), 2)));
        assertThat(scores.column(ScoreName.OBJECTNESS_LEAST_CONFIDENCE))
                .containsExactly(1 - (0.9 + 0.7) / 2, 0.5, 0.0, 0.75, 0.75);
        assertThat(scores.column(ScoreName.OBJECT_FREQUENCY)).containsExactly(1.0, 0.98, 0.9, 0.98, 0.98);
        assertThat(scores.column(ScoreName.UNCERTAINTY_ENTROPY))
                .containsExactly(
                        ProbabilityScores.entropy(0.7, 0.30000000000000004),
                        1.0,
                        0.0,
                        ProbabilityScores.entropy(0.25, 0.75),
                        ProbabilityScores.entropy(0.25, 0.75));
        assertThat(scores.column(ScoreName.UNCERTAINTY_MARGIN))
                .containsExactly(ProbabilityScores.margin(0.7, 0.30000000000000004), 1.0, 0.0, 0.5, 0.5);
    }

    @Test
    void semanticSegmentation_weightsSegmentsByTheirAreaOnARealImage() throws Exception {
        write(".lightly/predictions/seg/schema.json", """
                {"task_type": "semantic-segmentation", "categories": [{"id": 0, "name": "sky"}, {"id": 1, "name": \
                "building"}]}""");
        ImageSize size = ImageHeaders.read(input, "street/building.jpg");
        int w = size.width();
        int h = size.height();
        // Sky: the top third of the rows; building: every other pixel.
        boolean[] sky = new boolean[w * h];
        boolean[] building = new boolean[w * h];
        for (int i = 0; i < w * h; i++) {
            sky[i] = i / w < h / 3;
            building[i] = !sky[i];
        }
        RleMask skyMask = RleMask.encode(sky);
        RleMask buildingMask = RleMask.encode(building);
        write(
                ".lightly/predictions/seg/street/building.json",
                "{\"predictions\": ["
                        + "{\"category_id\": 0, \"segmentation\": " + Arrays.toString(skyMask.counts())
                        + ", \"score\": 0.9},"
                        + "{\"category_id\": 1, \"segmentation\": " + Arrays.toString(buildingMask.counts())
                        + ", \"score\": 0.6, \"probabilities\": [0.4, 0.6]}]}");

        ActiveLearningScores scores =
                ActiveLearningScorer.scoreTable(read("seg").table());

        long skyPixels = count(skyMask.decode(w * h));
        long buildingPixels = count(buildingMask.decode(w * h));
        assertThat(skyPixels).isEqualTo((long) (h / 3) * w);
        assertThat(skyPixels + buildingPixels).isEqualTo((long) w * h);
        double skyScore = ProbabilityScores.entropy(0.9, 0.09999999999999998);
        double buildingScore = ProbabilityScores.entropy(0.4, 0.6);
        assertThat(scores.sampleNames()).containsExactly("street/building.jpg");
        assertThat(scores.value(0, ScoreName.UNCERTAINTY_ENTROPY))
                .isEqualTo((skyPixels * skyScore + buildingPixels * buildingScore) / (skyPixels + buildingPixels));
        assertThat(diagnostics.stream().map(Diagnostic::toText).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    private static String box(int category, ImageSize size, double score, String extra) {
        return "{\"category_id\": " + category + ", \"bbox\": [0, 0, " + size.width() / 2 + ", " + size.height() / 2
                + "], \"score\": " + score + extra + "}";
    }

    private TaskPredictions.Result read(String task) throws Exception {
        return new TaskPredictions(input, LocalDatasource.at(output), ValidationOptions.defaults(), 2)
                .read(task, diagnostics::add);
    }

    private void write(String path, String text) throws IOException {
        Path file = output.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static long count(boolean[] mask) {
        long n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
