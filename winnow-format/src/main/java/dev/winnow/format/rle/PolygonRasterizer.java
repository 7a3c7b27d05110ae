package dev.winnow.format.rle;

import dev.winnow.format.RleMask;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns COCO polygons ({@code [x1, y1, x2, y2, ...]} in pixels, several per object) into a row-major
 * mask, pixel for pixel the mask that COCO's own tools (pycocotools' {@code frPyObjects} and
 * {@code decode}, whose masks COCO's areas and mask evaluation use) draw, so that a converted COCO
 * ground truth keeps COCO's areas. Several polygons of one object are united.
 *
 * <p>The rule, as COCO's tools apply it: the vertices are scaled by 5 and rounded ({@code (int)(5v +
 * 0.5)}, truncating toward zero); every edge is walked one step at a time along its longer axis,
 * the other coordinate rounded the same way, giving a dense outline. Wherever the outline steps from
 * one fine column to the next across the centre line of a pixel column ({@code 5x + 2}), the upper
 * of the two fine rows, brought back to pixels ({@code (v + 0.5) / 5 - 0.5}, clamped to
 * {@code [0, height]}, rounded up), is where the column flips between outside and inside. Flips are
 * taken column by column, top to bottom, and carry over from one column to the next (COCO's
 * column-major run lengths), which for a closed outline means even-odd filling. So {@code [98, 10,
 * 110.5, 10, 110.5, 19.5, 98, 19.5]} covers 13 × 10 pixels: its right edge lands at fine column
 * 553, past the centre line of pixel column 110 (552), and likewise its bottom edge.
 *
 * <p>Cost: O(outline length × 5 + flips log flips) per polygon; no pixel-by-pixel pass.
 */
public final class PolygonRasterizer {
    private static final int SCALE = 5;
    /** Coordinates beyond this are refused: scaled by 5 they must stay integers. */
    private static final double MAX_COORDINATE = 1e8;
    /** The longest dense outline walked for one polygon (about a second). */
    private static final long MAX_OUTLINE_STEPS = 200_000_000L;

    private PolygonRasterizer() {}

    /**
     * The union of {@code polygons} on a {@code width × height} image.
     *
     * @throws IllegalArgumentException when a polygon has an odd number of coordinates, fewer than
     *     three points or a coordinate that is not a finite number within ±10⁸; the message names the
     *     polygon
     */
    public static RleMask rasterize(List<double[]> polygons, int height, int width) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException(
                    "An image must be at least 1x1 pixels, but was " + width + "x" + height + ".");
        }
        List<RleMask> parts = new ArrayList<>(polygons.size());
        for (int p = 0; p < polygons.size(); p++) {
            double[] xy = polygons.get(p);
            check(xy, p);
            parts.add(
                    CocoRle.of(height, width, columnRuns(xy, height, width, p)).toRowMajor());
        }
        return parts.size() == 1 ? parts.get(0) : MaskUnion.of(parts, (long) height * width);
    }

    private static void check(double[] xy, int index) {
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("Polygon " + index + " has " + xy.length
                    + " coordinates; a polygon needs an even number (x and y of each point).");
        }
        if (xy.length < 6) {
            throw new IllegalArgumentException(
                    "Polygon " + index + " has " + xy.length / 2 + " points; a polygon needs at least 3.");
        }
        for (int i = 0; i < xy.length; i++) {
            if (!Double.isFinite(xy[i])) {
                throw new IllegalArgumentException("Polygon " + index + " has the coordinate " + xy[i] + " at position "
                        + i + "; coordinates must be finite numbers.");
            }
            if (Math.abs(xy[i]) > MAX_COORDINATE) {
                throw new IllegalArgumentException("Polygon " + index + " has the coordinate " + xy[i] + " at position "
                        + i + "; coordinates must lie within -100000000 and 100000000.");
            }
        }
    }

    /** One polygon's mask as COCO's column-major run lengths (0s first). */
    private static int[] columnRuns(double[] xy, int height, int width, int index) {
        int k = xy.length / 2;
        int[] x = new int[k + 1];
        int[] y = new int[k + 1];
        for (int j = 0; j < k; j++) {
            x[j] = (int) (SCALE * xy[2 * j] + 0.5);
            y[j] = (int) (SCALE * xy[2 * j + 1] + 0.5);
        }
        x[k] = x[0];
        y[k] = y[0];
        long steps = 0;
        for (int j = 0; j < k; j++) {
            steps += Math.max(Math.abs((long) x[j + 1] - x[j]), Math.abs((long) y[j + 1] - y[j])) + 1;
        }
        if (steps > MAX_OUTLINE_STEPS) {
            throw new IllegalArgumentException("Polygon " + index + " has an outline of " + steps / SCALE
                    + " pixels, longer than Winnow rasterises (" + MAX_OUTLINE_STEPS / SCALE + ").");
        }
        Flips flips = new Flips(height, width);
        for (int j = 0; j < k; j++) {
            walkEdge(x[j], y[j], x[j + 1], y[j + 1], flips);
        }
        return flips.runs();
    }

    /**
     * Visits the dense outline points of one edge from its start to its end: one point per fine
     * step along the longer axis, the other coordinate interpolated from the end with the smaller
     * coordinate on that axis (so an edge gives the same points walked either way).
     */
    private static void walkEdge(int xs, int ys, int xe, int ye, Flips flips) {
        int dx = Math.abs(xe - xs);
        int dy = Math.abs(ye - ys);
        boolean alongX = dx >= dy;
        boolean reversed = alongX ? xs > xe : ys > ye;
        int fromX = reversed ? xe : xs;
        int fromY = reversed ? ye : ys;
        int toX = reversed ? xs : xe;
        int toY = reversed ? ys : ye;
        int length = alongX ? dx : dy;
        if (length == 0) {
            // A repeated point: one outline point, at the same fine column as its neighbours.
            flips.visit(fromX, fromY);
            return;
        }
        double slope = alongX ? (double) (toY - fromY) / dx : (double) (toX - fromX) / dy;
        for (int d = 0; d <= length; d++) {
            int t = reversed ? length - d : d;
            if (alongX) {
                flips.visit(fromX + t, (int) (fromY + slope * t + 0.5));
            } else {
                flips.visit((int) (fromX + slope * t + 0.5), fromY + t);
            }
        }
    }

    /** The column flips found along the dense outline, turned into column-major runs. */
    private static final class Flips {
        private final int height;
        private final int width;
        private long[] positions = new long[64];
        private int size;
        private boolean started;
        private int lastU;
        private int lastV;

        Flips(int height, int width) {
            this.height = height;
            this.width = width;
        }

        /** The next outline point, in fine (5×) coordinates. */
        void visit(int u, int v) {
            if (started && u != lastU) {
                // The fine column left of the step is a pixel column's centre line when it is 5x + 2.
                double column = ((double) (u < lastU ? u : u - 1) + 0.5) / SCALE - 0.5;
                if (Math.floor(column) == column && column >= 0 && column <= width - 1) {
                    double row = ((double) Math.min(v, lastV) + 0.5) / SCALE - 0.5;
                    row = Math.ceil(Math.min(height, Math.max(0, row)));
                    add(((long) column) * height + (long) row);
                }
            }
            started = true;
            lastU = u;
            lastV = v;
        }

        private void add(long position) {
            if (size == positions.length) {
                positions = Arrays.copyOf(positions, size * 2);
            }
            positions[size++] = position;
        }

        /** Alternating runs of 0s and 1s; two flips at one position cancel. */
        int[] runs() {
            Arrays.sort(positions, 0, size);
            long total = (long) height * width;
            int[] runs = new int[size + 1];
            long previous = 0;
            for (int i = 0; i < size; i++) {
                runs[i] = (int) (positions[i] - previous);
                previous = positions[i];
            }
            runs[size] = (int) (total - previous);
            return runs;
        }
    }
}
