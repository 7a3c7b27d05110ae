package dev.winnow.embed;

import java.util.Arrays;

/*
 * The weight-free image descriptor behind the built-in embedder.
 *
 * The image is area-resampled to 64x64 and described by four blocks of statistics:
 *
 *   layout   the mean of two opponent colour channels, the mean intensity and the intensity
 *            standard deviation in each cell of a 4x4 grid (shape of the scene, where colour is);
 *   colour   a global histogram of 12 hue bins weighted by saturation plus 4 lightness bins for
 *            grey pixels, with linear (soft) assignment so that a mild colour shift moves mass
 *            between neighbouring bins instead of jumping;
 *   edges    a histogram of gradient orientations (5 bins, magnitude-weighted, soft) per cell of
 *            the same 4x4 grid — a coarse HOG;
 *   global   the same colour moments and orientation histogram over the whole image, which do not
 *            move when the content shifts (crops).
 *
 * Mirror symmetry is built in: the grid's columns are folded (column c and 3 - c share a cell)
 * and orientations are folded (theta and pi - theta share a bin), so an image and its horizontal
 * flip have the same descriptor. Histograms are power-normalised (square root, as in Hellinger
 * kernels) and centred; each block is scaled to a fixed length so no block dominates by its size.
 *
 * Cost: one pass over the 64x64 pixels for colour and one for gradients, about 4096 * 40
 * floating-point operations, independent of the source size beyond the resampling.
 */
final class BuiltinDescriptor {

    static final int SIZE = 64;
    private static final int GRID = 4;
    private static final int FOLDED_COLUMNS = GRID / 2; // two bands: inner and outer
    private static final int CELLS = GRID * FOLDED_COLUMNS;
    private static final int CELL = SIZE / GRID;
    private static final int HUE_BINS = 12;
    private static final int GREY_BINS = 4;
    private static final int ORIENTATION_BINS = 5;

    private static final int LAYOUT_FEATURES = CELLS * 4;
    private static final int COLOUR_FEATURES = HUE_BINS + GREY_BINS;
    private static final int EDGE_FEATURES = CELLS * ORIENTATION_BINS;
    private static final int GLOBAL_FEATURES = 4 + ORIENTATION_BINS;
    private static final int COLOUR_AT = LAYOUT_FEATURES;
    private static final int EDGE_AT = COLOUR_AT + COLOUR_FEATURES;
    private static final int GLOBAL_AT = EDGE_AT + EDGE_FEATURES;
    static final int LENGTH = GLOBAL_AT + GLOBAL_FEATURES;

    // Relative weights of the blocks in the final vector (lengths before the overall normalisation),
    // chosen so that crops of 80-90%, colour shifts and re-encodings of the sample photographs stay
    // nearest to their source: local edges are the least stable under crops, so they weigh least.
    private static final float LAYOUT_WEIGHT = 1.0f;
    private static final float COLOUR_WEIGHT = 1.0f;
    private static final float EDGE_WEIGHT = 0.5f;
    private static final float GLOBAL_MOMENT_WEIGHT = 0.5f;
    private static final float GLOBAL_EDGE_WEIGHT = 0.25f;

    // Soft spatial binning: each pixel is shared between the two nearest rows of cells and between
    // the two folded column bands (inner: columns 1 and 2, outer: columns 0 and 3), with linear
    // weights, so a small shift of the content moves its statistics gradually between cells.
    // Accumulation is separable: along a row, sums go to the two bands (in registers); at the end
    // of the row they are split between the two rows of cells.
    private static final int[] ROW_LOW = new int[SIZE];
    private static final float[] ROW_LOW_WEIGHT = new float[SIZE];
    private static final float[] INNER_WEIGHT = new float[SIZE];
    private static final float[] CELL_WEIGHT = new float[CELLS];

    static {
        for (int i = 0; i < SIZE; i++) {
            float row = (i + 0.5f) / CELL - 0.5f; // 0 at the centre of the first row of cells
            int low = (int) Math.floor(row);
            float high = row - low;
            ROW_LOW[i] = Math.max(0, Math.min(GRID - 2, low));
            ROW_LOW_WEIGHT[i] = low < 0 ? 1f : low > GRID - 2 ? 0f : 1f - high;
            // Distance from the vertical centre line in cells, 0 at the inner band's centre: mirrored
            // columns get the same value.
            float band = Math.abs(i + 0.5f - SIZE / 2f) / CELL - 0.5f;
            INNER_WEIGHT[i] = Math.max(0f, Math.min(1f, 1f - band));
        }
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int cell = ROW_LOW[y] * FOLDED_COLUMNS;
                CELL_WEIGHT[cell] += ROW_LOW_WEIGHT[y] * INNER_WEIGHT[x];
                CELL_WEIGHT[cell + 1] += ROW_LOW_WEIGHT[y] * (1f - INNER_WEIGHT[x]);
                CELL_WEIGHT[cell + FOLDED_COLUMNS] += (1f - ROW_LOW_WEIGHT[y]) * INNER_WEIGHT[x];
                CELL_WEIGHT[cell + FOLDED_COLUMNS + 1] += (1f - ROW_LOW_WEIGHT[y]) * (1f - INNER_WEIGHT[x]);
            }
        }
    }

    private BuiltinDescriptor() {}

    /** The descriptor of a 64x64 resampled image, L2-normalised, {@link #LENGTH} values. */
    static float[] describe(RgbPlanes planes) {
        if (planes.size != SIZE) {
            throw new IllegalArgumentException(
                    "The descriptor needs a " + SIZE + "x" + SIZE + " image, not " + planes.size + ".");
        }
        float[] out = new float[LENGTH];
        float[] intensity = new float[SIZE * SIZE];
        colourStatistics(planes, intensity, out);
        orientationHistograms(intensity, out);
        for (int cell = 0; cell < CELLS; cell++) {
            for (int bin = 0; bin < ORIENTATION_BINS; bin++) {
                out[GLOBAL_AT + 4 + bin] += out[EDGE_AT + cell * ORIENTATION_BINS + bin];
            }
        }
        finishLayout(out);
        finishHistogram(out, COLOUR_AT, EDGE_AT, COLOUR_WEIGHT);
        finishHistogram(out, EDGE_AT, GLOBAL_AT, EDGE_WEIGHT);
        Vectors.normalizeRange(out, GLOBAL_AT, GLOBAL_AT + 4, GLOBAL_MOMENT_WEIGHT);
        finishHistogram(out, GLOBAL_AT + 4, LENGTH, GLOBAL_EDGE_WEIGHT);
        return Vectors.l2Normalize(out);
    }

    private static void colourStatistics(RgbPlanes planes, float[] intensity, float[] out) {
        float[] sums = new float[CELLS * 4];
        float[] inner = new float[4];
        float[] outer = new float[4];
        for (int y = 0; y < SIZE; y++) {
            float innerO1 = 0;
            float innerO2 = 0;
            float innerI = 0;
            float innerII = 0;
            float totalO1 = 0;
            float totalO2 = 0;
            float totalI = 0;
            float totalII = 0;
            for (int x = 0; x < SIZE; x++) {
                int p = y * SIZE + x;
                float r = planes.red[p] * (1f / 255f);
                float g = planes.green[p] * (1f / 255f);
                float b = planes.blue[p] * (1f / 255f);
                float i = (r + g + b) * (1f / 3f);
                intensity[p] = i;
                float o1 = r - g;
                float o2 = (r + g) * 0.5f - b;
                float ii = i * i;
                float w = INNER_WEIGHT[x];
                innerO1 += w * o1;
                innerO2 += w * o2;
                innerI += w * i;
                innerII += w * ii;
                totalO1 += o1;
                totalO2 += o2;
                totalI += i;
                totalII += ii;
                hueAndGrey(r, g, b, i, out);
            }
            inner[0] = innerO1;
            inner[1] = innerO2;
            inner[2] = innerI;
            inner[3] = innerII;
            outer[0] = totalO1 - innerO1;
            outer[1] = totalO2 - innerO2;
            outer[2] = totalI - innerI;
            outer[3] = totalII - innerII;
            int cell = ROW_LOW[y] * FOLDED_COLUMNS;
            float rowWeight = ROW_LOW_WEIGHT[y];
            spread(sums, 4 * cell, inner, rowWeight);
            spread(sums, 4 * (cell + 1), outer, rowWeight);
            spread(sums, 4 * (cell + FOLDED_COLUMNS), inner, 1f - rowWeight);
            spread(sums, 4 * (cell + FOLDED_COLUMNS + 1), outer, 1f - rowWeight);
        }
        float[] global = new float[4];
        for (int c = 0; c < CELLS; c++) {
            for (int k = 0; k < 4; k++) {
                global[k] += sums[4 * c + k];
            }
        }
        float pixels = SIZE * SIZE;
        float globalMean = global[2] / pixels;
        out[GLOBAL_AT] = global[0] / pixels;
        out[GLOBAL_AT + 1] = global[1] / pixels;
        out[GLOBAL_AT + 2] = globalMean - 0.5f;
        out[GLOBAL_AT + 3] = (float) Math.sqrt(Math.max(0f, global[3] / pixels - globalMean * globalMean)) - 0.15f;
        for (int c = 0; c < CELLS; c++) {
            float weight = CELL_WEIGHT[c];
            float mean = sums[4 * c + 2] / weight;
            float variance = sums[4 * c + 3] / weight - mean * mean;
            out[4 * c] = sums[4 * c] / weight;
            out[4 * c + 1] = sums[4 * c + 1] / weight;
            out[4 * c + 2] = mean;
            out[4 * c + 3] = (float) Math.sqrt(Math.max(0f, variance));
        }
    }

    /** Adds {@code weight * values} to {@code target[at ...]}. */
    private static void spread(float[] target, int at, float[] values, float weight) {
        for (int k = 0; k < values.length; k++) {
            target[at + k] += weight * values[k];
        }
    }

    /** Adds one pixel to the hue histogram (weight: saturation) and the grey histogram (weight: 1 - saturation). */
    private static void hueAndGrey(float r, float g, float b, float i, float[] out) {
        float max = Math.max(r, Math.max(g, b));
        float min = Math.min(r, Math.min(g, b));
        float chroma = max - min;
        float saturation = max > 0 ? chroma / max : 0f;
        if (chroma > 0) {
            float hue; // in sixths of the circle, [0, 6)
            if (max == r) {
                hue = (g - b) / chroma;
                if (hue < 0) {
                    hue += 6f;
                }
            } else if (max == g) {
                hue = (b - r) / chroma + 2f;
            } else {
                hue = (r - g) / chroma + 4f;
            }
            float position = hue * (HUE_BINS / 6f);
            int low = (int) position;
            float high = position - low;
            out[COLOUR_AT + low % HUE_BINS] += saturation * (1f - high);
            out[COLOUR_AT + (low + 1) % HUE_BINS] += saturation * high;
        }
        float grey = 1f - saturation;
        float position = Math.min(i * (GREY_BINS - 1), GREY_BINS - 1 - 1e-6f);
        int low = (int) position;
        float high = position - low;
        out[COLOUR_AT + HUE_BINS + low] += grey * (1f - high);
        out[COLOUR_AT + HUE_BINS + low + 1] += grey * high;
    }

    /** Magnitude-weighted histograms of folded gradient orientation per cell (central differences). */
    private static void orientationHistograms(float[] intensity, float[] out) {
        float binsPerRadian = (ORIENTATION_BINS - 1) / (float) (Math.PI / 2);
        float[] inner = new float[ORIENTATION_BINS];
        float[] total = new float[ORIENTATION_BINS];
        float[] outer = new float[ORIENTATION_BINS];
        for (int y = 1; y < SIZE - 1; y++) {
            Arrays.fill(inner, 0f);
            Arrays.fill(total, 0f);
            for (int x = 1; x < SIZE - 1; x++) {
                int p = y * SIZE + x;
                float gx = Math.abs(intensity[p + 1] - intensity[p - 1]);
                float gy = Math.abs(intensity[p + SIZE] - intensity[p - SIZE]);
                float magnitude = (float) Math.sqrt(gx * gx + gy * gy);
                if (magnitude == 0f) {
                    continue;
                }
                // The angle of (|gx|, |gy|) folds theta with pi - theta (mirror) and with -theta (unsigned).
                float position = Math.min(firstQuadrantAngle(gx, gy) * binsPerRadian, ORIENTATION_BINS - 1 - 1e-6f);
                int low = (int) position;
                float lowShare = magnitude * (1f - (position - low));
                float highShare = magnitude - lowShare;
                float w = INNER_WEIGHT[x];
                inner[low] += w * lowShare;
                inner[low + 1] += w * highShare;
                total[low] += lowShare;
                total[low + 1] += highShare;
            }
            for (int k = 0; k < ORIENTATION_BINS; k++) {
                outer[k] = total[k] - inner[k];
            }
            int cell = ROW_LOW[y] * FOLDED_COLUMNS;
            float rowWeight = ROW_LOW_WEIGHT[y];
            spread(out, EDGE_AT + cell * ORIENTATION_BINS, inner, rowWeight);
            spread(out, EDGE_AT + (cell + 1) * ORIENTATION_BINS, outer, rowWeight);
            spread(out, EDGE_AT + (cell + FOLDED_COLUMNS) * ORIENTATION_BINS, inner, 1f - rowWeight);
            spread(out, EDGE_AT + (cell + FOLDED_COLUMNS + 1) * ORIENTATION_BINS, outer, 1f - rowWeight);
        }
    }

    /**
     * atan2(y, x) for x, y >= 0 (not both 0), in [0, pi/2], by a polynomial accurate to about
     * 0.002 radians: far finer than the 22.5-degree bins, and much cheaper than Math.atan2.
     */
    static float firstQuadrantAngle(float x, float y) {
        boolean steep = y > x;
        float t = steep ? x / y : y / x;
        float angle = (float) (Math.PI / 4) * t - t * (t - 1f) * (0.2447f + 0.0663f * t);
        return steep ? (float) (Math.PI / 2) - angle : angle;
    }

    /** Layout block: centred on mid-grey with typical spread, then scaled to its weight. */
    private static void finishLayout(float[] out) {
        for (int c = 0; c < CELLS; c++) {
            out[4 * c + 2] -= 0.5f;
            out[4 * c + 3] -= 0.15f;
        }
        Vectors.normalizeRange(out, 0, LAYOUT_FEATURES, LAYOUT_WEIGHT);
    }

    /** Square root of a histogram normalised to sum 1 (in place). */
    private static void powerNormalize(float[] v, int from, int to) {
        double sum = 0;
        for (int k = from; k < to; k++) {
            sum += v[k];
        }
        if (sum <= 0) {
            return;
        }
        for (int k = from; k < to; k++) {
            v[k] = (float) Math.sqrt(v[k] / sum);
        }
    }

    /** Power-normalises, centres and scales a histogram block to its weight. */
    private static void finishHistogram(float[] v, int from, int to, float weight) {
        powerNormalize(v, from, to);
        float mean = 0;
        for (int k = from; k < to; k++) {
            mean += v[k];
        }
        mean /= to - from;
        for (int k = from; k < to; k++) {
            v[k] -= mean;
        }
        Vectors.normalizeRange(v, from, to, weight);
    }
}
