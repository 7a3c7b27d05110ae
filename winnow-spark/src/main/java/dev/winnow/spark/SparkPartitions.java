package dev.winnow.spark;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.Locations;
import dev.winnow.datasource.PartitionEngine;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The per-file work of {@code validate} and {@code scores} on a Spark cluster: one Spark task per
 * partition; each executor opens the input and output locations itself, once per JVM (no
 * credentials travel), and {@code collect} returns one result per partition in partition order, so
 * a retried task contributes once.
 */
final class SparkPartitions implements PartitionEngine {
    /** The locations executors have opened, by the text the user wrote. */
    private static final Map<String, Datasource> OPENED = new ConcurrentHashMap<>();

    private final JavaSparkContext spark;
    private final int partitions;
    private final String input;
    private final String output;

    SparkPartitions(JavaSparkContext spark, int partitions, String input, String output) {
        this.spark = spark;
        this.partitions = partitions;
        this.input = input;
        this.output = output;
    }

    @Override
    public int partitions() {
        return partitions;
    }

    @Override
    public <T extends Serializable, R extends Serializable> List<R> map(
            List<List<T>> parts, PartitionEngine.Task<T, R> task) throws IOException {
        String from = input;
        String to = output;
        List<ArrayList<T>> slices = new ArrayList<>();
        parts.forEach(p -> slices.add(new ArrayList<>(p)));
        try {
            return spark.parallelize(slices, slices.size())
                    .map(items -> task.run(opened(from), opened(to), items))
                    .collect();
        } catch (Exception e) {
            throw SparkEngine.failed(e, parts.size() + " partitions of prediction files", "nothing is reported");
        }
    }

    private static Datasource opened(String location) throws IOException {
        Datasource known = OPENED.get(location);
        if (known == null) {
            known = Locations.open(location);
            Datasource raced = OPENED.putIfAbsent(location, known);
            known = raced == null ? known : raced;
        }
        return known;
    }
}
