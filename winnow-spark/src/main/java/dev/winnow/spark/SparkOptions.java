package dev.winnow.spark;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options every {@code winnow spark} command adds to the local command's. */
final class SparkOptions {
    @Option(
            names = "--master",
            paramLabel = "URL",
            description = "Spark master (local[N], yarn, k8s://..., spark://...); default: what spark-submit set.")
    @Nullable
    String master;

    @Option(
            names = "--partitions",
            paramLabel = "N",
            description = "Partitions the samples are split into (default: Spark's default parallelism).")
    @Nullable
    Integer partitions;

    /** Refuses a wrong {@code --partitions} before any Spark session starts. */
    void check() {
        if (partitions != null && partitions < 1) {
            throw new IllegalArgumentException("--partitions must be 1 or more, but was " + partitions + ".");
        }
    }
}
