package dev.winnow.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** The exact check keeps state only for the blocks it looks at, not an entry per candidate. */
class NearestSelectedDistancesTest {

    @Test
    void exactCheck_makesStateOnlyForTheBlocksItLooksAt() {
        EmbeddingMatrix m = KCenterGreedyTest.randomUnit(64 * 200, 16, 4);
        Int8Store store = new Int8Store(m, PassKernel.best());
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            NearestSelectedDistances distances =
                    new NearestSelectedDistances(store, SeededOrder.of(m.count(), 4), pool);
            assertThat(distances.checkedBlocks()).isZero();
            KCenterResult result = KCenterGreedy.run(store, distances, 20, 0);
            assertThat(result.picks()).hasSize(20);
            assertThat(result.exactChecks()).isPositive();
            assertThat(distances.checkedBlocks()).isBetween(1, 199);
            // Every pick's reported distance is its exact float32 distance to the nearest earlier pick.
            for (int k = 1; k < 20; k++) {
                float nearest = Float.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    nearest = Math.min(nearest, m.squaredDistance(result.picks()[k], m.row(result.picks()[c])));
                }
                assertThat(result.distances()[k]).as("pick %d", k).isEqualTo(Math.sqrt(nearest));
            }
        } finally {
            pool.shutdown();
        }
    }
}
