package dev.winnow.scores.table;

import java.util.Objects;

/**
 * Per-sample facts of one task's predictions, for selection: how many objects a sample has, how
 * many of each category ({@link PredictionFact#CATEGORY_COUNT}) and its class distribution
 * ({@link PredictionFact#CLASS_DISTRIBUTION}: the sum of its probability vectors, or one-hot counts
 * for singletons without one; not normalised). Rows follow the table's sample order, columns the
 * schema's ascending category ids.
 *
 * <pre>{@code
 * PredictionFacts facts = PredictionFacts.of(table);
 * double[][] counts = facts.values(PredictionFact.CATEGORY_COUNT);
 * }</pre>
 *
 * <p>Immutable and thread-safe; accessors returning arrays return fresh copies.
 */
public final class PredictionFacts {
    private final int sampleCount;
    private final int categoryCount;
    private final int[] objectCounts;
    private final int[] categoryCounts;
    private final double[] classDistribution;

    private PredictionFacts(
            int sampleCount, int categoryCount, int[] objectCounts, int[] categoryCounts, double[] classDistribution) {
        this.sampleCount = sampleCount;
        this.categoryCount = categoryCount;
        this.objectCounts = objectCounts;
        this.categoryCounts = categoryCounts;
        this.classDistribution = classDistribution;
    }

    /** Computes the facts of every sample of {@code table} in one pass over its columns. */
    public static PredictionFacts of(PredictionsTable table) {
        Objects.requireNonNull(table, "table");
        int n = table.sampleCount();
        int k = table.categoryCount();
        int[] objects = new int[n];
        int[] counts = new int[Math.multiplyExact(n, k)];
        double[] distribution = new double[Math.multiplyExact(n, k)];
        double[] vector = new double[k];
        for (int i = 0; i < n; i++) {
            int row = i * k;
            objects[i] = table.singletonCount(i);
            for (int s = table.firstSingleton(i); s < table.endSingleton(i); s++) {
                int c = table.categoryIndex(s);
                counts[row + c]++;
                if (table.copyProbabilities(s, vector) > 0) {
                    for (int j = 0; j < k; j++) {
                        distribution[row + j] += vector[j];
                    }
                } else {
                    distribution[row + c] += 1;
                }
            }
        }
        return new PredictionFacts(n, k, objects, counts, distribution);
    }

    public int sampleCount() {
        return sampleCount;
    }

    /** Width of every row: the number of schema categories. */
    public int categoryCount() {
        return categoryCount;
    }

    /** Number of singletons (objects, segments, instances) of the sample. */
    public int objectCount(int sample) {
        return objectCounts[Objects.checkIndex(sample, sampleCount)];
    }

    /** Number of the sample's singletons whose category is at {@code categoryIndex} in schema order. */
    public int categoryCount(int sample, int categoryIndex) {
        return categoryCounts[
                Objects.checkIndex(sample, sampleCount) * categoryCount
                        + Objects.checkIndex(categoryIndex, categoryCount)];
    }

    /** The sample's class distribution: one entry per category in schema order, not normalised. */
    public double[] classDistribution(int sample) {
        int row = Objects.checkIndex(sample, sampleCount) * categoryCount;
        double[] out = new double[categoryCount];
        System.arraycopy(classDistribution, row, out, 0, categoryCount);
        return out;
    }

    /** Objects per sample, in table order. */
    public int[] objectCounts() {
        return objectCounts.clone();
    }

    /** One row per sample, one column per category in schema order. */
    public double[][] values(PredictionFact fact) {
        double[][] rows = new double[sampleCount][categoryCount];
        for (int i = 0; i < sampleCount; i++) {
            for (int j = 0; j < categoryCount; j++) {
                int at = i * categoryCount + j;
                rows[i][j] = switch (Objects.requireNonNull(fact, "fact")) {
                    case CATEGORY_COUNT -> categoryCounts[at];
                    case CLASS_DISTRIBUTION -> classDistribution[at];
                };
            }
        }
        return rows;
    }
}
