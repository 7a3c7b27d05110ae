package dev.winnow.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.demo.DemoDataset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code winnow spark validate} and {@code winnow spark scores} print, return and write the same as
 * {@code winnow validate} and {@code winnow scores}, byte for byte, with one partition and several:
 * on valid predictions and on predictions with problems of every kind the checks find in a file, in
 * a task folder, in an image and in a video's frame names.
 */
class SparkValidateScoresTest {
    private static final int[] PARTITIONS = {1, 2, 7};

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static Path valid;
    private static Path broken;

    @BeforeAll
    static void start() throws Exception {
        spark = SparkRuns.session();
        valid = tmp.resolve("valid");
        DemoDataset.generate(valid, 20, 48, 32, 4);
        DemoDataset.generateVideo(valid, 30, 48, 32, 4);
        broken = tmp.resolve("broken");
        DemoDataset.generate(broken, 20, 48, 32, 9);
        DemoDataset.generateVideo(broken, 30, 48, 32, 9);
        Path shapes = broken.resolve(".lightly/predictions/shapes");
        Files.writeString(shapes.resolve("images/shapes-03.json"), "{\"predictions\": [ not json");
        Files.delete(broken.resolve(".lightly/predictions/shape-class/images/shapes-05.json"));
        Files.copy(shapes.resolve("images/shapes-04.json"), shapes.resolve("images/ghost.json"));
        Files.copy(shapes.resolve("videos/drive-02-mp4.json"), shapes.resolve("videos/drive-99-mp4.json"));
        Files.copy(shapes.resolve("videos/drive-07-mp4.json"), shapes.resolve("videos/drive-7-mp4.json"));
        Files.writeString(shapes.resolve("notes.txt"), "not a prediction");
        // Its size cannot be read for either task that needs it: reported once, whatever the partitions.
        Files.write(broken.resolve("images/shapes-08.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 1});
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void validate_validPredictions_sameLinesAndExitCode() {
        SparkRuns.Outcome local = assertSame("validate", "--input", valid.toString());
        assertThat(local.exit()).isZero();
        assertThat(local.out()).endsWith("The predictions are valid.\n");
    }

    @Test
    void validate_problems_sameLinesSummaryAndExitCode() {
        SparkRuns.Outcome local = assertSame("validate", "--input", broken.toString());
        assertThat(local.exit()).isEqualTo(1);
        assertThat(local.out())
                .contains("images/shapes-08.jpg")
                .contains("videos/drive-99-mp4.json")
                .contains("videos/drive-7-mp4.json")
                .contains("images/ghost.json")
                .contains("notes.txt")
                .endsWith("The predictions have errors.\n");
        assertThat(local.out().lines().filter(l -> l.contains("images/shapes-08.jpg")))
                .hasSize(1);
    }

    @Test
    void validate_problemsAsJsonWithFewDiagnosticsKept_sameLines() {
        SparkRuns.Outcome local =
                assertSame("validate", "--input", broken.toString(), "--format", "json", "--max-errors", "3");
        assertThat(local.exit()).isEqualTo(1);
        assertThat(local.out().lines()).hasSize(4);
        assertThat(local.out()).contains("\"suppressed\":");
    }

    @Test
    void scores_validPredictions_sameCsvAndSummary() {
        SparkRuns.Outcome local = assertSame("scores", "--input", valid.toString(), "--task", "shapes");
        assertThat(local.exit()).isZero();
        assertThat(local.out()).startsWith("sample,objectness_least_confidence,object_frequency,");
        assertThat(local.out().lines()).hasSize(1 + 20 + 30);
    }

    @Test
    void scores_problems_sameCsvDiagnosticsAndExitCode() {
        SparkRuns.Outcome local = assertSame("scores", "--input", broken.toString(), "--task", "shapes");
        assertThat(local.exit()).isEqualTo(1);
        assertThat(local.err()).contains("images/shapes-03.json").contains("1 invalid prediction file was skipped.");
    }

    @Test
    void scores_toAFile_sameBytesWritten() throws Exception {
        Path expected = tmp.resolve("scores-local.csv");
        SparkRuns.Outcome local = SparkRuns.local(
                "scores", "--input", broken.toString(), "--task", "shapes", "--out", expected.toString());
        assertThat(local.exit()).isEqualTo(1);
        assertThat(local.out()).isEmpty();
        for (int partitions : PARTITIONS) {
            Path written = tmp.resolve("scores-spark-" + partitions + ".csv");
            SparkRuns.Outcome outcome = SparkRuns.spark(
                    "scores",
                    "--input",
                    broken.toString(),
                    "--task",
                    "shapes",
                    "--out",
                    written.toString(),
                    "--master",
                    "local[2]",
                    "--partitions",
                    "" + partitions);
            assertThat(outcome).isEqualTo(local);
            assertThat(Files.readString(written, StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
        }
    }

    @Test
    void partitionsBelowOne_usageError() {
        SparkRuns.Outcome outcome =
                SparkRuns.spark("validate", "--input", valid.toString(), "--master", "local[2]", "--partitions", "0");
        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.err()).isEqualTo("winnow: --partitions must be 1 or more, but was 0.\n");
    }

    /** Runs the local command, then the Spark one with each number of partitions; all must agree. */
    private static SparkRuns.Outcome assertSame(String... args) {
        SparkRuns.Outcome local = SparkRuns.local(args);
        for (int partitions : PARTITIONS) {
            List<String> sparkArgs = new ArrayList<>(List.of(args));
            sparkArgs.addAll(List.of("--master", "local[2]", "--partitions", "" + partitions));
            SparkRuns.Outcome outcome = SparkRuns.spark(sparkArgs.toArray(String[]::new));
            assertThat(outcome).as("%s partitions", partitions).isEqualTo(local);
        }
        return local;
    }
}
