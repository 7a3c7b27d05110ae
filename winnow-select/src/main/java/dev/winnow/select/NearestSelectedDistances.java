package dev.winnow.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * The one array farthest-first needs: for every candidate, its squared distance to the nearest
 * center so far (+∞ before the first, −∞ once the candidate itself is taken). Adding a center is
 * one O(N·d) pass over the store, split into chunks of blocks that run on the given pool; the same
 * pass finds the farthest remaining candidate, ties going to the lower seeded rank. Each entry is
 * computed independently, so the result does not depend on the number of threads.
 *
 * <p>With an approximate (int8) store the pass also keeps, per candidate, a lower and an upper
 * bound on its exact nearest distance (approximate distance ∓ the row's quantisation error and a
 * float rounding margin). Only candidates whose upper bound reaches the largest lower bound can be
 * the exact farthest; for those few the exact float32 nearest distance is computed against all
 * centers (incrementally, remembering how many centers each has already seen), so the picks are
 * the ones float32 storage makes while the full pass reads a quarter of the bytes.
 */
final class NearestSelectedDistances {

    private final EmbeddingStore store;
    private final int[] rank;
    private final ForkJoinPool pool;
    private final float[] minSquared;
    private final float[] scratch;
    private final int[] chunkStarts;
    private int centers;
    private int farthest = -1;
    private boolean farthestKnown;
    private boolean exactKnown;

    // Exact check, only for approximate stores.
    private final boolean refine;
    private float[] lower;
    private float[] upper;
    private List<float[]> centerRows;
    private float floor = Float.NEGATIVE_INFINITY;
    private boolean floorKnown;
    private long exactChecks;
    private float[] exactMinSquared;
    private int[] exactCenters;

    NearestSelectedDistances(EmbeddingStore store, int[] rank, ForkJoinPool pool) {
        this.store = store;
        this.rank = rank;
        this.pool = pool;
        int n = store.size();
        this.minSquared = new float[n];
        Arrays.fill(minSquared, Float.POSITIVE_INFINITY);
        this.scratch = new float[store.blocks() * EmbeddingStore.BLOCK];
        int blocks = store.blocks();
        int chunks = Math.max(1, Math.min(blocks, pool.getParallelism() * 4));
        this.chunkStarts = new int[chunks + 1];
        for (int c = 0; c <= chunks; c++) {
            chunkStarts[c] = (int) ((long) blocks * c / chunks);
        }
        this.refine = store.approximate();
        // The exact check's state is empty for an exact store, which never refines.
        int exact = refine ? n : 0;
        lower = new float[exact];
        upper = new float[exact];
        Arrays.fill(lower, Float.POSITIVE_INFINITY);
        Arrays.fill(upper, Float.POSITIVE_INFINITY);
        centerRows = new ArrayList<>();
        exactMinSquared = new float[exact];
        Arrays.fill(exactMinSquared, Float.POSITIVE_INFINITY);
        exactCenters = new int[exact];
    }

    /** The number of centers added so far. */
    int centers() {
        return centers;
    }

    /**
     * The distance from candidate {@code i} to its nearest center (+∞ before any, −∞ once taken):
     * exact for the candidate {@link #farthest()} returned, within the quantisation error for others.
     */
    double distance(int i) {
        float m = minSquared[i];
        if (m < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (refine && centers > 0 && exactCenters[i] == centers) {
            return Math.sqrt(exactMinSquared[i]);
        }
        return Math.sqrt(m);
    }

    /** Takes candidate {@code i} out: it is never the farthest again. */
    void remove(int i) {
        minSquared[i] = Float.NEGATIVE_INFINITY;
        if (refine) {
            if (lower[i] >= floor) {
                floorKnown = false;
            }
            lower[i] = Float.NEGATIVE_INFINITY;
            upper[i] = Float.NEGATIVE_INFINITY;
        }
        if (i == farthest) {
            farthestKnown = false;
            exactKnown = false;
        }
    }

    /** The remaining candidate farthest from all centers (lowest rank on ties), or −1 when none remain. */
    int farthest() {
        if (!farthestKnown) {
            int best = -1;
            for (int i = 0; i < minSquared.length; i++) {
                best = better(i, best);
            }
            farthest = best;
            farthestKnown = true;
        }
        if (refine && centers > 0 && farthest >= 0 && !exactKnown) {
            farthest = exactFarthest();
            exactKnown = true;
        }
        return farthest;
    }

    /** How many exact candidate-to-center distances the exact check has computed. */
    long exactChecks() {
        return exactChecks;
    }

    /**
     * Among the candidates whose upper bound reaches the largest lower bound (the only ones that
     * can be the exact farthest), the exact farthest; their exact distances are brought up to date
     * with the centers added since they were last checked. Runs in parallel over row ranges.
     */
    private int exactFarthest() {
        if (!floorKnown) {
            floor = Float.NEGATIVE_INFINITY;
            for (float l : lower) {
                floor = Math.max(floor, l);
            }
            floorKnown = true;
        }
        float threshold = floor;
        int n = minSquared.length;
        int chunks = chunkStarts.length - 1;
        List<Callable<long[]>> tasks = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            tasks.add(() -> {
                int best = -1;
                long checks = 0;
                for (int i = from; i < to; i++) {
                    if (upper[i] >= threshold && minSquared[i] != Float.NEGATIVE_INFINITY) {
                        float exact = exactMinSquared[i];
                        for (int k = exactCenters[i]; k < centers; k++) {
                            exact = Math.min(exact, store.exactSquaredDistance(i, centerRows.get(k)));
                        }
                        checks += centers - exactCenters[i];
                        exactMinSquared[i] = exact;
                        exactCenters[i] = centers;
                        best = betterExact(i, best);
                    }
                }
                return new long[] {best, checks};
            });
        }
        int best = -1;
        for (long[] result : run(tasks)) {
            exactChecks += result[1];
            if (result[0] >= 0) {
                best = betterExact((int) result[0], best);
            }
        }
        return best;
    }

    private int betterExact(int i, int best) {
        return best < 0
                        || exactMinSquared[i] > exactMinSquared[best]
                        || (exactMinSquared[i] == exactMinSquared[best] && rank[i] < rank[best])
                ? i
                : best;
    }

    private <T> List<T> run(List<Callable<T>> tasks) {
        List<T> results = new ArrayList<>(tasks.size());
        try {
            for (Future<T> future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The selection was interrupted.", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Computing distances failed: " + e.getCause(), e.getCause());
        }
        return results;
    }

    /** Updates every candidate's nearest distance with a new center (a candidate row or an earlier selection). */
    void addCenter(float[] center) {
        centers++;
        if (refine) {
            centerRows.add(center.clone());
        }
        List<Callable<double[]>> tasks = new ArrayList<>(chunkStarts.length - 1);
        for (int c = 0; c + 1 < chunkStarts.length; c++) {
            int fromBlock = chunkStarts[c];
            int toBlock = chunkStarts[c + 1];
            tasks.add(() -> update(center, fromBlock, toBlock));
        }
        int best = -1;
        float maxLower = Float.NEGATIVE_INFINITY;
        for (double[] result : run(tasks)) {
            int candidate = (int) result[0];
            if (candidate >= 0) {
                best = better(candidate, best);
            }
            maxLower = Math.max(maxLower, (float) result[1]);
        }
        farthest = best;
        farthestKnown = true;
        exactKnown = false;
        floor = maxLower;
        floorKnown = true;
    }

    /** Folds a center into rows of blocks [fromBlock, toBlock); returns {farthest row or −1, largest lower bound}. */
    private double[] update(float[] center, int fromBlock, int toBlock) {
        store.squaredDistances(center, fromBlock, toBlock, scratch);
        float centerNorm = 0;
        for (float c : center) {
            centerNorm += c * c;
        }
        int end = Math.min(toBlock * EmbeddingStore.BLOCK, minSquared.length);
        int best = -1;
        float maxLower = Float.NEGATIVE_INFINITY;
        for (int i = fromBlock * EmbeddingStore.BLOCK; i < end; i++) {
            float d = scratch[i];
            if (d < minSquared[i]) {
                minSquared[i] = d;
                if (refine) {
                    float error = store.rowError(i);
                    float rounding = store.roundingMargin(i, centerNorm);
                    lower[i] = (float) Math.sqrt(Math.max(0f, d - rounding)) - error;
                    upper[i] = (float) Math.sqrt(d + rounding) + error;
                }
            }
            if (refine) {
                maxLower = Math.max(maxLower, lower[i]);
            }
            best = better(i, best);
        }
        return new double[] {best, maxLower};
    }

    /** Whichever of two candidates is farther (ties: lower rank); taken candidates never win. */
    private int better(int i, int best) {
        float m = minSquared[i];
        if (m == Float.NEGATIVE_INFINITY) {
            return best;
        }
        if (best < 0) {
            return i;
        }
        float b = minSquared[best];
        return m > b || (m == b && rank[i] < rank[best]) ? i : best;
    }
}
