package dev.winnow.spark;

import dev.winnow.run.PartitionStep;
import dev.winnow.run.RunLocations;
import dev.winnow.run.RunSample;
import dev.winnow.run.SampleEngine;
import dev.winnow.select.EmbeddingMatrix;
import dev.winnow.select.KCenterRoundOne;
import dev.winnow.select.TwoRoundKCenter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.SparkException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.jspecify.annotations.Nullable;

/**
 * Computes a run's partitions on a Spark cluster: one Spark task per partition, each opening the
 * datasources and embedder on its executor from the run's {@link RunLocations} (no credentials
 * travel); an ONNX model's bytes are a broadcast variable, so each executor fetches them once and
 * opens one session, and no executor reads the model's path. {@code collect} returns one result per partition in
 * partition order, so a task Spark retries after a failure contributes its rows once.
 */
final class SparkEngine implements SampleEngine {
    /**
     * A test hook, as a local property of the driver's thread: {@code "P,N"} makes the first N
     * attempts of partition P's task fail, as tasks on a lost executor would, so that Spark's retry
     * (and a job that runs out of retries) can be exercised. Unset, nothing fails.
     */
    static final String FAIL_ATTEMPTS = "winnow.test.failAttempts";

    private final JavaSparkContext spark;
    private final int partitions;
    private final RunLocations locations;

    SparkEngine(JavaSparkContext spark, int partitions, RunLocations locations) {
        this.spark = spark;
        this.partitions = partitions;
        this.locations = locations;
    }

    @Override
    public int partitions() {
        return partitions;
    }

    @Override
    public List<byte[]> compute(List<List<RunSample>> samples, PartitionStep step) throws IOException {
        List<ArrayList<RunSample>> slices = new ArrayList<>();
        samples.forEach(s -> slices.add(new ArrayList<>(s)));
        RunLocations where = locations;
        String hook = spark.getLocalProperty(FAIL_ATTEMPTS);
        int failPartition = hook == null ? -1 : Integer.parseInt(hook.split(",")[0]);
        int failAttempts = hook == null ? 0 : Integer.parseInt(hook.split(",")[1]);
        // An ONNX model travels as a broadcast: read here once, fetched once by each executor.
        @Nullable
        Broadcast<byte[]> model =
                PartitionStep.onnxModel(where).map(spark::broadcast).orElse(null);
        try {
            return spark.parallelize(slices, slices.size())
                    .map(slice -> {
                        TaskContext task = TaskContext.get();
                        if (task != null
                                && task.partitionId() == failPartition
                                && task.attemptNumber() < failAttempts) {
                            throw new IOException("Attempt " + task.attemptNumber() + " of partition " + failPartition
                                    + " fails, as " + FAIL_ATTEMPTS + " asks.");
                        }
                        return step.compute(where, model == null ? null : model::value, slice);
                    })
                    .collect();
        } catch (Exception e) {
            throw failed(e, "the run's " + slices.size() + " partitions", "the run ends without outputs");
        } finally {
            if (model != null) {
                model.destroy();
            }
        }
    }

    @Override
    public Optional<KCenterRoundOne> kCenterRoundOne() {
        return Optional.of(this::roundOne);
    }

    /**
     * Round one of two-round k-center on the executors: one task per part, which carries the part's
     * rows and computes its centres; the driver then runs round two over their union.
     */
    private int[][] roundOne(List<EmbeddingMatrix> parts, int picks, EmbeddingMatrix earlier, long seed) {
        int dimension = earlier.dimension();
        float[] before = earlier.rows();
        List<float[]> rows = new ArrayList<>();
        parts.forEach(p -> rows.add(p.rows()));
        try {
            return spark.parallelize(rows, rows.size())
                    .map(part -> TwoRoundKCenter.partCentres(
                            new EmbeddingMatrix(part, dimension), picks, new EmbeddingMatrix(before, dimension), seed))
                    .collect()
                    .toArray(new int[0][]);
        } catch (Exception e) {
            throw new UncheckedIOException(failed(
                    e, "round one of the selection's " + parts.size() + " parts", "the run ends without outputs"));
        }
    }

    /**
     * What a Spark job that failed after Spark's retries becomes: an IOException naming the last
     * failure and what the command does about it. Scala's collect throws SparkException, a checked
     * exception it does not declare; other exceptions are rethrown as they are.
     */
    static IOException failed(Exception e, String over, String consequence) {
        if (!(e instanceof SparkException)) {
            if (e instanceof RuntimeException r) {
                throw r;
            }
            return e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return new IOException(
                "The Spark job over " + over + " failed after Spark's retries, so " + consequence
                        + "; the last failure: "
                        + (cause == e || cause.getMessage() == null ? "see the executors' logs." : cause.getMessage()),
                e);
    }
}
