package dev.winnow.report;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/*
 * Principal component analysis to two dimensions, for the report's scatter plot.
 *
 * The d x d covariance matrix is accumulated in one pass over the rows (parallel over chunks of
 * rows, each with its own partial matrix, so O(N d^2) work and O(d^2) memory per chunk, never
 * N x N). The first two eigenvectors come from power iteration with deflation, started from a
 * fixed pseudo-random vector so the result does not depend on anything but the data. Each axis is
 * oriented so that its largest-magnitude component is positive, which makes the plot identical
 * from run to run.
 */

/**
 * Projects embeddings onto their two principal axes, giving the x and y coordinates of a 2-D
 * scatter plot in which the spread of the data is as large as possible.
 *
 * <pre>{@code
 * Projection2d.Result plot = Projection2d.of(embeddings);   // float[N][d]
 * double x = plot.x()[i], y = plot.y()[i];
 * }</pre>
 *
 * <p>Stateless and thread-safe. Rows must all have the same length; with fewer than two distinct
 * rows every coordinate is 0.
 */
public final class Projection2d {

    private static final int MAX_ITERATIONS = 1000;
    private static final double TOLERANCE = 1e-12;
    private static final int CHUNK = 4096;

    private Projection2d() {}

    /**
     * The projection of {@code rows} onto their first two principal axes.
     *
     * @param x      the coordinate along the first axis, per row
     * @param y      the coordinate along the second axis, per row
     * @param axis1  the first principal axis (unit length, or zeros when there is no spread)
     * @param axis2  the second principal axis, orthogonal to the first
     * @param variance1 the variance of the data along the first axis
     * @param variance2 the variance along the second axis
     */
    public record Result(double[] x, double[] y, double[] axis1, double[] axis2, double variance1, double variance2) {}

    /** Projects the rows of an N x d matrix. */
    public static Result of(float[][] rows) {
        Objects.requireNonNull(rows, "rows");
        int n = rows.length;
        int d = n == 0 ? 0 : rows[0].length;
        for (int i = 0; i < n; i++) {
            if (rows[i] == null || rows[i].length != d) {
                throw new IllegalArgumentException(
                        "Row " + i + " has " + (rows[i] == null ? "no values" : rows[i].length + " values")
                                + "; expected " + d + " like row 0.");
            }
        }
        double[] mean = new double[d];
        for (float[] row : rows) {
            for (int k = 0; k < d; k++) {
                mean[k] += row[k];
            }
        }
        for (int k = 0; k < d; k++) {
            mean[k] /= Math.max(1, n);
        }
        double[] covariance = covariance(rows, mean, d);
        double[] axis1 = principalAxis(covariance, d, new double[d]);
        double variance1 = rayleigh(covariance, axis1, d);
        double[] deflated = covariance.clone();
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                deflated[a * d + b] -= variance1 * axis1[a] * axis1[b];
            }
        }
        double[] axis2 = principalAxis(deflated, d, axis1);
        double variance2 = rayleigh(covariance, axis2, d);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double px = 0;
            double py = 0;
            for (int k = 0; k < d; k++) {
                double centred = rows[i][k] - mean[k];
                px += centred * axis1[k];
                py += centred * axis2[k];
            }
            x[i] = px;
            y[i] = py;
        }
        return new Result(x, y, axis1, axis2, variance1, variance2);
    }

    /** The population covariance matrix, row-major d x d. */
    private static double[] covariance(float[][] rows, double[] mean, int d) {
        int n = rows.length;
        int chunks = (n + CHUNK - 1) / CHUNK;
        double[] total = IntStream.range(0, chunks)
                .parallel()
                .mapToObj(c -> {
                    double[] partial = new double[d * d];
                    double[] centred = new double[d];
                    for (int i = c * CHUNK, end = Math.min(n, i + CHUNK); i < end; i++) {
                        for (int k = 0; k < d; k++) {
                            centred[k] = rows[i][k] - mean[k];
                        }
                        for (int a = 0; a < d; a++) {
                            double ca = centred[a];
                            int base = a * d;
                            for (int b = a; b < d; b++) {
                                partial[base + b] += ca * centred[b];
                            }
                        }
                    }
                    return partial;
                })
                .reduce(new double[d * d], Projection2d::sum);
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                double value = total[a * d + b] / Math.max(1, n);
                total[a * d + b] = value;
                total[b * d + a] = value;
            }
        }
        return total;
    }

    private static double[] sum(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }

    /**
     * The dominant eigenvector of a symmetric positive semi-definite matrix by power iteration,
     * kept orthogonal to {@code orthogonalTo}; zeros when the matrix has no spread left.
     */
    private static double[] principalAxis(double[] matrix, int d, double[] orthogonalTo) {
        double[] v = new double[d];
        SplittableRandom random = new SplittableRandom(0x2D2DL);
        for (int k = 0; k < d; k++) {
            v[k] = random.nextDouble() - 0.5;
        }
        double scale = 0;
        for (double m : matrix) {
            scale = Math.max(scale, Math.abs(m));
        }
        if (d == 0 || scale == 0 || !orthogonalize(v, orthogonalTo)) {
            return new double[d];
        }
        double[] next = new double[d];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            for (int a = 0; a < d; a++) {
                double s = 0;
                int base = a * d;
                for (int b = 0; b < d; b++) {
                    s += matrix[base + b] * v[b];
                }
                next[a] = s;
            }
            if (norm(next) <= scale * 1e-12 || !orthogonalize(next, orthogonalTo)) {
                return new double[d]; // no variance left in the directions still allowed
            }
            double change = 0;
            for (int k = 0; k < d; k++) {
                change = Math.max(change, Math.abs(next[k] - v[k]));
            }
            double[] swap = v;
            v = next;
            next = swap;
            if (change < TOLERANCE) {
                break;
            }
        }
        orient(v);
        return v;
    }

    /** Removes the component along {@code axis} and scales to unit length; false when nothing is left. */
    private static boolean orthogonalize(double[] v, double[] axis) {
        double dot = 0;
        for (int k = 0; k < v.length; k++) {
            dot += v[k] * axis[k];
        }
        for (int k = 0; k < v.length; k++) {
            v[k] -= dot * axis[k];
        }
        double length = norm(v);
        if (length == 0 || !Double.isFinite(length)) {
            return false;
        }
        for (int k = 0; k < v.length; k++) {
            v[k] /= length;
        }
        return true;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** Flips the axis so that its component of largest magnitude (the first such) is positive. */
    private static void orient(double[] v) {
        int largest = 0;
        for (int k = 1; k < v.length; k++) {
            if (Math.abs(v[k]) > Math.abs(v[largest])) {
                largest = k;
            }
        }
        if (v.length > 0 && v[largest] < 0) {
            for (int k = 0; k < v.length; k++) {
                v[k] = -v[k];
            }
        }
    }

    private static double rayleigh(double[] matrix, double[] v, int d) {
        double s = 0;
        for (int a = 0; a < d; a++) {
            double row = 0;
            for (int b = 0; b < d; b++) {
                row += matrix[a * d + b] * v[b];
            }
            s += v[a] * row;
        }
        return s;
    }
}
