package dev.winnow.select;

/**
 * How DIVERSITY alone is picked: {@link #EXACT} farthest-first over all candidates, or two-round
 * k-center over {@code partitions} parts of them (see {@link TwoRoundKCenter}), for selections too
 * large for one pass on one machine. {@code selection.engine} in {@code run.json}.
 *
 * @param distributed whether the two-round algorithm runs
 * @param partitions  the parts round one works on (1 for the exact engine)
 */
public record SelectionEngine(boolean distributed, int partitions) {
    /** Exact farthest-first, the default. */
    public static final SelectionEngine EXACT = new SelectionEngine(false, 1);

    /** The partitions {@code "engine": "distributed"} uses when {@code partitions} is left out. */
    public static final int DEFAULT_PARTITIONS = 8;

    public SelectionEngine {
        if (partitions < 1) {
            throw new IllegalArgumentException(
                    "A selection needs at least 1 partition, but " + partitions + " were given.");
        }
    }

    /** Two-round k-center over {@code partitions} parts. */
    public static SelectionEngine distributed(int partitions) {
        return new SelectionEngine(true, partitions);
    }
}
