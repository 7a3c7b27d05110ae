package dev.winnow.format.rle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.format.RleMask;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PolygonRasterizerTest {

    @Test
    void rectangle_pixelCentresInside() {
        // x in [1, 4), y in [1, 3): columns 1..3 of rows 1..2 on a 5x4 image.
        RleMask mask = PolygonRasterizer.rasterize(List.of(new double[] {1, 1, 4, 1, 4, 3, 1, 3}), 4, 5);
        assertThat(mask).isEqualTo(RleMask.of(6, 3, 2, 3, 6));
    }

    @Test
    void rectangle_edgesThroughCentres_leftTopInRightBottomOut() {
        // Edges at x = 0.5 and 2.5, y = 0.5 and 1.5: centres on the left/top edge count, right/bottom do not.
        RleMask mask = PolygonRasterizer.rasterize(List.of(new double[] {0.5, 0.5, 2.5, 0.5, 2.5, 1.5, 0.5, 1.5}), 3, 3);
        assertThat(mask).isEqualTo(RleMask.of(0, 2, 7));
    }

    @Test
    void twoPolygons_unionAndClipping() {
        RleMask mask = PolygonRasterizer.rasterize(List.of(
                new double[] {-5, -5, 2, -5, 2, 1, -5, 1},
                new double[] {1, 0, 10, 0, 10, 1, 1, 1}), 2, 4);
        assertThat(mask).isEqualTo(RleMask.of(0, 4, 4));
    }

    @Test
    void matchesIndependentEvenOddTest() {
        Random random = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            int h = 1 + random.nextInt(30);
            int w = 1 + random.nextInt(30);
            int points = 3 + random.nextInt(8);
            double[] xy = new double[2 * points];
            for (int i = 0; i < points; i++) {
                xy[2 * i] = random.nextDouble() * (w + 4) - 2;
                xy[2 * i + 1] = random.nextDouble() * (h + 4) - 2;
            }
            boolean[] expected = new boolean[h * w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    expected[y * w + x] = insideEvenOdd(xy, x + 0.5, y + 0.5);
                }
            }
            RleMask mask = PolygonRasterizer.rasterize(List.of(xy), h, w);
            assertThat(mask.decode(h * w)).isEqualTo(expected);
        }
    }

    /** Ray casting to the right, written independently of the rasterizer. */
    private static boolean insideEvenOdd(double[] xy, double px, double py) {
        boolean inside = false;
        int n = xy.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = xy[2 * i];
            double yi = xy[2 * i + 1];
            double xj = xy[2 * j];
            double yj = xy[2 * j + 1];
            if ((yi > py) != (yj > py) && px < (xj - xi) * (py - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }

    @Test
    void malformedPolygons() {
        assertThatThrownBy(() -> PolygonRasterizer.rasterize(List.of(new double[] {1, 2, 3}), 4, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Polygon 0 has 3 coordinates; a polygon needs an even number (x and y of each point).");
        assertThatThrownBy(() -> PolygonRasterizer.rasterize(List.of(new double[] {0, 0, 1, 1, 2, 0}, new double[] {1, 2, 3, 4}), 4, 4))
                .hasMessage("Polygon 1 has 2 points; a polygon needs at least 3.");
        assertThatThrownBy(() -> PolygonRasterizer.rasterize(List.of(new double[] {0, 0, 1, Double.NaN, 2, 0}), 4, 4))
                .hasMessage("Polygon 0 has the coordinate NaN at position 3; coordinates must be finite numbers.");
    }
}
