package dev.winnow.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class KCenterGreedyTest {

    /** Random unit vectors. */
    static EmbeddingMatrix randomUnit(int n, int d, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) random.nextGaussian();
                norm += x[i * d + j] * x[i * d + j];
            }
            for (int j = 0; j < d; j++) {
                x[i * d + j] /= (float) Math.sqrt(norm);
            }
        }
        return new EmbeddingMatrix(x, d);
    }

    /** Plain float64 farthest-first, starting from a given first pick. */
    static int[] reference(EmbeddingMatrix m, int first, int picks) {
        int n = m.count();
        double[] min = new double[n];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        int[] result = new int[picks];
        int next = first;
        for (int k = 0; k < picks; k++) {
            result[k] = next;
            for (int i = 0; i < n; i++) {
                min[i] = Math.min(min[i], distance(m, i, next));
            }
            next = 0;
            for (int i = 1; i < n; i++) {
                if (min[i] > min[next]) {
                    next = i;
                }
            }
        }
        return result;
    }

    static double distance(EmbeddingMatrix m, int a, int b) {
        double sum = 0;
        for (int j = 0; j < m.dimension(); j++) {
            double diff = m.rows()[a * m.dimension() + j] - m.rows()[b * m.dimension() + j];
            sum += diff * diff;
        }
        return Math.sqrt(sum);
    }

    /** The k-center radius: the largest distance from any row to its nearest pick. */
    static double radius(EmbeddingMatrix m, int[] picks) {
        double radius = 0;
        for (int i = 0; i < m.count(); i++) {
            double nearest = Double.POSITIVE_INFINITY;
            for (int p : picks) {
                nearest = Math.min(nearest, distance(m, i, p));
            }
            radius = Math.max(radius, nearest);
        }
        return radius;
    }

    @Test
    void float32_picksEqualTheFloat64Reference() {
        EmbeddingMatrix m = randomUnit(3000, 16, 1);
        KCenterResult result =
                new KCenterGreedy(m, KCenterGreedy.Storage.FLOAT32, 3).select(60, EmbeddingMatrix.empty(16), 0, 5);
        assertThat(result.picks()).containsExactly(reference(m, result.picks()[0], 60));
        assertThat(result.stopReason()).isEqualTo(StopReason.SAMPLE_COUNT_REACHED);
        assertThat(result.distances()[0]).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(result.distances()[1])
                .isCloseTo(distance(m, result.picks()[0], result.picks()[1]), Assertions.within(1e-5));
    }

    @Test
    void int8_picksEqualFloat32_thanksToTheExactCheck() {
        EmbeddingMatrix m = randomUnit(4000, 32, 2);
        KCenterResult exact =
                new KCenterGreedy(m, KCenterGreedy.Storage.FLOAT32, 2).select(100, EmbeddingMatrix.empty(32), 0, 9);
        KCenterResult compact =
                new KCenterGreedy(m, KCenterGreedy.Storage.INT8, 2).select(100, EmbeddingMatrix.empty(32), 0, 9);
        assertThat(compact.picks()).containsExactly(exact.picks());
        assertThat(compact.distances()).containsExactly(exact.distances());
        assertThat(exact.exactChecks()).isEqualTo(0);
        // The exact check looks at a few candidates per pick, not at all 4000.
        assertThat(compact.exactChecks()).isBetween(1L, 100L * 4000 / 10);
    }

    @Test
    void int8_onRowsFarFromUnitLength_picksEqualFloat32() {
        EmbeddingMatrix unit = randomUnit(2000, 16, 14);
        float[] scaled = unit.rows().clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= 7.5f;
        }
        EmbeddingMatrix m = new EmbeddingMatrix(scaled, 16);
        int[] exact = new KCenterGreedy(m, KCenterGreedy.Storage.FLOAT32, 2)
                .select(40, EmbeddingMatrix.empty(16), 0, 4)
                .picks();
        int[] compact = new KCenterGreedy(m, KCenterGreedy.Storage.INT8, 2)
                .select(40, EmbeddingMatrix.empty(16), 0, 4)
                .picks();
        assertThat(compact).containsExactly(exact);
    }

    @Test
    void int8_withEarlierSelections_picksEqualFloat32() {
        EmbeddingMatrix m = randomUnit(3000, 16, 12);
        EmbeddingMatrix earlier = randomUnit(7, 16, 13);
        int[] exact = new KCenterGreedy(m, KCenterGreedy.Storage.FLOAT32, 2)
                .select(50, earlier, 0, 1)
                .picks();
        int[] compact = new KCenterGreedy(m, KCenterGreedy.Storage.INT8, 3)
                .select(50, earlier, 0, 1)
                .picks();
        assertThat(compact).containsExactly(exact);
    }

    @Test
    void int8_withoutTheExactCheck_wouldDiffer_soTheCheckMatters() {
        // Plain quantised farthest-first (decoded rows, no exact check) on the same data drifts
        // away from the float32 picks; the test guards that the data is hard enough to show it.
        EmbeddingMatrix m = randomUnit(4000, 32, 2);
        Int8Store store = new Int8Store(m, PassKernel.SCALAR);
        float[] decoded = new float[m.rows().length];
        for (int i = 0; i < m.count(); i++) {
            System.arraycopy(store.decodedRow(i), 0, decoded, i * 32, 32);
        }
        EmbeddingMatrix quantised = new EmbeddingMatrix(decoded, 32);
        int[] exact = new KCenterGreedy(m, KCenterGreedy.Storage.FLOAT32, 2)
                .select(100, EmbeddingMatrix.empty(32), 0, 9)
                .picks();
        int[] plain = new KCenterGreedy(quantised, KCenterGreedy.Storage.FLOAT32, 2)
                .select(100, EmbeddingMatrix.empty(32), 0, 9)
                .picks();
        assertThat(plain).isNotEqualTo(exact);
        double ratio = radius(m, plain) / radius(m, exact);
        assertThat(ratio).isBetween(0.9, 1.1);
    }

    @Test
    void coverageRadius_isTheLargestDistanceToTheNearestCenter() {
        EmbeddingMatrix m = randomUnit(800, 8, 5);
        int[] centers = {3, 99, 512};
        assertThat(KCenterGreedy.coverageRadius(m, centers, 2)).isCloseTo(radius(m, centers), Assertions.within(1e-6));
        assertThat(KCenterGreedy.coverageRadius(m, new int[0], 2)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void resultDoesNotDependOnThreadCount() {
        EmbeddingMatrix m = randomUnit(5000, 8, 3);
        int[] one = new KCenterGreedy(m, KCenterGreedy.Storage.INT8, 1)
                .select(40, EmbeddingMatrix.empty(8), 0, 1)
                .picks();
        int[] four = new KCenterGreedy(m, KCenterGreedy.Storage.INT8, 4)
                .select(40, EmbeddingMatrix.empty(8), 0, 1)
                .picks();
        assertThat(four).containsExactly(one);
    }

    @Test
    void firstPick_isFarthestFromEarlierSelections() {
        // Points on a line (as 2-d unit-free vectors); the earlier selection sits at x = 0.
        float[] x = {0.1f, 0, 0.5f, 0, 0.9f, 0, 0.3f, 0};
        EmbeddingMatrix m = new EmbeddingMatrix(x, 2);
        EmbeddingMatrix earlier = new EmbeddingMatrix(new float[] {0, 0}, 2);
        KCenterResult result = new KCenterGreedy(m, KCenterGreedy.Storage.FLOAT32, 1).select(2, earlier, 0, 123);
        assertThat(result.picks()).containsExactly(2, 1);
        assertThat(result.distances()[0]).isCloseTo(0.9, Assertions.within(1e-6));
        assertThat(result.distances()[1]).isCloseTo(0.4, Assertions.within(1e-6));
    }

    @Test
    void firstPick_withoutEarlierSelections_dependsOnTheSeed_notOnIndexZero() {
        // Four identical points: every candidate is equally far, so only the seed decides.
        EmbeddingMatrix m = new EmbeddingMatrix(new float[] {1, 0, 1, 0, 1, 0, 1, 0}, 2);
        KCenterGreedy greedy = new KCenterGreedy(m, KCenterGreedy.Storage.FLOAT32, 1);
        Set<Integer> firsts = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            int first = greedy.select(1, EmbeddingMatrix.empty(2), 0, seed).picks()[0];
            firsts.add(first);
            assertThat(greedy.select(1, EmbeddingMatrix.empty(2), 0, seed).picks()[0])
                    .isEqualTo(first);
        }
        assertThat(firsts).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void minimumDistance_stopsBeforeACloserPick() {
        float[] x = {0, 0, 1, 0, 0.95f, 0, 0.5f, 0};
        EmbeddingMatrix m = new EmbeddingMatrix(x, 2);
        EmbeddingMatrix earlier = new EmbeddingMatrix(new float[] {0, 0}, 2);
        KCenterResult result = new KCenterGreedy(m, KCenterGreedy.Storage.FLOAT32, 1).select(4, earlier, 0.3, 1);
        // 1.0 (distance 1), then 0.5 (0.5 from both), then the nearest left is 0.95 at 0.05 < 0.3.
        assertThat(result.picks()).containsExactly(1, 3);
        assertThat(result.stopReason()).isEqualTo(StopReason.MINIMUM_DISTANCE_REACHED);
    }

    @Test
    void morePicksThanCandidates_takesAllThenSaysSo() {
        EmbeddingMatrix m = randomUnit(5, 4, 4);
        KCenterResult result =
                new KCenterGreedy(m, KCenterGreedy.Storage.FLOAT32, 1).select(9, EmbeddingMatrix.empty(4), 0, 1);
        assertThat(result.picks()).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(result.picks()).containsExactly(reference(m, result.picks()[0], 5));
        assertThat(result.stopReason()).isEqualTo(StopReason.CANDIDATES_EXHAUSTED);
    }

    @Test
    void nonFiniteEmbedding_isRejectedWithItsPlace() {
        EmbeddingMatrix m = new EmbeddingMatrix(new float[] {1, 0, Float.NaN, 0}, 2);
        assertThatThrownBy(() -> new KCenterGreedy(m, KCenterGreedy.Storage.FLOAT32, 1))
                .hasMessage("The candidate embedding in row 1 has a non-finite value (NaN) in dimension 0.");
    }
}
