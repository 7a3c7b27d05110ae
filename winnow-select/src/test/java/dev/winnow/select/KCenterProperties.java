package dev.winnow.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Farthest-first selection on small random inputs, checked against a brute-force reference:
 * every pick is a candidate farthest from the picks (and earlier selections) before it, the same
 * input and seed give the same picks in either storage, and the covering radius never grows.
 */
class KCenterProperties {
    /** Candidates, earlier selections (possibly none) and a seed. */
    record Case(EmbeddingMatrix candidates, EmbeddingMatrix earlier, long seed) {}

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Integer> dims = Arbitraries.integers().between(1, 6);
        return dims.flatMap(d -> Combinators.combine(matrix(d, 1, 40), matrix(d, 0, 4), Arbitraries.longs())
                .as(Case::new));
    }

    /** Rows of small integers, so that equal distances (ties) happen often. */
    private static Arbitrary<EmbeddingMatrix> matrix(int dimension, int minRows, int maxRows) {
        return Arbitraries.integers()
                .between(-4, 4)
                .map(Integer::floatValue)
                .list()
                .ofMinSize(minRows * dimension)
                .ofMaxSize(maxRows * dimension)
                .map(values -> {
                    int rows = values.size() / dimension;
                    float[] flat = new float[rows * dimension];
                    for (int i = 0; i < flat.length; i++) {
                        flat[i] = values.get(i);
                    }
                    return new EmbeddingMatrix(flat, dimension);
                });
    }

    private static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    /** The distance from candidate {@code i} to the nearest of {@code centers}; +∞ when there are none. */
    private static double nearest(EmbeddingMatrix candidates, int i, List<float[]> centers) {
        double best = Double.POSITIVE_INFINITY;
        for (float[] c : centers) {
            best = Math.min(best, distance(candidates.row(i), c));
        }
        return best;
    }

    private static KCenterResult select(Case c, KCenterGreedy.Storage storage, int picks) {
        return new KCenterGreedy(c.candidates(), storage, 2).select(picks, c.earlier(), 0.0, c.seed());
    }

    @Property(tries = 300)
    void everyPick_isAFarthestCandidate_atTheDistanceItReports(@ForAll("cases") Case c) {
        int n = c.candidates().count();
        KCenterResult result = select(c, KCenterGreedy.Storage.FLOAT32, n);
        assertThat(result.picks()).doesNotHaveDuplicates().hasSize(n);
        List<float[]> centers = new ArrayList<>();
        for (int e = 0; e < c.earlier().count(); e++) {
            centers.add(c.earlier().row(e));
        }
        boolean[] taken = new boolean[n];
        for (int k = 0; k < result.picks().length; k++) {
            int pick = result.picks()[k];
            double farthest = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (!taken[i]) {
                    farthest = Math.max(farthest, nearest(c.candidates(), i, centers));
                }
            }
            double own = nearest(c.candidates(), pick, centers);
            if (Double.isInfinite(farthest)) {
                assertThat(own).isInfinite();
                assertThat(result.distances()[k]).isInfinite();
            } else {
                assertThat(own).as("pick %d", k).isCloseTo(farthest, within(1e-4));
                assertThat(result.distances()[k])
                        .as("reported distance of pick %d", k)
                        .isCloseTo(own, within(1e-4));
            }
            taken[pick] = true;
            centers.add(c.candidates().row(pick));
        }
    }

    @Property(tries = 200)
    void sameInputAndSeed_samePicks_inEitherStorage(@ForAll("cases") Case c) {
        int n = c.candidates().count();
        KCenterResult first = select(c, KCenterGreedy.Storage.FLOAT32, n);
        assertThat(select(c, KCenterGreedy.Storage.FLOAT32, n).picks()).containsExactly(first.picks());
        assertThat(select(c, KCenterGreedy.Storage.INT8, n).picks()).containsExactly(first.picks());
        int fewer = n / 2;
        assertThat(select(c, KCenterGreedy.Storage.FLOAT32, fewer).picks())
                .as("fewer picks are a prefix of more")
                .containsExactly(Arrays.copyOf(first.picks(), fewer));
    }

    @Property(tries = 200)
    void theCoveringRadius_neverGrowsAsPicksAreAdded(@ForAll("cases") Case c) {
        int n = c.candidates().count();
        KCenterResult result = select(c, KCenterGreedy.Storage.FLOAT32, n);
        double[] d = result.distances();
        for (int k = 1; k < d.length; k++) {
            assertThat(d[k]).as("distance of pick %d", k).isLessThanOrEqualTo(d[k - 1]);
        }
        List<float[]> centers = new ArrayList<>();
        for (int e = 0; e < c.earlier().count(); e++) {
            centers.add(c.earlier().row(e));
        }
        double previous = Double.POSITIVE_INFINITY;
        for (int pick : result.picks()) {
            centers.add(c.candidates().row(pick));
            double radius = 0;
            for (int i = 0; i < n; i++) {
                radius = Math.max(radius, nearest(c.candidates(), i, centers));
            }
            assertThat(radius).isLessThanOrEqualTo(previous);
            previous = radius;
        }
        assertThat(previous)
                .as("every candidate picked: nothing left uncovered")
                .isZero();
    }
}
