package dev.winnow.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TypicalityTest {

    private final ForkJoinPool pool = new ForkJoinPool(2);

    @AfterEach
    void shutDown() {
        pool.shutdown();
    }

    @Test
    void exact_isOneOverTheMeanDistanceToTheNearestOthers() {
        // Points on a line at 0, 1, 3 and 7; with k = 2: 0 -> (1 + 3) / 2, 1 -> (1 + 2) / 2,
        // 3 -> (2 + 3) / 2, 7 -> (4 + 6) / 2.
        EmbeddingMatrix m = new EmbeddingMatrix(new float[] {0, 1, 3, 7}, 1);
        double[] t = Typicality.compute(m, new int[] {0, 1, 2, 3}, 2, 1, pool);
        assertThat(t[0]).isCloseTo(1 / 2.0, within(1e-12));
        assertThat(t[1]).isCloseTo(1 / 1.5, within(1e-12));
        assertThat(t[2]).isCloseTo(1 / 2.5, within(1e-12));
        assertThat(t[3]).isCloseTo(1 / 5.0, within(1e-12));
    }

    @Test
    void fewerOthersThanK_averagesOverThoseThereAre() {
        EmbeddingMatrix m = new EmbeddingMatrix(new float[] {0, 2}, 1);
        double[] t = Typicality.compute(m, new int[] {0, 1}, 5, 1, pool);
        assertThat(t).containsExactly(0.5, 0.5);
    }

    @Test
    void aboveTheLimit_searchesASeededSubset() {
        EmbeddingMatrix m = KCenterGreedyTest.randomUnit(40, 4, 3);
        int[] rows = java.util.stream.IntStream.range(0, 40).toArray();
        double[] subset = Typicality.compute(m, rows, 3, 11, pool, 10);
        assertThat(Typicality.compute(m, rows, 3, 11, pool, 10)).containsExactly(subset);
        // The same values as an exact search over just the ten rows the seed chose.
        int[] rank = SeededOrder.ranks(40, 11);
        for (int i = 0; i < 40; i++) {
            double[] nearest = new double[3];
            java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
            for (int j = 0; j < 40; j++) {
                if (rank[j] < 10 && j != i) {
                    double d = KCenterGreedyTest.distance(m, i, j);
                    if (d < nearest[2]) {
                        nearest[2] = d;
                        java.util.Arrays.sort(nearest);
                    }
                }
            }
            assertThat(subset[i]).isCloseTo(3 / (nearest[0] + nearest[1] + nearest[2]), within(1e-9));
        }
        assertThat(Typicality.compute(m, rows, 3, 12, pool, 10)).isNotEqualTo(subset);
    }
}
