package dev.winnow.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Distributed k-center (the two-round algorithm of Malkomes, Kusner, Chen, Weinberger and Moseley,
 * NeurIPS 2015): the candidates are cut into P consecutive parts, farthest-first picks k centres
 * in each part independently (round one, which machines can do apart), then farthest-first picks
 * the k final centres among the at most P·k centres of round one (round two, on one machine).
 *
 * <p>Guarantee: the covering radius of the k picks is at most 4 times the optimal k-center
 * radius, so at most 4 times the radius of exact farthest-first (which is itself at least the
 * optimum). Round two holds only P·k rows. With one part round one is exact farthest-first over
 * all candidates, and its picks are returned as they are: the exact picks.
 *
 * <p>Earlier selections are centres from the start in both rounds; the minimum distance stops
 * round two only (round one's distances are within a part).
 */
public final class TwoRoundKCenter {
    private final KCenterGreedy.@Nullable Storage storage;
    private final int parallelism;
    private final @Nullable KCenterRoundOne roundOne;

    /** Rounds whose passes hold rows in {@code storage} (null: by size), on {@code parallelism} threads. */
    public TwoRoundKCenter(KCenterGreedy.@Nullable Storage storage, int parallelism) {
        this(storage, parallelism, null);
    }

    /**
     * As {@link #TwoRoundKCenter(KCenterGreedy.Storage, int)}, with round one run by {@code roundOne}
     * (null: on this machine's threads).
     */
    public TwoRoundKCenter(
            KCenterGreedy.@Nullable Storage storage, int parallelism, @Nullable KCenterRoundOne roundOne) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("The parallelism must be at least 1, but was " + parallelism + ".");
        }
        this.storage = storage;
        this.parallelism = parallelism;
        this.roundOne = roundOne;
    }

    /**
     * Round one for one part: the indices within {@code part} of its up to {@code picks} centres by
     * exact farthest-first on one thread, rows stored as their count asks, with {@code earlier}
     * selections as centres from the start. What every {@link KCenterRoundOne} computes per part.
     */
    public static int[] partCentres(EmbeddingMatrix part, int picks, EmbeddingMatrix earlier, long seed) {
        return partCentres(part, picks, earlier, seed, null);
    }

    private static int[] partCentres(
            EmbeddingMatrix part,
            int picks,
            EmbeddingMatrix earlier,
            long seed,
            KCenterGreedy.@Nullable Storage storage) {
        return greedy(part, 1, storage).select(picks, earlier, 0.0, seed).picks();
    }

    /** Picks up to {@code picks} of {@code candidates} in two rounds over {@code partitions} consecutive parts. */
    public KCenterResult select(
            EmbeddingMatrix candidates,
            int partitions,
            int picks,
            EmbeddingMatrix earlier,
            double minimumDistance,
            long seed) {
        Objects.requireNonNull(candidates, "candidates");
        if (partitions < 1) {
            throw new IllegalArgumentException(
                    "Two-round k-center needs at least 1 partition, but got " + partitions + ".");
        }
        int n = candidates.count();
        int partCount = Math.max(1, Math.min(partitions, n));
        if (partCount == 1) {
            return greedy(candidates, parallelism).select(picks, earlier, minimumDistance, seed);
        }
        int[][] blocks = new int[partCount][];
        for (int p = 0; p < partCount; p++) {
            int from = (int) ((long) n * p / partCount);
            int to = (int) ((long) n * (p + 1) / partCount);
            blocks[p] = new int[to - from];
            for (int i = from; i < to; i++) {
                blocks[p][i - from] = i;
            }
        }
        List<EmbeddingMatrix> parts = new ArrayList<>(blocks.length);
        for (int[] block : blocks) {
            parts.add(candidates.select(block));
        }
        int[][] local = roundOne != null
                ? roundOne.centres(parts, picks, earlier, seed)
                : onThisMachine(parts, picks, earlier, seed);
        if (local.length != parts.size()) {
            throw new IllegalStateException(
                    "Round one of two-round k-center answered for " + local.length + " parts of " + parts.size() + ".");
        }
        int[][] centres = new int[parts.size()][];
        for (int p = 0; p < parts.size(); p++) {
            centres[p] = new int[local[p].length];
            for (int k = 0; k < local[p].length; k++) {
                centres[p][k] = blocks[p][local[p][k]];
            }
        }
        int[] union = Arrays.stream(centres).flatMapToInt(Arrays::stream).toArray();
        // Round two: farthest-first over the union of the parts' centres.
        KCenterResult second =
                greedy(candidates.select(union), parallelism).select(picks, earlier, minimumDistance, seed);
        int[] global = new int[second.picks().length];
        for (int k = 0; k < global.length; k++) {
            global[k] = union[second.picks()[k]];
        }
        return new KCenterResult(global, second.distances(), second.stopReason(), second.exactChecks());
    }

    /** Round one on this machine: each part alone, one thread each, as separate machines would. */
    private int[][] onThisMachine(List<EmbeddingMatrix> parts, int picks, EmbeddingMatrix earlier, long seed) {
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        int[][] centres = new int[parts.size()][];
        try {
            List<Future<int[]>> rounds = new ArrayList<>();
            for (EmbeddingMatrix part : parts) {
                rounds.add(pool.submit(() -> partCentres(part, picks, earlier, seed, storage)));
            }
            for (int p = 0; p < parts.size(); p++) {
                centres[p] = rounds.get(p).get();
            }
            return centres;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during round one of two-round k-center.", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Round one of two-round k-center failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private KCenterGreedy greedy(EmbeddingMatrix rows, int threads) {
        return greedy(rows, threads, storage);
    }

    private static KCenterGreedy greedy(EmbeddingMatrix rows, int threads, KCenterGreedy.@Nullable Storage storage) {
        KCenterGreedy.Storage chosen =
                storage != null ? storage : KCenterGreedy.Storage.forSize(rows.count(), rows.dimension());
        return new KCenterGreedy(rows, chosen, threads);
    }
}
