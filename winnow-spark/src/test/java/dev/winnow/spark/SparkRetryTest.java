package dev.winnow.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.demo.DemoDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.ExceptionFailure;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task that fails is retried by Spark and the run's outputs are those of a run without failures;
 * a job that runs out of retries ends the run with a sentence and leaves no completed run behind.
 */
class SparkRetryTest {
    private static final String CONFIG = """
            {"selection": {"n_samples": 6, "strategies": [
              {"input": {"type": "EMBEDDINGS"}, "strategy": {"type": "DIVERSITY"}},
              {"input": {"type": "SCORES", "task": "shapes", "score": "uncertainty_margin"}, "strategy": {"type": \
            "WEIGHTS"}}]},
             "frame_stride": 5, "seed": 2}
            """;

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static Path input;
    private static final AtomicInteger FAILED_TASKS = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        spark = SparkRuns.session();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.reason() instanceof ExceptionFailure) {
                    FAILED_TASKS.incrementAndGet();
                }
            }
        });
        input = tmp.resolve("data");
        DemoDataset.generate(input, 16, 48, 36, 21);
        DemoDataset.generateVideo(input, 20, 48, 36, 21);
        Files.writeString(tmp.resolve("run.json"), CONFIG);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @AfterEach
    void noHook() {
        spark.sparkContext().setLocalProperty(SparkEngine.FAIL_ATTEMPTS, null);
    }

    @Test
    void taskFailingOnce_isRetried_andTheOutputsAreThoseOfALocalRun() throws Exception {
        Path local = SparkRuns.output(tmp, input, "local");
        assertThat(SparkRuns.local(args(local)).exit()).isZero();
        Path output = SparkRuns.output(tmp, input, "retried");
        FAILED_TASKS.set(0);
        spark.sparkContext().setLocalProperty(SparkEngine.FAIL_ATTEMPTS, "1,1");

        SparkRuns.Outcome outcome = SparkRuns.spark(args(output, "--master", "local[2,2]", "--partitions", "3"));

        assertThat(outcome.exit()).as(outcome.err()).isZero();
        for (int wait = 0; wait < 100 && FAILED_TASKS.get() == 0; wait++) {
            Thread.sleep(100); // task ends reach listeners asynchronously
        }
        assertThat(FAILED_TASKS.get()).isEqualTo(1);
        SparkRuns.assertSameRunFiles(
                local, output, "r", List.of("selected.txt", "selection.csv", "scores.csv"), "after the retry");
        assertThat(output.resolve(".winnow/runs/r/run.complete")).exists();
    }

    @Test
    void taskFailingEveryAttempt_endsTheRunWithoutACompletedRun() throws Exception {
        Path output = SparkRuns.output(tmp, input, "failed");
        spark.sparkContext().setLocalProperty(SparkEngine.FAIL_ATTEMPTS, "0,2");

        SparkRuns.Outcome outcome = SparkRuns.spark(args(output, "--master", "local[2,2]", "--partitions", "2"));

        assertThat(outcome.exit()).isEqualTo(3);
        assertThat(outcome.err())
                .isEqualTo("winnow: The Spark job over the run's 2 partitions failed after Spark's retries, so the run"
                        + " ends without outputs; the last failure: Attempt 1 of partition 0 fails, as"
                        + " winnow.test.failAttempts asks.\n");
        assertThat(output.resolve(".winnow/runs/r")).doesNotExist();
        try (var runs = Files.list(output.resolve(".winnow/runs"))) {
            assertThat(runs.filter(p -> Files.exists(p.resolve("run.complete"))))
                    .isEmpty();
        }
    }

    private static String[] args(Path output, String... extra) {
        return SparkRuns.run(input, output, tmp.resolve("run.json"), "r", extra);
    }
}
