package dev.winnow.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * The fused, block-split pass against the simplest farthest-first there is: one float32 loop over
 * rows in input order, summing squared differences in dimension order, ties to the lower seeded
 * rank. On random inputs, with many exact ties (coordinates on a coarse grid, duplicated rows),
 * with earlier selections, every storage, kernel and thread count must pick the same rows in the
 * same order.
 */
class FusedPassPropertyTest {

    /** Farthest-first as written in a textbook, with Winnow's tie rule. */
    static int[] reference(EmbeddingMatrix m, EmbeddingMatrix earlier, int picks, long seed) {
        int n = m.count();
        int[] rank = SeededOrder.ranks(n, seed);
        float[] nearest = new float[n];
        Arrays.fill(nearest, Float.POSITIVE_INFINITY);
        for (int e = 0; e < earlier.count(); e++) {
            fold(m, earlier.row(e), nearest);
        }
        int[] result = new int[Math.min(picks, n)];
        for (int k = 0; k < result.length; k++) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (nearest[i] == Float.NEGATIVE_INFINITY) {
                    continue;
                }
                if (best < 0 || nearest[i] > nearest[best] || (nearest[i] == nearest[best] && rank[i] < rank[best])) {
                    best = i;
                }
            }
            result[k] = best;
            nearest[best] = Float.NEGATIVE_INFINITY;
            fold(m, m.row(best), nearest);
        }
        return result;
    }

    private static void fold(EmbeddingMatrix m, float[] center, float[] nearest) {
        for (int i = 0; i < m.count(); i++) {
            float sum = 0;
            for (int j = 0; j < m.dimension(); j++) {
                float diff = m.rows()[i * m.dimension() + j] - center[j];
                sum += diff * diff;
            }
            nearest[i] = Math.min(nearest[i], sum);
        }
    }

    /** Rows on a grid of {@code levels} values per dimension, some rows repeated: many exact ties. */
    static EmbeddingMatrix gridRows(int n, int d, int levels, Random random) {
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            if (i > 0 && random.nextInt(4) == 0) {
                int copy = random.nextInt(i);
                System.arraycopy(x, copy * d, x, i * d, d);
                continue;
            }
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (random.nextInt(levels) - levels / 2) / (float) levels;
            }
        }
        return new EmbeddingMatrix(x, d);
    }

    private static int[] picks(
            EmbeddingMatrix m, EmbeddingMatrix earlier, int picks, long seed, EmbeddingStore store, int threads) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            NearestSelectedDistances distances =
                    new NearestSelectedDistances(store, SeededOrder.of(m.count(), seed), pool);
            for (int e = 0; e < earlier.count(); e++) {
                distances.addCenter(earlier.row(e));
            }
            return KCenterGreedy.run(store, distances, picks, 0).picks();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void everyStorageKernelAndThreadCount_picksWhatTheReferencePicks() {
        Random random = new Random(2026);
        for (int trial = 0; trial < 24; trial++) {
            int n = 1 + random.nextInt(1500);
            int d = 1 + random.nextInt(70);
            boolean grid = trial % 2 == 0;
            EmbeddingMatrix m = grid
                    ? gridRows(n, d, 2 + random.nextInt(4), random)
                    : KCenterGreedyTest.randomUnit(n, d, random.nextLong());
            EmbeddingMatrix earlier =
                    trial % 3 == 0 ? gridRows(1 + random.nextInt(4), d, 3, random) : EmbeddingMatrix.empty(d);
            int picks = 1 + random.nextInt(Math.min(n, 60));
            long seed = random.nextLong();
            int[] expected = reference(m, earlier, picks, seed);
            String what = "trial " + trial + ": n=" + n + ", d=" + d + ", picks=" + picks;
            for (PassKernel kernel : new PassKernel[] {PassKernel.SCALAR, PassKernel.best()}) {
                for (int threads : new int[] {1, 3}) {
                    assertThat(picks(m, earlier, picks, seed, new Float32Store(m, kernel), threads))
                            .as(what + ", float32/" + kernel.name() + ", " + threads + " threads")
                            .containsExactly(expected);
                    assertThat(picks(m, earlier, picks, seed, new Int8Store(m, kernel), threads))
                            .as(what + ", int8/" + kernel.name() + ", " + threads + " threads")
                            .containsExactly(expected);
                }
            }
        }
    }

    @Test
    void allRowsEqual_picksFollowTheSeededOrder() {
        float[] x = new float[300 * 5];
        Arrays.fill(x, 0.25f);
        EmbeddingMatrix m = new EmbeddingMatrix(x, 5);
        int[] rank = SeededOrder.ranks(300, 11);
        int[] byRank = new int[300];
        for (int i = 0; i < 300; i++) {
            byRank[rank[i]] = i;
        }
        for (PassKernel kernel : new PassKernel[] {PassKernel.SCALAR, PassKernel.best()}) {
            assertThat(picks(m, EmbeddingMatrix.empty(5), 300, 11, new Int8Store(m, kernel), 2))
                    .containsExactly(byRank);
            assertThat(picks(m, EmbeddingMatrix.empty(5), 300, 11, new Float32Store(m, kernel), 2))
                    .containsExactly(byRank);
        }
    }
}
