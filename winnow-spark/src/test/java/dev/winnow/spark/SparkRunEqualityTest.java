package dev.winnow.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.demo.DemoDataset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spark run writes the same selected.txt, selection.csv and scores.csv as a run on one machine,
 * byte for byte, whatever the number of partitions: for images, for video frames and on object
 * level.
 */
class SparkRunEqualityTest {
    private static final String IMAGE_LEVEL = """
            {"selection": {"n_samples": 12, "strategies": [
              {"input": {"type": "EMBEDDINGS"}, "strategy": {"type": "DIVERSITY"}},
              {"input": {"type": "SCORES", "task": "shapes", "score": "uncertainty_entropy"}, "strategy": {"type": \
            "WEIGHTS"}},
              {"input": {"type": "PREDICTIONS", "task": "shape-class", "name": "CLASS_DISTRIBUTION"}, "strategy": \
            {"type": "BALANCE", "distribution": "UNIFORM", "strength": 0.5}}]},
             "frame_stride": 3, "seed": 7}
            """;
    private static final String OBJECT_LEVEL = """
            {"selection": {"n_samples": 15, "strategies": [
              {"input": {"type": "EMBEDDINGS"}, "strategy": {"type": "DIVERSITY"}},
              {"input": {"type": "SCORES", "task": "shapes", "score": "uncertainty_entropy"}, "strategy": {"type": \
            "WEIGHTS"}}]},
             "object_level": {"task_name": "shapes", "padding": 0.1}, "frame_stride": 4, "seed": 3}
            """;
    private static final String DISTRIBUTED = """
            {"selection": {"n_samples": 9, "engine": "distributed", "partitions": 3, "strategies": [
              {"input": {"type": "EMBEDDINGS"}, "strategy": {"type": "DIVERSITY"}}]}, "seed": 6}
            """;
    private static final List<String> COMPARED = List.of("selected.txt", "selection.csv", "scores.csv");

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static Path images;
    private static Path withVideo;

    @BeforeAll
    static void start() throws Exception {
        spark = SparkRuns.session();
        images = tmp.resolve("images");
        DemoDataset.generate(images, 30, 64, 48, 11);
        withVideo = tmp.resolve("with-video");
        DemoDataset.generate(withVideo, 12, 64, 48, 5);
        DemoDataset.generateVideo(withVideo, 40, 64, 48, 5);
        Files.writeString(tmp.resolve("image-level.json"), IMAGE_LEVEL);
        Files.writeString(tmp.resolve("object-level.json"), OBJECT_LEVEL);
        Files.writeString(tmp.resolve("distributed.json"), DISTRIBUTED);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void imageLevel_sameOutputsWithOneTwoAndSevenPartitions() throws Exception {
        assertSameAsLocal(images, "image-level.json", "images");
    }

    /** Two-round k-center: round one on the executors gives the picks round one on one machine gives. */
    @Test
    void distributedSelectionEngine_sameOutputsWithOneTwoAndSevenPartitions() throws Exception {
        assertSameAsLocal(images, "distributed.json", "distributed");
    }

    @Test
    void videoFrames_sameOutputsWithOneTwoAndSevenPartitions() throws Exception {
        assertSameAsLocal(withVideo, "image-level.json", "frames");
    }

    @Test
    void objectLevel_sameOutputsWithOneTwoAndSevenPartitions() throws Exception {
        assertSameAsLocal(withVideo, "object-level.json", "objects");
        Path local = tmp.resolve("objects-local");
        for (int partitions : new int[] {1, 2, 7}) {
            Path output = tmp.resolve("objects-spark-" + partitions);
            assertThat(SparkRuns.runFile(output, "r", "selected_crops.csv"))
                    .isEqualTo(SparkRuns.runFile(local, "r", "selected_crops.csv"));
        }
    }

    private static void assertSameAsLocal(Path input, String config, String name) throws Exception {
        Path local = SparkRuns.output(tmp, input, name + "-local");
        SparkRuns.Outcome expected = SparkRuns.local(SparkRuns.run(input, local, tmp.resolve(config), "r"));
        assertThat(expected.exit()).as(expected.err()).isZero();
        byte[] selected = SparkRuns.runFile(local, "r", "selected.txt");
        assertThat(new String(selected, StandardCharsets.UTF_8).lines().count()).isGreaterThan(3);
        for (int partitions : new int[] {1, 2, 7}) {
            Path output = SparkRuns.output(tmp, input, name + "-spark-" + partitions);
            SparkRuns.Outcome outcome = SparkRuns.spark(SparkRuns.run(
                    input, output, tmp.resolve(config), "r", "--master", "local[2]", "--partitions", "" + partitions));
            assertThat(outcome.exit()).as(outcome.err()).isZero();
            assertThat(outcome.out()).startsWith("Run r finished.\n");
            SparkRuns.assertSameRunFiles(local, output, "r", COMPARED, "with " + partitions + " partitions");
        }
    }
}
