package dev.winnow.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.cloud.s3.S3ProxyServer;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.datasource.Locations;
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
 * Over a datasource in an S3 bucket (S3Proxy, in this JVM), a Spark run writes the same
 * selected.txt, selection.csv and scores.csv (and, at object level, selected_crops.csv) as
 * {@code winnow run} over the same bucket and over a local copy of it, byte for byte, with 1, 2
 * and 7 partitions: for images and video frames, and at object level. The executors open the
 * bucket themselves, from the default credential chain.
 */
class SparkBucketEqualityTest {
    private static final String IMAGE_LEVEL = """
            {"selection": {"n_samples": 10, "strategies": [
              {"input": {"type": "EMBEDDINGS"}, "strategy": {"type": "DIVERSITY"}},
              {"input": {"type": "SCORES", "task": "shapes", "score": "uncertainty_entropy"}, "strategy": {"type": \
            "WEIGHTS"}},
              {"input": {"type": "PREDICTIONS", "task": "shape-class", "name": "CLASS_DISTRIBUTION"}, "strategy": \
            {"type": "BALANCE", "distribution": "UNIFORM", "strength": 0.5}}]},
             "frame_stride": 3, "seed": 5}
            """;
    private static final String OBJECT_LEVEL = """
            {"selection": {"n_samples": 12, "strategies": [
              {"input": {"type": "EMBEDDINGS"}, "strategy": {"type": "DIVERSITY"}},
              {"input": {"type": "SCORES", "task": "shapes", "score": "uncertainty_entropy"}, "strategy": {"type": \
            "WEIGHTS"}}]},
             "object_level": {"task_name": "shapes", "padding": 0.1}, "frame_stride": 4, "seed": 3}
            """;
    private static final List<String> COMPARED = List.of("selected.txt", "selection.csv", "scores.csv");

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static S3ProxyServer server;
    private static Path local;

    @BeforeAll
    static void start() throws Exception {
        server = S3ProxyServer.get();
        server.useAsDefault();
        spark = SparkRuns.session();
        local = tmp.resolve("data");
        DemoDataset.generate(local, 16, 48, 36, 9);
        DemoDataset.generateVideo(local, 30, 48, 36, 9);
        Files.writeString(tmp.resolve("image-level.json"), IMAGE_LEVEL);
        Files.writeString(tmp.resolve("object-level.json"), OBJECT_LEVEL);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** A new bucket holding a copy of the local data under {@code data/}; its location. */
    private static String upload(String stem) throws Exception {
        String remote = "s3://" + server.newBucket(stem) + "/data";
        Datasource source = LocalDatasource.at(local);
        Datasource target = Locations.openOrCreate(remote);
        for (String path : source.list("")) {
            target.writeAtomically(path, source.readAllBytes(path, 1 << 24));
        }
        return remote;
    }

    private static String runFile(String location, String file) throws Exception {
        byte[] bytes = Locations.open(location).readAllBytes(".winnow/runs/r/" + file, 1 << 24);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String[] run(String input, String config, String... more) {
        String[] args = {
            "run", "--input", input, "--config", tmp.resolve(config).toString(), "--run-id", "r"
        };
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    @Test
    void imagesAndFrames_sparkRunsOverABucketWriteWhatLocalRunsWrite() throws Exception {
        assertSameAsLocal("image-level.json", "frames", COMPARED);
        // Both the images and the video's frames were among the samples.
        assertThat(runFile(tmp.resolve("frames-local").toString(), "scores.csv"))
                .contains(".png,", "-mp4.png,");
    }

    @Test
    void objectLevel_sparkRunsOverABucketWriteWhatLocalRunsWrite() throws Exception {
        List<String> files = new ArrayList<>(COMPARED);
        files.add("selected_crops.csv");
        assertSameAsLocal("object-level.json", "objects", files);
    }

    /**
     * {@code config} run by {@code winnow run} on the local copy and over a bucket, and by Spark over
     * a bucket with 1, 2 and 7 partitions: every run writes {@code files} as the local run does.
     */
    private static void assertSameAsLocal(String config, String stem, List<String> files) throws Exception {
        String expectedOutput = SparkRuns.output(tmp, local, stem + "-local").toString();
        SparkRuns.Outcome onDisk = SparkRuns.local(run(local.toString(), config, "--output", expectedOutput));
        assertThat(onDisk.exit()).as(onDisk.err()).isZero();
        assertThat(runFile(expectedOutput, "selected.txt").lines().count()).isGreaterThan(3);
        String forLocal = upload(stem + "-local-run");
        SparkRuns.Outcome inBucket = SparkRuns.local(run(forLocal, config));
        assertThat(inBucket.exit()).as(inBucket.err()).isZero();
        for (String file : files) {
            assertThat(runFile(forLocal, file))
                    .as("winnow run over the bucket, " + file)
                    .isEqualTo(runFile(expectedOutput, file));
        }
        for (int partitions : new int[] {1, 2, 7}) {
            String forSpark = upload(stem + "-spark-" + partitions);
            SparkRuns.Outcome outcome =
                    SparkRuns.spark(run(forSpark, config, "--master", "local[2]", "--partitions", "" + partitions));
            assertThat(outcome.exit()).as(outcome.err()).isZero();
            assertThat(outcome.out()).startsWith("Run r finished.\n").doesNotContain(S3ProxyServer.SECRET_KEY);
            assertThat(outcome.err()).doesNotContain(S3ProxyServer.SECRET_KEY);
            for (String file : files) {
                assertThat(runFile(forSpark, file))
                        .as("winnow spark run over the bucket with " + partitions + " partitions, " + file)
                        .isEqualTo(runFile(expectedOutput, file));
            }
        }
    }
}
