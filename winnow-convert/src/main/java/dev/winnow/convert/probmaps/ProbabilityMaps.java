package dev.winnow.convert.probmaps;

import dev.winnow.format.Probabilities;
import dev.winnow.format.RleMask;
import dev.winnow.format.Singleton;
import dev.winnow.format.rle.LabelMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a segmentation model's per-pixel output for one image into the format's singletons: for
 * each class that wins at least one pixel (argmax; on a tie the lowest class index wins), one
 * semantic segment with
 * <ul>
 *   <li>its row-major mask,</li>
 *   <li>{@code score}: the median (default) or mean of that class's probability over its mask — the
 *       median of an even number of values is the mean of the two middle ones,</li>
 *   <li>{@code probabilities}: the mean probability vector over the mask, renormalised to sum to 1
 *       (a float32 map's vectors sum to 1 only up to rounding).</li>
 * </ul>
 * With {@code softmax} the values are logits and each pixel's vector is softmaxed first.
 *
 * <pre>{@code
 * List<Singleton.SemanticSegment> s = ProbabilityMaps.singletons(map, new int[] {0, 1, 2}, Aggregation.MEDIAN, false);
 * }</pre>
 *
 * <p>Cost: one pass over the C×H×W values; memory: an int label and a float of the winning
 * probability per pixel, plus C doubles per class. Stateless and thread-safe.
 */
public final class ProbabilityMaps {
    private ProbabilityMaps() {}

    /** How a class's per-pixel probabilities become its score. */
    public enum Aggregation {
        MEDIAN,
        MEAN
    }

    /** A C×H×W array of per-pixel values, read in whatever layout it is stored. */
    public interface ClassMap {
        int classes();

        int height();

        int width();

        float value(int c, int y, int x);
    }

    /**
     * The singletons of one image; channel {@code c} is category {@code categoryIds[c]}.
     *
     * @throws IllegalArgumentException when a value is NaN or infinite, or (without softmax) outside
     *     [0, 1]; the message names the pixel
     */
    public static List<Singleton.SemanticSegment> singletons(
            ClassMap map, int[] categoryIds, Aggregation aggregation, boolean softmax) {
        int classes = map.classes();
        int h = map.height();
        int w = map.width();
        if (categoryIds.length != classes) {
            throw new IllegalArgumentException(
                    "The map has " + classes + " classes, but " + categoryIds.length + " categories were given.");
        }
        int pixels = h * w;
        int[] labels = new int[pixels];
        float[] winning = new float[pixels];
        double[][] sums = new double[classes][];
        float[] p = new float[classes];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < classes; c++) {
                    float v = map.value(c, y, x);
                    if (!Float.isFinite(v) || (!softmax && (v < 0 || v > 1))) {
                        throw new IllegalArgumentException(
                                "The value of class " + c + " at x=" + x + ", y=" + y + " is " + v
                                        + (softmax
                                                ? "; logits must be finite."
                                                : "; probabilities lie from 0 to 1 (use --softmax for logits)."));
                    }
                    p[c] = v;
                }
                if (softmax) {
                    softmax(p);
                }
                int best = 0;
                for (int c = 1; c < classes; c++) {
                    if (p[c] > p[best]) {
                        best = c;
                    }
                }
                int i = y * w + x;
                labels[i] = best;
                winning[i] = p[best];
                double[] sum = sums[best];
                if (sum == null) {
                    sum = sums[best] = new double[classes];
                }
                for (int c = 0; c < classes; c++) {
                    sum[c] += p[c];
                }
            }
        }
        List<Singleton.SemanticSegment> result = new ArrayList<>();
        for (Map.Entry<Integer, RleMask> e : LabelMap.masks(labels).entrySet()) {
            int c = e.getKey();
            RleMask mask = e.getValue();
            int n = (int) mask.area();
            float[] values = new float[n];
            int k = 0;
            for (int i = 0; i < pixels; i++) {
                if (labels[i] == c) {
                    values[k++] = winning[i];
                }
            }
            double score = aggregation == Aggregation.MEDIAN ? median(values) : mean(values);
            double[] vector = sums[c].clone();
            double total = 0;
            for (double v : vector) {
                total += v;
            }
            for (int j = 0; j < classes; j++) {
                vector[j] /= total;
            }
            result.add(
                    new Singleton.SemanticSegment(categoryIds[c], mask, score, Optional.of(Probabilities.of(vector))));
        }
        return result;
    }

    private static void softmax(float[] p) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : p) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] e = new double[p.length];
        for (int c = 0; c < p.length; c++) {
            e[c] = Math.exp(p[c] - max);
            sum += e[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] = (float) (e[c] / sum);
        }
    }

    static double median(float[] values) {
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : ((double) sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
