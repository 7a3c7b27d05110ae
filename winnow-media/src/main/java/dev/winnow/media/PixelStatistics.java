package dev.winnow.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.math.BigInteger;

/**
 * One pass over an RGB image's pixels computing the sums behind {@link ImageMetadata}. Grey values
 * are kept as exact integers {@code 299·R + 587·G + 114·B} (grey x 1000) and so is the Laplacian of
 * them; sums of squares go per row into a long and per image into a BigInteger. Every variance is
 * thus computed exactly as {@code (n·Σv² − (Σv)²) / n²} before the final division: a flat image has
 * a variance of exactly 0, not a rounding residue that would make its SNR huge. The Laplacian needs
 * three rows of grey values, held in a rolling buffer: memory is O(width).
 */
final class PixelStatistics {
    private static final double GREY_SCALE = 1000.0;

    private final long pixels;
    private final long sumRed;
    private final long sumGreen;
    private final long sumBlue;
    private final Moments grey;
    private final Moments laplacian;

    private PixelStatistics(long pixels, long sumRed, long sumGreen, long sumBlue, Moments grey, Moments laplacian) {
        this.pixels = pixels;
        this.sumRed = sumRed;
        this.sumGreen = sumGreen;
        this.sumBlue = sumBlue;
        this.grey = grey;
        this.laplacian = laplacian;
    }

    /** Count, sum and sum of squares of integer values; exact. */
    private static final class Moments {
        long count;
        long sum;
        BigInteger sumOfSquares = BigInteger.ZERO;

        void addRow(long rowCount, long rowSum, long rowSumOfSquares) {
            count += rowCount;
            sum += rowSum;
            sumOfSquares = sumOfSquares.add(BigInteger.valueOf(rowSumOfSquares));
        }

        double mean() {
            return count == 0 ? 0 : (double) sum / count;
        }

        double variance() {
            if (count == 0) {
                return 0;
            }
            BigInteger n = BigInteger.valueOf(count);
            BigInteger s = BigInteger.valueOf(sum);
            BigInteger numerator = n.multiply(sumOfSquares).subtract(s.multiply(s));
            return numerator.doubleValue() / ((double) count * count);
        }
    }

    static PixelStatistics of(BufferedImage image) {
        BufferedImage rgb = RgbImages.toIntRgb(image);
        int width = rgb.getWidth();
        int height = rgb.getHeight();
        int[] data = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
        long red = 0;
        long green = 0;
        long blue = 0;
        Moments grey = new Moments();
        Moments laplacian = new Moments();
        int[][] rows = new int[3][width]; // grey x 1000 of the last three rows, rolling
        for (int y = 0; y < height; y++) {
            int[] row = rows[y % 3];
            int offset = y * width;
            long rowSum = 0;
            long rowSquares = 0;
            for (int x = 0; x < width; x++) {
                int p = data[offset + x];
                int r = (p >>> 16) & 0xFF;
                int g = (p >>> 8) & 0xFF;
                int b = p & 0xFF;
                red += r;
                green += g;
                blue += b;
                int v = 299 * r + 587 * g + 114 * b;
                row[x] = v;
                rowSum += v;
                rowSquares += (long) v * v;
            }
            grey.addRow(width, rowSum, rowSquares);
            if (y >= 2 && width >= 3) {
                int[] above = rows[(y - 2) % 3];
                int[] middle = rows[(y - 1) % 3];
                long lapSum = 0;
                long lapSquares = 0;
                for (int x = 1; x < width - 1; x++) {
                    long lap = (long) above[x] + row[x] + middle[x - 1] + middle[x + 1] - 4L * middle[x];
                    lapSum += lap;
                    lapSquares += lap * lap;
                }
                laplacian.addRow(width - 2, lapSum, lapSquares);
            }
        }
        return new PixelStatistics((long) width * height, red, green, blue, grey, laplacian);
    }

    ImageMetadata toMetadata(ImageSize original, long sizeInBytes) {
        double n = pixels;
        double meanGrey = grey.mean() / GREY_SCALE;
        double stdGrey = Math.sqrt(grey.variance()) / GREY_SCALE;
        double snr = stdGrey == 0 ? 0 : meanGrey / stdGrey;
        double sharpness = laplacian.variance() / (GREY_SCALE * GREY_SCALE);
        return new ImageMetadata(
                original.width(),
                original.height(),
                sizeInBytes,
                sharpness,
                snr,
                sumRed / 255.0 / n,
                sumGreen / 255.0 / n,
                sumBlue / 255.0 / n,
                stdGrey / 255.0);
    }
}
