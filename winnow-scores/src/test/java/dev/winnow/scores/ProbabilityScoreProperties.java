package dev.winnow.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The three uncertainty scores on random probability vectors: range, symmetry and extremes. */
class ProbabilityScoreProperties {
    @Provide
    Arbitrary<double[]> vectors() {
        return Arbitraries.integers()
                .between(1, 20)
                .flatMap(n -> Arbitraries.doubles()
                        .between(0, 1)
                        .array(double[].class)
                        .ofSize(n)
                        .map(ProbabilityScoreProperties::normalised));
    }

    private static double[] normalised(double[] raw) {
        double sum = 0;
        for (double v : raw) {
            sum += v;
        }
        double[] p = new double[raw.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = sum == 0 ? 1.0 / p.length : raw[i] / sum;
        }
        return p;
    }

    private static double[] scores(double[] p) {
        return new double[] {
            ProbabilityScores.leastConfidence(p), ProbabilityScores.margin(p), ProbabilityScores.entropy(p)
        };
    }

    @Property
    void everyScore_liesInTheUnitInterval(@ForAll("vectors") double[] p) {
        for (double s : scores(p)) {
            assertThat(s).isBetween(0.0, 1.0);
        }
    }

    @Property
    void theOnePassForm_equalsTheSeparateMethods(@ForAll("vectors") double[] p) {
        double[] into = new double[3];
        ProbabilityScores.all(p, p.length, into);
        assertThat(into).containsExactly(scores(p));
    }

    @Property
    void reorderingTheClasses_changesNoScore(@ForAll("vectors") double[] p, @ForAll long seed) {
        List<Double> entries = new ArrayList<>();
        for (double v : p) {
            entries.add(v);
        }
        Collections.shuffle(entries, new Random(seed));
        double[] shuffled = entries.stream().mapToDouble(Double::doubleValue).toArray();
        double[] a = scores(p);
        double[] b = scores(shuffled);
        assertThat(b[0]).isEqualTo(a[0]);
        assertThat(b[1]).isEqualTo(a[1]);
        assertThat(b[2]).isCloseTo(a[2], within(1e-12)); // the sum of p log p is taken in another order
    }

    @Property
    void aCertainModel_scoresZero_aUniformOne(@ForAll @IntRange(min = 2, max = 50) int classes, @ForAll long seed) {
        double[] oneHot = new double[classes];
        oneHot[new Random(seed).nextInt(classes)] = 1;
        assertThat(scores(oneHot)).containsExactly(0, 0, 0);
        double[] uniform = new double[classes];
        Arrays.fill(uniform, 1.0 / classes);
        assertThat(scores(uniform)).containsExactly(new double[] {1, 1, 1}, within(1e-12));
    }

    @Property
    void movingMassFromTheTopClassToTheRunnerUp_neverLowersTheMargin(@ForAll("vectors") double[] p) {
        if (p.length < 2) {
            return;
        }
        int top = 0;
        for (int i = 1; i < p.length; i++) {
            top = p[i] > p[top] ? i : top;
        }
        int second = top == 0 ? 1 : 0;
        for (int i = 0; i < p.length; i++) {
            second = i != top && p[i] > p[second] ? i : second;
        }
        double[] closer = p.clone();
        double shift = (p[top] - p[second]) / 4;
        closer[top] -= shift;
        closer[second] += shift;
        assertThat(ProbabilityScores.margin(closer)).isGreaterThanOrEqualTo(ProbabilityScores.margin(p) - 1e-12);
        assertThat(ProbabilityScores.entropy(closer)).isGreaterThanOrEqualTo(ProbabilityScores.entropy(p) - 1e-12);
    }
}
