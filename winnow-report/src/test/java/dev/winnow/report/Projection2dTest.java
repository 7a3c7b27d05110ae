package dev.winnow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Projection2dTest {

    @Test
    void pointsOnALine_projectOntoThatLine() {
        // Points (1, 2, 2) * t + (5, 5, 5): all variance along (1, 2, 2) / 3, none elsewhere.
        float[][] rows = new float[5][];
        double[] t = {-2, -1, 0, 1, 2};
        for (int i = 0; i < 5; i++) {
            rows[i] = new float[] {(float) (5 + t[i]), (float) (5 + 2 * t[i]), (float) (5 + 2 * t[i])};
        }
        Projection2d.Result result = Projection2d.of(rows);
        assertThat(result.axis1()).containsExactly(new double[] {1 / 3.0, 2 / 3.0, 2 / 3.0}, within(1e-9));
        for (int i = 0; i < 5; i++) {
            assertThat(result.x()[i]).isCloseTo(3 * t[i], within(1e-6));
            assertThat(result.y()[i]).isCloseTo(0, within(1e-6));
        }
        assertThat(result.variance1()).isCloseTo(9 * 2, within(1e-6)); // var(t) = 2, |(1,2,2)|^2 = 9
        assertThat(result.axis2()).containsOnly(0.0);
        assertThat(result.variance2()).isEqualTo(0.0);
    }

    @Test
    void ellipse_findsBothAxesWithDeterministicSigns() {
        // A seeded cloud stretched 4x along (3, 4)/5 and 1x along (-4, 3)/5, in 3 dimensions.
        SplittableRandom random = new SplittableRandom(7);
        int n = 20_000;
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
            double a = 4 * (random.nextDouble() * 2 - 1);
            double b = random.nextDouble() * 2 - 1;
            rows[i] = new float[] {(float) (0.6 * a - 0.8 * b), (float) (0.8 * a + 0.6 * b), 0.5f};
        }
        Projection2d.Result result = Projection2d.of(rows);
        assertThat(result.axis1()).containsExactly(new double[] {0.6, 0.8, 0}, within(1e-2));
        assertThat(result.axis2())
                .containsExactly(new double[] {0.8, -0.6, 0}, within(1e-2)); // largest component made positive
        assertThat(result.variance1()).isCloseTo(16 / 3.0, within(0.15));
        assertThat(result.variance2()).isCloseTo(1 / 3.0, within(0.02));
        assertThat(result.axis1()).containsExactly(Projection2d.of(rows).axis1());
        // Mirrored data gives the same axes (signs are fixed by the largest component), mirrored coordinates.
        float[][] negated = new float[n][];
        for (int i = 0; i < n; i++) {
            negated[i] = new float[] {-rows[i][0], -rows[i][1], -rows[i][2]};
        }
        Projection2d.Result mirrored = Projection2d.of(negated);
        assertThat(mirrored.axis1()).containsExactly(result.axis1(), within(1e-9));
        assertThat(mirrored.x()[0]).isCloseTo(-result.x()[0], within(1e-6));
    }

    @Test
    void degenerateInputs() {
        assertThat(Projection2d.of(new float[0][]).x()).isEmpty();
        Projection2d.Result single = Projection2d.of(new float[][] {{1f, 2f}});
        assertThat(single.x()).containsExactly(0.0);
        assertThat(single.y()).containsExactly(0.0);
        Projection2d.Result same = Projection2d.of(new float[][] {{1f, 2f}, {1f, 2f}});
        assertThat(same.x()).containsExactly(0.0, 0.0);
        Projection2d.Result oneDimension = Projection2d.of(new float[][] {{1f}, {3f}});
        assertThat(oneDimension.x()).containsExactly(-1.0, 1.0);
        assertThat(oneDimension.y()).containsExactly(0.0, 0.0);
    }

    @Test
    void raggedRows_areRefused() {
        assertThatThrownBy(() -> Projection2d.of(new float[][] {{1f, 2f}, {1f}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Row 1 has 1 values; expected 2 like row 0.");
    }
}
