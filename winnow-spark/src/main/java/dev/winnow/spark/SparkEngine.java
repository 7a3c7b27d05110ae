package dev.winnow.spark;

import dev.winnow.run.PartitionStep;
import dev.winnow.run.RunLocations;
import dev.winnow.run.RunSample;
import dev.winnow.run.SampleEngine;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Computes a run's partitions on a Spark cluster: one Spark task per partition, each opening the
 * datasources and embedder on its executor from the run's {@link RunLocations} (no credentials
 * travel). {@code collect} returns one result per partition in partition order, so a task Spark
 * retries after a failure contributes its rows once.
 */
final class SparkEngine implements SampleEngine {
    /**
     * A test hook: the first attempt of the task of this partition fails, as a lost executor's task
     * would, so that Spark's retry is exercised. Set as Spark configuration; -1 (the default) is off.
     */
    static final String FAIL_ONCE = "spark.winnow.test.failFirstAttemptOfPartition";

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
    public List<byte[]> compute(List<List<RunSample>> samples, PartitionStep step) {
        List<ArrayList<RunSample>> slices = new ArrayList<>();
        samples.forEach(s -> slices.add(new ArrayList<>(s)));
        RunLocations where = locations;
        int failOnce = spark.getConf().getInt(FAIL_ONCE, -1);
        return spark.parallelize(slices, slices.size())
                .map(slice -> {
                    TaskContext task = TaskContext.get();
                    if (task != null && task.partitionId() == failOnce && task.attemptNumber() == 0) {
                        throw new IllegalStateException(
                                "Partition " + failOnce + " fails its first attempt, as " + FAIL_ONCE + " asks.");
                    }
                    return step.compute(where, slice);
                })
                .collect();
    }
}
