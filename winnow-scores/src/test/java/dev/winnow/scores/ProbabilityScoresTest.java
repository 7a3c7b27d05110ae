package dev.winnow.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ProbabilityScoresTest {

    @Test
    void workedExample_givesTheDesignValues() {
        assertThat(ProbabilityScores.leastConfidence(0.7, 0.2, 0.1)).isEqualTo(0.45);
        assertThat(ProbabilityScores.margin(0.7, 0.2, 0.1)).isEqualTo(0.5);
        assertThat(ProbabilityScores.entropy(0.7, 0.2, 0.1)).isEqualTo(0.7298466991620975);
    }

    @Test
    void entryOrder_doesNotMatter() {
        assertThat(ProbabilityScores.leastConfidence(0.1, 0.7, 0.2)).isEqualTo(0.45);
        assertThat(ProbabilityScores.margin(0.2, 0.1, 0.7)).isEqualTo(0.5);
        assertThat(ProbabilityScores.entropy(0.1, 0.7, 0.2)).isEqualTo(0.7298466991620975);
        assertThat(ProbabilityScores.entropy(0.2, 0.1, 0.7)).isEqualTo(0.7298466991620975);
    }

    @Test
    void oneHot_scoresZero() {
        assertThat(ProbabilityScores.leastConfidence(0, 1, 0)).isEqualTo(0.0);
        assertThat(ProbabilityScores.margin(0, 1, 0)).isEqualTo(0.0);
        assertThat(ProbabilityScores.entropy(0, 1, 0)).isEqualTo(0.0);
        assertThat(ProbabilityScores.entropy(1, 0, 0, 0, 0)).isEqualTo(0.0);
    }

    @Test
    void uniform_scoresOne() {
        for (double[] p : new double[][] {{0.5, 0.5}, {1.0 / 3, 1.0 / 3, 1.0 / 3}, {0.25, 0.25, 0.25, 0.25}}) {
            assertThat(ProbabilityScores.leastConfidence(p)).isEqualTo(1.0);
            assertThat(ProbabilityScores.margin(p)).isEqualTo(1.0);
            assertThat(ProbabilityScores.entropy(p)).isEqualTo(1.0);
        }
    }

    @Test
    void uniform_roundingAboveOne_isClampedToOne() {
        // 7 and 11 uniform entries give an entropy one ulp above 1 before clamping.
        double[] seven = new double[] {1.0 / 7, 1.0 / 7, 1.0 / 7, 1.0 / 7, 1.0 / 7, 1.0 / 7, 1.0 / 7};
        assertThat(ProbabilityScores.entropy(seven)).isEqualTo(1.0);
    }

    @Test
    void singleEntry_isReadAsItsComplementPair() {
        assertThat(ProbabilityScores.leastConfidence(0.5)).isEqualTo(1.0);
        assertThat(ProbabilityScores.margin(0.5)).isEqualTo(1.0);
        assertThat(ProbabilityScores.entropy(0.5)).isEqualTo(1.0);
        assertThat(ProbabilityScores.leastConfidence(1.0)).isEqualTo(0.0);
        assertThat(ProbabilityScores.margin(0.0)).isEqualTo(0.0);
        assertThat(ProbabilityScores.entropy(1.0)).isEqualTo(0.0);
        // [0.8] is [0.8, 0.19999999999999996]: least confidence 0.19999999999999996 / 0.5, margin 1 -
        // 0.6000000000000001.
        assertThat(ProbabilityScores.leastConfidence(0.8)).isEqualTo(0.3999999999999999);
        assertThat(ProbabilityScores.margin(0.8)).isEqualTo(0.3999999999999999);
        assertThat(ProbabilityScores.leastConfidence(0.8)).isEqualTo(ProbabilityScores.leastConfidence(0.8, 0.2));
        assertThat(ProbabilityScores.margin(0.8)).isEqualTo(ProbabilityScores.margin(0.8, 0.19999999999999996));
        assertThat(ProbabilityScores.entropy(0.25)).isEqualTo(0.8112781244591328);
        assertThat(ProbabilityScores.entropy(0.75)).isEqualTo(0.8112781244591328);
    }

    @Test
    void prefixLength_readsOnlyThatManyEntries() {
        double[] buffer = {0.7, 0.2, 0.1, 99, -5};
        assertThat(ProbabilityScores.leastConfidence(buffer, 3)).isEqualTo(0.45);
        assertThat(ProbabilityScores.margin(buffer, 3)).isEqualTo(0.5);
        assertThat(ProbabilityScores.entropy(buffer, 3)).isEqualTo(0.7298466991620975);
    }

    @Test
    void allInOnePass_equalsEachScoreOnItsOwn() {
        Random random = new Random(3);
        double[] into = new double[3];
        for (int trial = 0; trial < 2000; trial++) {
            int c = 1 + random.nextInt(12);
            double[] p = new double[c];
            double sum = 0;
            for (int i = 0; i < c; i++) {
                p[i] = random.nextInt(5) == 0 ? 0 : random.nextDouble();
                sum += p[i];
            }
            for (int i = 0; i < c && sum > 0; i++) {
                p[i] /= sum;
            }
            ProbabilityScores.all(p, c, into);
            assertThat(into)
                    .containsExactly(
                            ProbabilityScores.leastConfidence(p),
                            ProbabilityScores.margin(p),
                            ProbabilityScores.entropy(p));
        }
        ProbabilityScores.all(new double[] {0.7, 0.2, 0.1}, 3, into);
        assertThat(into).containsExactly(0.45, 0.5, 0.7298466991620975);
    }

    @Test
    void clamp_limitsToUnitIntervalAndMapsNanToZero() {
        assertThat(ProbabilityScores.clamp(-0.25)).isEqualTo(0.0);
        assertThat(ProbabilityScores.clamp(1.5)).isEqualTo(1.0);
        assertThat(ProbabilityScores.clamp(0.3)).isEqualTo(0.3);
        assertThat(ProbabilityScores.clamp(Double.NaN)).isEqualTo(0.0);
    }

    @Test
    void emptyVector_isRefused() {
        assertThatThrownBy(() -> ProbabilityScores.entropy(new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A probability vector needs at least one entry.");
    }
}
