package dev.winnow.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.demo.DemoDataset;
import dev.winnow.testsupport.OnnxModels;
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
 * With an ONNX model in {@code run.json}, a Spark run (the model's bytes broadcast to the
 * executors, one session each) writes the same selected.txt, selection.csv and scores.csv as a run
 * on one machine, byte for byte.
 */
class SparkOnnxTest {
    private static final String CONFIG = """
            {"selection": {"n_samples": 8, "strategies": [
              {"input": {"type": "EMBEDDINGS"}, "strategy": {"type": "DIVERSITY"}},
              {"input": {"type": "SCORES", "task": "shapes", "score": "uncertainty_entropy"}, "strategy": {"type": \
            "WEIGHTS"}}]},
             "embeddings": {"model": "models/channel-means.onnx", "input_size": 8}, "seed": 4}
            """;
    private static final List<String> COMPARED = List.of("selected.txt", "selection.csv", "scores.csv");

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static Path input;

    @BeforeAll
    static void start() throws Exception {
        spark = SparkRuns.session();
        input = tmp.resolve("data");
        DemoDataset.generate(input, 20, 40, 30, 13);
        OnnxModels.channelMeans(Files.createDirectories(tmp.resolve("models")), "N", 8);
        Files.writeString(tmp.resolve("run.json"), CONFIG);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void onnxRun_sameOutputsAsTheLocalRun_withTwoAndSevenPartitions() throws Exception {
        Path config = tmp.resolve("run.json");
        Path local = SparkRuns.output(tmp, input, "local");
        SparkRuns.Outcome expected = SparkRuns.local(SparkRuns.run(input, local, config, "r"));
        assertThat(expected.exit()).as(expected.err()).isZero();
        String selected = new String(SparkRuns.runFile(local, "r", "selected.txt"), StandardCharsets.UTF_8);
        assertThat(selected.lines().count()).isEqualTo(8);
        for (int partitions : new int[] {2, 7}) {
            Path output = SparkRuns.output(tmp, input, "spark-" + partitions);
            SparkRuns.Outcome outcome = SparkRuns.spark(
                    SparkRuns.run(input, output, config, "r", "--master", "local[2]", "--partitions", "" + partitions));
            assertThat(outcome.exit()).as(outcome.err()).isZero();
            SparkRuns.assertSameRunFiles(local, output, "r", COMPARED, "with " + partitions + " partitions");
        }
    }
}
