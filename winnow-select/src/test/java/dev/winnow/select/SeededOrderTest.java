package dev.winnow.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** The lazy order answers as the whole permutation does. */
class SeededOrderTest {

    private static int rankedFirst(int[] rank) {
        for (int i = 0; i < rank.length; i++) {
            if (rank[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void first_isTheCandidateRankedZero() {
        Random random = new Random(7);
        for (int n = 0; n <= 300; n++) {
            long seed = random.nextLong();
            assertThat(SeededOrder.of(n, seed).first())
                    .as("n=%d, seed=%d", n, seed)
                    .isEqualTo(rankedFirst(SeededOrder.ranks(n, seed)));
        }
        assertThat(SeededOrder.of(1_000_003, 42).first()).isEqualTo(rankedFirst(SeededOrder.ranks(1_000_003, 42)));
    }

    @Test
    void first_afterTheRanksWereMade_isStillTheCandidateRankedZero() {
        SeededOrder order = SeededOrder.of(500, 3);
        int[] rank = SeededOrder.ranks(500, 3);
        int a = rankedFirst(rank);
        int b = a == 0 ? 1 : 0;
        assertThat(order.before(a, b)).isTrue();
        assertThat(order.first()).isEqualTo(a);
    }

    @Test
    void before_followsTheRanks() {
        int[] rank = SeededOrder.ranks(1000, 11);
        SeededOrder order = SeededOrder.of(1000, 11);
        Random random = new Random(5);
        for (int k = 0; k < 2000; k++) {
            int i = random.nextInt(1000);
            int j = random.nextInt(1000);
            assertThat(order.before(i, j)).as("%d before %d", i, j).isEqualTo(rank[i] < rank[j]);
        }
    }

    @Test
    void farthestFirstWithoutTies_neverMakesTheRanks() {
        EmbeddingMatrix m = KCenterGreedyTest.randomUnit(5000, 16, 9);
        SeededOrder order = SeededOrder.of(m.count(), 9);
        Int8Store store = new Int8Store(m, PassKernel.best());
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            NearestSelectedDistances distances = new NearestSelectedDistances(store, order, pool);
            int[] picks = KCenterGreedy.run(store, distances, 50, 0).picks();
            assertThat(picks).hasSize(50).startsWith(rankedFirst(SeededOrder.ranks(m.count(), 9)));
        } finally {
            pool.shutdown();
        }
        assertThat(order.ranked()).isFalse();
    }

    @Test
    void givenRanks_equalRanksLeaveTheLowerIndexFirst() {
        SeededOrder order = SeededOrder.ofRanks(new int[] {1, 0, 0, 2});
        assertThat(order.first()).isEqualTo(1);
        assertThat(order.before(2, 1)).isFalse();
        assertThat(order.before(1, 0)).isTrue();
        assertThat(SeededOrder.of(0, 1).first()).isEqualTo(-1);
    }
}
