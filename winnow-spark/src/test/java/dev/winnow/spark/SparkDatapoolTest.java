package dev.winnow.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.demo.DemoDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The datapool is shared between the engines: a Spark run followed by a local run over the same
 * output (and the reverse) processes only the samples the first one did not see.
 */
class SparkDatapoolTest {
    private static final String CONFIG = """
            {"selection": {"n_samples": 5, "strategies": [
              {"input": {"type": "EMBEDDINGS"}, "strategy": {"type": "DIVERSITY"}}]}, "seed": 2}
            """;

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static Path more;

    @BeforeAll
    static void start() throws Exception {
        spark = SparkRuns.session();
        Files.writeString(tmp.resolve("run.json"), CONFIG);
        // The same seed gives the same first 30 images: "more" is the 30 plus 6 new ones.
        more = tmp.resolve("more");
        DemoDataset.generate(more, 36, 40, 30, 21);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void sparkThenLocal_localProcessesOnlyTheNewSamples() throws Exception {
        Path input = tmp.resolve("spark-first");
        Path output = SparkRuns.output(tmp, firstThirty(input), "spark-first-out");
        SparkRuns.Outcome first =
                SparkRuns.spark(run(input, output, "one", "--master", "local[2]", "--partitions", "3"));
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains(samplesLine(30, 30, 0));
        addSixMore(input, output);
        SparkRuns.Outcome second = SparkRuns.local(run(input, output, "two"));
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains(samplesLine(36, 6, 30));
    }

    @Test
    void localThenSpark_sparkProcessesOnlyTheNewSamples() throws Exception {
        Path input = tmp.resolve("local-first");
        Path output = SparkRuns.output(tmp, firstThirty(input), "local-first-out");
        SparkRuns.Outcome first = SparkRuns.local(run(input, output, "one"));
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains(samplesLine(30, 30, 0));
        addSixMore(input, output);
        SparkRuns.Outcome second =
                SparkRuns.spark(run(input, output, "two", "--master", "local[2]", "--partitions", "3"));
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains(samplesLine(36, 6, 30));
        SparkRuns.Outcome third =
                SparkRuns.spark(run(input, output, "three", "--master", "local[2]", "--partitions", "2"));
        assertThat(third.exit()).as(third.err()).isZero();
        assertThat(third.out()).contains(samplesLine(36, 0, 36));
    }

    private static String samplesLine(int listed, int processed, int known) {
        return "  samples:     " + listed + " listed (" + listed + " images), " + processed + " processed, " + known
                + " known from earlier runs, 0 unreadable\n";
    }

    /** A copy of the first 30 images of "more" and their predictions, in {@code input}. */
    private static Path firstThirty(Path input) throws IOException {
        copyTree(more, input);
        for (int i = 30; i < 36; i++) {
            for (Path f : sample(input, i)) {
                Files.delete(f);
            }
        }
        return input;
    }

    /** Adds images 30 to 35 to the input and their predictions to the output's .lightly/. */
    private static void addSixMore(Path input, Path output) throws IOException {
        for (int i = 30; i < 36; i++) {
            for (Path f : sample(more, i)) {
                Path relative = more.relativize(f);
                Path to = (relative.startsWith(".lightly") ? output : input).resolve(relative.toString());
                Files.copy(f, to, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /** Image {@code i} of a demo folder and its prediction files. */
    private static Path[] sample(Path folder, int i) {
        String stem = "images/shapes-" + i;
        return new Path[] {
            folder.resolve(stem + ".jpg"),
            folder.resolve(".lightly/predictions/" + DemoDataset.CLASSIFICATION + "/" + stem + ".json"),
            folder.resolve(".lightly/predictions/" + DemoDataset.DETECTION + "/" + stem + ".json"),
            folder.resolve(".lightly/predictions/" + DemoDataset.SEGMENTATION + "/" + stem + ".json")
        };
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static String[] run(Path input, Path output, String runId, String... extra) {
        return SparkRuns.run(input, output, tmp.resolve("run.json"), runId, extra);
    }
}
