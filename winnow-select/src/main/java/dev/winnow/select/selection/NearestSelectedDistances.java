package dev.winnow.select.selection;

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

    NearestSelectedDistances(EmbeddingStore store, int[] rank, ForkJoinPool pool) {
        this.store = store;
        this.rank = rank;
        this.pool = pool;
        this.minSquared = new float[store.size()];
        Arrays.fill(minSquared, Float.POSITIVE_INFINITY);
        this.scratch = new float[store.blocks() * EmbeddingStore.BLOCK];
        int blocks = store.blocks();
        int chunks = Math.max(1, Math.min(blocks, pool.getParallelism() * 4));
        this.chunkStarts = new int[chunks + 1];
        for (int c = 0; c <= chunks; c++) {
            chunkStarts[c] = (int) ((long) blocks * c / chunks);
        }
    }

    /** The number of centers added so far. */
    int centers() {
        return centers;
    }

    /** The distance from candidate {@code i} to its nearest center (+∞ before any, −∞ once taken). */
    double distance(int i) {
        float m = minSquared[i];
        return m < 0 ? Double.NEGATIVE_INFINITY : Math.sqrt(m);
    }

    /** Takes candidate {@code i} out: it is never the farthest again. */
    void remove(int i) {
        minSquared[i] = Float.NEGATIVE_INFINITY;
        if (i == farthest) {
            farthestKnown = false;
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
        return farthest;
    }

    /** Updates every candidate's nearest distance with a new center (a decoded row or an earlier selection). */
    void addCenter(float[] center) {
        centers++;
        List<Callable<Integer>> tasks = new ArrayList<>(chunkStarts.length - 1);
        for (int c = 0; c + 1 < chunkStarts.length; c++) {
            int fromBlock = chunkStarts[c];
            int toBlock = chunkStarts[c + 1];
            tasks.add(() -> update(center, fromBlock, toBlock));
        }
        int best = -1;
        try {
            for (Future<Integer> future : pool.invokeAll(tasks)) {
                int candidate = future.get();
                if (candidate >= 0) {
                    best = better(candidate, best);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The selection was interrupted.", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Computing distances failed: " + e.getCause(), e.getCause());
        }
        farthest = best;
        farthestKnown = true;
    }

    private int update(float[] center, int fromBlock, int toBlock) {
        store.squaredDistances(center, fromBlock, toBlock, scratch);
        int end = Math.min(toBlock * EmbeddingStore.BLOCK, minSquared.length);
        int best = -1;
        for (int i = fromBlock * EmbeddingStore.BLOCK; i < end; i++) {
            float d = scratch[i];
            if (d < minSquared[i]) {
                minSquared[i] = d;
            }
            best = better(i, best);
        }
        return best;
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
