package dev.winnow.datasource;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a command's per-file work runs when it is spread out over a cluster: each partition of
 * items goes to a {@link Task} on some machine, which opens the command's input and output
 * locations there itself (with that machine's credentials), and the results come back in partition
 * order. Commands merge them in the order they would have computed them alone, so their output
 * does not depend on the engine.
 */
public interface PartitionEngine {
    /** How many partitions the items are cut into (at least 1). */
    int partitions();

    /**
     * Runs {@code task} over each partition and returns each partition's result, in partition order.
     * A partition computed more than once (a retried task) is returned once.
     */
    <T extends Serializable, R extends Serializable> List<R> map(List<List<T>> partitions, Task<T, R> task)
            throws IOException;

    /** The work on one partition, sent to where it runs; it captures no datasource and no credential. */
    @FunctionalInterface
    interface Task<T, R> extends Serializable {
        R run(Datasource input, Datasource output, List<T> items) throws IOException;
    }

    /** {@code items} cut into {@code count} runs of consecutive items whose sizes differ by one at most. */
    static <T> List<List<T>> split(List<T> items, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("At least one partition is needed, but " + count + " were asked for.");
        }
        List<List<T>> parts = new ArrayList<>(count);
        int from = 0;
        for (int p = 0; p < count; p++) {
            int to = (int) ((long) items.size() * (p + 1) / count);
            parts.add(new ArrayList<>(items.subList(from, to)));
            from = to;
        }
        return parts;
    }
}
