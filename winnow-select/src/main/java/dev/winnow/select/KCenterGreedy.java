package dev.winnow.select;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;

/**
 * Exact k-center greedy (farthest-first traversal, Gonzalez 1985): repeatedly pick the candidate
 * farthest from everything picked so far, which gives a selection whose covering radius is at most
 * twice the optimum.
 *
 * <p>Cost: one array of N nearest-center distances; each pick is one O(N·d) pass that folds the new
 * center's distances into it and finds the next farthest candidate in the same sweep, split over a
 * fixed pool of threads. Nothing N×N is ever built. Earlier selections (from previous runs) are
 * centers from the start, so the first pick is the candidate farthest from them; without any, the
 * first pick is the first candidate of a seeded random order (ties at any step go the same way),
 * so it is not biased toward index 0.
 *
 * <p>Storage: {@link Storage#FLOAT32} keeps the rows as given. {@link Storage#INT8} keeps one byte
 * per value plus a per-row scale, so each pass reads a quarter of the bytes (through SIMD
 * instructions when the JVM has {@code jdk.incubator.vector}); the pass also bounds every
 * candidate's exact distance by its quantisation error, and the few candidates that could still
 * be the farthest are checked exactly in float32, so INT8 picks exactly what FLOAT32 picks. The
 * caller's float rows are kept (not copied) for that check and for the centers.
 *
 * <pre>{@code
 * KCenterGreedy greedy = new KCenterGreedy(embeddings, KCenterGreedy.Storage.INT8, 4);
 * KCenterResult result = greedy.select(1000, EmbeddingMatrix.empty(64), 0.0, 42L);
 * }</pre>
 *
 * <p>An instance is immutable after construction; concurrent {@code select} calls are safe.
 */
public final class KCenterGreedy {

    /** How the candidate rows are held during the passes. */
    public enum Storage {
        /** Four bytes per value, exact. */
        FLOAT32,
        /** One byte per value plus a float scale per row. */
        INT8;

        /**
         * INT8 from a million values up when the SIMD kernel is available (the JVM runs with
         * {@code --add-modules jdk.incubator.vector}): the pass then reads a quarter of the bytes
         * and converts eight or more values per instruction. Otherwise FLOAT32, whose plain loop
         * the JIT vectorises, unless its copy would exceed 1 GiB; then INT8 for its memory.
         */
        public static Storage forSize(int rows, int dimension) {
            long values = (long) rows * dimension;
            if (PassKernel.best() != PassKernel.SCALAR && values >= 1L << 20) {
                return INT8;
            }
            return values * Float.BYTES > 1L << 30 ? INT8 : FLOAT32;
        }
    }

    private final EmbeddingStore store;
    private final int parallelism;

    /**
     * Prepares the candidates in the chosen storage; {@code parallelism} threads run each pass. With
     * INT8 storage, rows in a mapped file ({@link MappedEmbeddingRows}) stay there: the heap holds
     * the int8 copy and a few floats per row.
     */
    public KCenterGreedy(EmbeddingRows candidates, Storage storage, int parallelism) {
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(storage, "storage");
        if (parallelism < 1) {
            throw new IllegalArgumentException("The parallelism must be at least 1, but was " + parallelism + ".");
        }
        requireFinite(candidates, "candidate");
        this.store = EmbeddingStore.of(candidates, storage, parallelism);
        this.parallelism = parallelism;
    }

    /** The number of candidates. */
    public int size() {
        return store.size();
    }

    /** How the rows are held, for reports: {@code float32}, {@code int8/vector} or {@code int8/scalar}. */
    public String storageDescription() {
        return store instanceof Int8Store int8 ? "int8/" + int8.kernel().name() : "float32";
    }

    /** Bytes the store holds per candidate row. */
    public int bytesPerRow() {
        return store.bytesPerRow();
    }

    /**
     * Picks up to {@code picks} candidates farthest-first. Stops early when none are left or when
     * the farthest candidate is closer than {@code minimumDistance} to the selection (0 disables).
     */
    public KCenterResult select(int picks, EmbeddingMatrix earlier, double minimumDistance, long seed) {
        Objects.requireNonNull(earlier, "earlier");
        if (picks < 0) {
            throw new IllegalArgumentException("The number of picks must be at least 0, but was " + picks + ".");
        }
        if (earlier.count() > 0 && earlier.dimension() != store.dimension()) {
            throw new IllegalArgumentException("The earlier selections have dimension " + earlier.dimension()
                    + ", but the candidates have dimension " + store.dimension() + ".");
        }
        requireFinite(earlier, "earlier selection");
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        try {
            NearestSelectedDistances distances =
                    new NearestSelectedDistances(store, SeededOrder.of(store.size(), seed), pool);
            for (int e = 0; e < earlier.count(); e++) {
                distances.addCenter(earlier.row(e));
            }
            return run(store, distances, picks, minimumDistance);
        } finally {
            pool.shutdown();
        }
    }

    /** Farthest-first with prepared distances (earlier selections already added as centers). */
    static KCenterResult run(
            EmbeddingStore store, NearestSelectedDistances distances, int picks, double minimumDistance) {
        int limit = Math.min(picks, store.size());
        int[] picked = new int[limit];
        double[] pickDistances = new double[limit];
        int count = 0;
        StopReason reason = StopReason.SAMPLE_COUNT_REACHED;
        while (count < limit) {
            int next = distances.farthest();
            if (next < 0) {
                reason = StopReason.CANDIDATES_EXHAUSTED;
                break;
            }
            double distance = distances.distance(next);
            if (distances.centers() > 0 && distance < minimumDistance) {
                reason = StopReason.MINIMUM_DISTANCE_REACHED;
                break;
            }
            picked[count] = next;
            pickDistances[count] = distance;
            count++;
            distances.remove(next);
            if (count < limit) {
                distances.addCenter(store.row(next));
            }
        }
        if (count == limit && limit < picks) {
            reason = StopReason.CANDIDATES_EXHAUSTED;
        }
        return new KCenterResult(
                Arrays.copyOf(picked, count), Arrays.copyOf(pickDistances, count), reason, distances.exactChecks());
    }

    /**
     * The k-center radius of a selection: the largest distance from any row of {@code rows} to its
     * nearest center, computed in float32 (one O(N·d) pass per center). Used to compare selections.
     */
    public static double coverageRadius(EmbeddingMatrix rows, int[] centers, int parallelism) {
        if (centers.length == 0) {
            return Double.POSITIVE_INFINITY;
        }
        EmbeddingStore store = new Float32Store(rows, PassKernel.best());
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        try {
            NearestSelectedDistances distances =
                    new NearestSelectedDistances(store, SeededOrder.ofRanks(new int[store.size()]), pool);
            for (int center : centers) {
                distances.addCenter(rows.row(center));
            }
            return distances.distance(distances.farthest());
        } finally {
            pool.shutdown();
        }
    }

    static void requireFinite(EmbeddingRows rows, String what) {
        if (rows instanceof EmbeddingMatrix matrix) {
            requireFinite(matrix, what);
            return;
        }
        for (int i = 0; i < rows.count(); i++) {
            float[] row = rows.row(i);
            for (int j = 0; j < row.length; j++) {
                if (!Float.isFinite(row[j])) {
                    throw new IllegalArgumentException("The " + what + " embedding in row " + i
                            + " has a non-finite value (" + row[j] + ") in dimension " + j + ".");
                }
            }
        }
    }

    static void requireFinite(EmbeddingMatrix matrix, String what) {
        float[] rows = matrix.rows();
        for (int k = 0; k < rows.length; k++) {
            if (!Float.isFinite(rows[k])) {
                throw new IllegalArgumentException("The " + what + " embedding in row " + (k / matrix.dimension())
                        + " has a non-finite value (" + rows[k] + ") in dimension " + (k % matrix.dimension()) + ".");
            }
        }
    }
}
