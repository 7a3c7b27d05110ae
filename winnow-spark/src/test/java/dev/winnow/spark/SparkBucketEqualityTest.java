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
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over a datasource in an S3 bucket (S3Proxy, in this JVM), a Spark run writes the same
 * selected.txt, selection.csv and scores.csv as {@code winnow run} over the same bucket and over a
 * local copy of it, byte for byte. The executors open the bucket themselves, from the default
 * credential chain.
 */
class SparkBucketEqualityTest {
    private static final String CONFIG = """
            {"selection": {"n_samples": 10, "strategies": [
              {"input": {"type": "EMBEDDINGS"}, "strategy": {"type": "DIVERSITY"}},
              {"input": {"type": "SCORES", "task": "shapes", "score": "uncertainty_entropy"}, "strategy": {"type": \
            "WEIGHTS"}},
              {"input": {"type": "PREDICTIONS", "task": "shape-class", "name": "CLASS_DISTRIBUTION"}, "strategy": \
            {"type": "BALANCE", "distribution": "UNIFORM", "strength": 0.5}}]},
             "seed": 5}
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
        DemoDataset.generate(local, 24, 48, 36, 9);
        Files.writeString(tmp.resolve("run.json"), CONFIG);
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

    private static String[] run(String input, String... more) {
        String[] args = {
            "run", "--input", input, "--config", tmp.resolve("run.json").toString(), "--run-id", "r"
        };
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    @Test
    void sparkRunOverABucket_writesWhatLocalRunsOverTheBucketAndALocalCopyWrite() throws Exception {
        String forLocal = upload("local-run");
        String forSpark = upload("spark-run");

        SparkRuns.Outcome onDisk = SparkRuns.local(run(local.toString()));
        assertThat(onDisk.exit()).as(onDisk.err()).isZero();
        SparkRuns.Outcome inBucket = SparkRuns.local(run(forLocal));
        assertThat(inBucket.exit()).as(inBucket.err()).isZero();
        SparkRuns.Outcome spark = SparkRuns.spark(run(forSpark, "--master", "local[2]", "--partitions", "2"));
        assertThat(spark.exit()).as(spark.err()).isZero();
        assertThat(spark.out()).startsWith("Run r finished.\n").doesNotContain(S3ProxyServer.SECRET_KEY);
        assertThat(spark.err()).doesNotContain(S3ProxyServer.SECRET_KEY);

        assertThat(runFile(forSpark, "selected.txt").lines().count()).isEqualTo(10);
        for (String file : COMPARED) {
            String expected = runFile(local.toString(), file);
            assertThat(runFile(forLocal, file))
                    .as("winnow run over the bucket, " + file)
                    .isEqualTo(expected);
            assertThat(runFile(forSpark, file))
                    .as("winnow spark run over the bucket, " + file)
                    .isEqualTo(expected);
        }
    }
}
