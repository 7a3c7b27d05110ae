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
 * one fused O(N·d) pass over the store ({@link EmbeddingStore#fold}), split into chunks of blocks
 * that run on the given pool: each row's distance is computed, folded into its nearest distance
 * and into its block's maximum while the row is in registers. The farthest candidate is then
 * found among the blocks whose maximum reaches the largest one, ties going to the lower seeded
 * rank. Each entry is computed independently, so the result does not depend on the number of
 * threads.
 *
 * <p>With an approximate (int8) store, a candidate's exact nearest distance lies within its
 * approximate one ∓ (its quantisation error + a float rounding margin). Only candidates whose
 * upper bound reaches the largest lower bound can be the exact farthest; they sit in the blocks
 * whose maximum is near the largest, and for those few the exact float32 nearest distance is
 * computed against all centers (incrementally, remembering how many centers each has already
 * seen), so the picks are the ones float32 storage makes while the full pass reads a quarter of
 * the bytes.
 */
final class NearestSelectedDistances {

    private final EmbeddingStore store;
    private final SeededOrder order;
    private final ForkJoinPool pool;
    private final int size;
    /** Indexed by row over whole blocks; the rows past the last candidate hold −∞. */
    private final float[] minSquared;
    /** Per block, at least the largest entry of minSquared in it (exact right after a pass). */
    private final float[] blockMax;

    private final float[] chunkMax;
    private final List<Callable<Void>> passes;
    private float[] center = new float[0];
    private int centers;
    private float largest;
    private boolean largestKnown = true;
    /** Whether no candidate is taken and no center added yet: then every candidate ties at +∞. */
    private boolean untouched = true;

    private int farthest = -1;
    private boolean farthestKnown;

    // Exact check, only for approximate stores.
    private final boolean refine;
    private float margin;
    private final List<float[]> centerRows = new ArrayList<>();
    private long exactChecks;
    /**
     * Per block, made when one of its rows is first checked exactly (the checked rows are a few
     * blocks' worth, so N entries are never allocated): each row's exact nearest squared distance,
     * and how many centers that covers (0: none yet, the distance then means nothing).
     */
    private final float[][] exactMinSquared;

    private final int[][] exactCenters;
    private int[] doubtful = new int[64];

    NearestSelectedDistances(EmbeddingStore store, SeededOrder order, ForkJoinPool pool) {
        this.store = store;
        this.order = order;
        this.pool = pool;
        this.size = store.size();
        this.largest = size > 0 ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
        int blocks = store.blocks();
        this.minSquared = new float[blocks * EmbeddingStore.BLOCK];
        Arrays.fill(minSquared, 0, size, Float.POSITIVE_INFINITY);
        Arrays.fill(minSquared, size, minSquared.length, Float.NEGATIVE_INFINITY);
        this.blockMax = new float[blocks];
        Arrays.fill(blockMax, Float.POSITIVE_INFINITY);
        int chunks = Math.max(1, Math.min(blocks, pool.getParallelism() * 4));
        this.chunkMax = new float[chunks];
        List<Callable<Void>> tasks = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int chunk = c;
            int fromBlock = (int) ((long) blocks * c / chunks);
            int toBlock = (int) ((long) blocks * (c + 1) / chunks);
            tasks.add(() -> {
                chunkMax[chunk] = store.fold(center, fromBlock, toBlock, minSquared, blockMax);
                return null;
            });
        }
        this.passes = List.copyOf(tasks);
        this.refine = store.approximate();
        // The exact check's state is empty for an exact store, which never refines.
        int exact = refine ? blocks : 0;
        exactMinSquared = new float[exact][];
        exactCenters = new int[exact][];
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
        if (refine && centers > 0 && checkedCenters(i) == centers) {
            return Math.sqrt(exactSquared(i));
        }
        return Math.sqrt(m);
    }

    /** Takes candidate {@code i} out: it is never the farthest again. */
    void remove(int i) {
        untouched = false;
        if (minSquared[i] >= largest) {
            largestKnown = false;
        }
        minSquared[i] = Float.NEGATIVE_INFINITY;
        if (i == farthest) {
            farthestKnown = false;
        }
    }

    /** The remaining candidate farthest from all centers (lowest rank on ties), or −1 when none remain. */
    int farthest() {
        if (!farthestKnown) {
            if (!largestKnown) {
                largest = Float.NEGATIVE_INFINITY;
                for (int i = 0; i < size; i++) {
                    largest = Math.max(largest, minSquared[i]);
                }
                largestKnown = true;
            }
            farthest = refine && centers > 0 ? exactFarthest() : approximateFarthest();
            farthestKnown = true;
        }
        return farthest;
    }

    /** How many blocks hold exact-check state (made for the blocks whose rows the exact check has looked at). */
    int checkedBlocks() {
        int count = 0;
        for (int[] block : exactCenters) {
            if (block != null) {
                count++;
            }
        }
        return count;
    }

    /** How many exact candidate-to-center distances the exact check has computed. */
    long exactChecks() {
        return exactChecks;
    }

    /** The lowest-ranked candidate whose entry equals the largest; −1 when none remain. */
    private int approximateFarthest() {
        if (largest == Float.NEGATIVE_INFINITY) {
            return -1;
        }
        if (untouched) {
            return order.first();
        }
        int best = -1;
        for (int b = 0; b < blockMax.length; b++) {
            if (blockMax[b] >= largest) {
                int end = Math.min(size, (b + 1) * EmbeddingStore.BLOCK);
                for (int i = b * EmbeddingStore.BLOCK; i < end; i++) {
                    if (minSquared[i] == largest && (best < 0 || order.before(i, best))) {
                        best = i;
                    }
                }
            }
        }
        return best;
    }

    /**
     * Among the candidates whose upper bound reaches the largest lower bound (the only ones that
     * can be the exact farthest), the exact farthest; their exact distances are brought up to date
     * with the centers added since they were last checked.
     */
    private int exactFarthest() {
        if (largest == Float.NEGATIVE_INFINITY) {
            return -1;
        }
        double rounding = margin;
        double maxError = store.maxRowError();
        // The row holding the largest entry bounds the farthest exact distance from below by
        // √(largest − rounding) − maxError; a row can only reach that when its own upper bound
        // √(m + rounding) + maxError does, which needs m at least this threshold.
        double reach = Math.sqrt(Math.max(0, largest - rounding)) - 2 * maxError;
        double threshold = reach <= 0 ? Double.NEGATIVE_INFINITY : (reach * reach - rounding) * (1 - 1e-6);
        int count = 0;
        double floor = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < blockMax.length; b++) {
            if (blockMax[b] >= threshold) {
                int end = Math.min(size, (b + 1) * EmbeddingStore.BLOCK);
                for (int i = b * EmbeddingStore.BLOCK; i < end; i++) {
                    float m = minSquared[i];
                    if (m >= threshold && m != Float.NEGATIVE_INFINITY) {
                        if (count == doubtful.length) {
                            doubtful = Arrays.copyOf(doubtful, count * 2);
                        }
                        doubtful[count++] = i;
                        floor = Math.max(floor, Math.sqrt(Math.max(0, m - rounding)) - store.rowError(i));
                    }
                }
            }
        }
        int best = -1;
        for (int k = 0; k < count; k++) {
            int i = doubtful[k];
            if (Math.sqrt(minSquared[i] + rounding) + store.rowError(i) >= floor) {
                int b = i / EmbeddingStore.BLOCK;
                int r = i % EmbeddingStore.BLOCK;
                if (exactCenters[b] == null) {
                    exactMinSquared[b] = new float[EmbeddingStore.BLOCK];
                    exactCenters[b] = new int[EmbeddingStore.BLOCK];
                }
                int seen = exactCenters[b][r];
                float exact = seen == 0 ? Float.POSITIVE_INFINITY : exactMinSquared[b][r];
                for (int c = seen; c < centers; c++) {
                    exact = Math.min(exact, store.exactSquaredDistance(i, centerRows.get(c)));
                }
                exactChecks += centers - seen;
                exactMinSquared[b][r] = exact;
                exactCenters[b][r] = centers;
                best = betterExact(i, best);
            }
        }
        return best;
    }

    /** Row {@code i}'s exact nearest squared distance; meaningful once {@link #checkedCenters(int)} is not 0. */
    private float exactSquared(int i) {
        return exactMinSquared[i / EmbeddingStore.BLOCK][i % EmbeddingStore.BLOCK];
    }

    /** How many centers row {@code i}'s exact distance covers; 0 when never checked. */
    private int checkedCenters(int i) {
        int[] block = exactCenters[i / EmbeddingStore.BLOCK];
        return block == null ? 0 : block[i % EmbeddingStore.BLOCK];
    }

    private int betterExact(int i, int best) {
        if (best < 0) {
            return i;
        }
        float exact = exactSquared(i);
        float bestExact = exactSquared(best);
        return exact > bestExact || (exact == bestExact && order.before(i, best)) ? i : best;
    }

    /** Updates every candidate's nearest distance with a new center (a candidate row or an earlier selection). */
    void addCenter(float[] row) {
        untouched = false;
        centers++;
        if (refine) {
            centerRows.add(row.clone());
            float norm = 0;
            for (float c : row) {
                norm += c * c;
            }
            margin = Math.max(margin, store.roundingMargin(norm));
        }
        center = row;
        try {
            for (Future<Void> future : pool.invokeAll(passes)) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The selection was interrupted.", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Computing distances failed: " + e.getCause(), e.getCause());
        } finally {
            center = new float[0];
        }
        float max = Float.NEGATIVE_INFINITY;
        for (float m : chunkMax) {
            max = Math.max(max, m);
        }
        largest = max;
        largestKnown = true;
        farthestKnown = false;
    }
}
