package dev.winnow.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * TYPICALITY's raw values: 1 / (mean Euclidean distance to the k nearest other samples). Exact
 * against all samples up to {@link #EXACT_LIMIT}; above, against a seeded random subset of that
 * many. Cost O(N·R·d) for R reference samples, with an O(k) insertion per distance; parallel over
 * rows, and each row's result does not depend on the thread count.
 */
final class Typicality {

    /** The largest reference set searched exhaustively. */
    static final int EXACT_LIMIT = 50_000;

    private Typicality() {}

    static double[] compute(EmbeddingMatrix all, int[] rows, int k, long seed, ForkJoinPool pool) {
        return compute(all, rows, k, seed, pool, EXACT_LIMIT);
    }

    /** As above with the size of the reference set as a parameter (for tests). */
    static double[] compute(EmbeddingMatrix all, int[] rows, int k, long seed, ForkJoinPool pool, int limit) {
        int n = all.count();
        int[] reference;
        if (n <= limit) {
            reference = new int[n];
            for (int i = 0; i < n; i++) {
                reference[i] = i;
            }
        } else {
            int[] rank = SeededOrder.ranks(n, seed);
            reference = new int[limit];
            for (int i = 0; i < n; i++) {
                if (rank[i] < limit) {
                    reference[rank[i]] = i;
                }
            }
        }
        double[] result = new double[rows.length];
        int chunks = Math.max(1, Math.min(rows.length, pool.getParallelism() * 8));
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) rows.length * c / chunks);
            int to = (int) ((long) rows.length * (c + 1) / chunks);
            tasks.add(() -> {
                for (int p = from; p < to; p++) {
                    result[p] = typicality(all, rows[p], reference, k);
                }
                return null;
            });
        }
        try {
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The selection was interrupted.", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Computing typicality failed: " + e.getCause(), e.getCause());
        }
        return result;
    }

    private static double typicality(EmbeddingMatrix all, int row, int[] reference, int k) {
        float[] x = all.rows();
        int d = all.dimension();
        int xi = row * d;
        double[] nearest = new double[k];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        int found = 0;
        for (int other : reference) {
            if (other == row) {
                continue;
            }
            int oi = other * d;
            double sum = 0;
            for (int j = 0; j < d; j++) {
                double diff = x[xi + j] - x[oi + j];
                sum += diff * diff;
            }
            if (sum < nearest[k - 1]) {
                int pos = k - 1;
                while (pos > 0 && nearest[pos - 1] > sum) {
                    nearest[pos] = nearest[pos - 1];
                    pos--;
                }
                nearest[pos] = sum;
            }
            found++;
        }
        int used = Math.min(k, found);
        if (used == 0) {
            return 0;
        }
        double mean = 0;
        for (int i = 0; i < used; i++) {
            mean += Math.sqrt(nearest[i]);
        }
        mean /= used;
        // Duplicates have mean distance 0; cap their typicality rather than divide by zero.
        return 1 / Math.max(mean, 1e-9);
    }
}
