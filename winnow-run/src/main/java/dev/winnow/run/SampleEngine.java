package dev.winnow.run;

import dev.winnow.select.KCenterRoundOne;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where a run's per-sample work happens when it is spread out: each partition of samples is handed
 * to {@link PartitionStep#compute(RunLocations, List)} somewhere (on a cluster's executors), and the
 * encoded rows come back. The pipeline merges them on this machine, selects and writes the outputs,
 * so the result is the one a run on this machine alone gives.
 */
public interface SampleEngine {
    /** How many partitions to split the samples into (at least 1). */
    int partitions();

    /**
     * Runs {@code step} over each partition and returns each partition's rows, in partition order.
     * A partition computed more than once (a retried task) must be returned once.
     */
    List<byte[]> compute(List<List<RunSample>> partitions, PartitionStep step) throws IOException;

    /**
     * Where round one of the distributed selection engine's two-round k-center runs, when this
     * engine runs it too (a cluster's executors); empty: on this machine.
     */
    default Optional<KCenterRoundOne> kCenterRoundOne() {
        return Optional.empty();
    }
}
