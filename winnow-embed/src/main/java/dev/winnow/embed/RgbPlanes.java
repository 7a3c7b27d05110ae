package dev.winnow.embed;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * An image resampled to a fixed square size as three float planes (red, green, blue, 0–255,
 * row-major), the common input of the built-in descriptor and the ONNX preprocessing.
 *
 * <p>Resampling is exact area averaging, done separably: each target pixel is the mean of the
 * source area it covers, with partly covered source pixels weighted by the covered fraction. This
 * anti-aliases when shrinking (every source pixel counts once, cost O(w·h)), is a plain copy at
 * the same size, and behaves like nearest-neighbour with blended seams when enlarging. A uniform
 * image therefore resamples to exactly its colour.
 */
final class RgbPlanes {

    /** Each thread's buffer for the horizontal pass, grown to the largest image it has resampled. */
    private static final int SCRATCH_LIMIT = 1 << 20; // values: 4 MiB; a larger image gets a buffer of its own

    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

    final int size;
    final float[] red;
    final float[] green;
    final float[] blue;

    private RgbPlanes(int size) {
        this.size = size;
        this.red = new float[size * size];
        this.green = new float[size * size];
        this.blue = new float[size * size];
    }

    /** Resamples {@code image} (any type, with or without alpha, which is ignored) to {@code size x size}. */
    static RgbPlanes resample(BufferedImage image, int size) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (width == size && height == size) {
            return copy(image, size);
        }
        AxisWeights horizontal = new AxisWeights(width, size);
        AxisWeights vertical = new AxisWeights(height, size);
        // Horizontal pass: every source row to `size` columns, one plane per channel, so that the
        // vertical pass runs along contiguous rows. The scratch is this thread's, and every value
        // in it that the vertical pass reads is written here first.
        int plane = height * size;
        float[] rows = SCRATCH.get();
        if (rows.length < 3 * plane) {
            rows = new float[3 * plane];
            if (rows.length <= SCRATCH_LIMIT) {
                SCRATCH.set(rows);
            }
        }
        int[] packed = new int[width];
        for (int y = 0; y < height; y++) {
            readRow(image, y, packed);
            int base = y * size;
            for (int t = 0; t < size; t++) {
                float r = 0;
                float g = 0;
                float b = 0;
                for (int k = horizontal.start[t], end = horizontal.start[t + 1]; k < end; k++) {
                    int rgb = packed[horizontal.index[k]];
                    float w = horizontal.weight[k];
                    r += w * ((rgb >>> 16) & 0xFF);
                    g += w * ((rgb >>> 8) & 0xFF);
                    b += w * (rgb & 0xFF);
                }
                rows[base + t] = r;
                rows[plane + base + t] = g;
                rows[2 * plane + base + t] = b;
            }
        }
        RgbPlanes planes = new RgbPlanes(size);
        for (int ty = 0; ty < size; ty++) {
            int out = ty * size;
            for (int k = vertical.start[ty], end = vertical.start[ty + 1]; k < end; k++) {
                int base = vertical.index[k] * size;
                float w = vertical.weight[k];
                addScaled(planes.red, out, rows, base, w, size);
                addScaled(planes.green, out, rows, plane + base, w, size);
                addScaled(planes.blue, out, rows, 2 * plane + base, w, size);
            }
        }
        return planes;
    }

    /** {@code target[at + t] += w * source[from + t]} for t below {@code length}: one contiguous, vectorisable loop. */
    private static void addScaled(float[] target, int at, float[] source, int from, float w, int length) {
        for (int t = 0; t < length; t++) {
            target[at + t] += w * source[from + t];
        }
    }

    /** An image already at the wanted size: its pixels unpacked as they are. */
    private static RgbPlanes copy(BufferedImage image, int size) {
        RgbPlanes planes = new RgbPlanes(size);
        int[] packed = new int[size];
        for (int y = 0; y < size; y++) {
            readRow(image, y, packed);
            for (int x = 0; x < size; x++) {
                int rgb = packed[x];
                planes.red[y * size + x] = (rgb >>> 16) & 0xFF;
                planes.green[y * size + x] = (rgb >>> 8) & 0xFF;
                planes.blue[y * size + x] = rgb & 0xFF;
            }
        }
        return planes;
    }

    /** One row as packed 0xRRGGBB values, reading the raster directly for the usual packed types. */
    private static void readRow(BufferedImage image, int y, int[] packed) {
        int width = packed.length;
        switch (image.getType()) {
            case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB ->
                image.getRaster().getDataElements(0, y, width, 1, packed);
            case BufferedImage.TYPE_3BYTE_BGR -> {
                // The decoders' usual colour type: its bytes as they are, as getRGB gives them, without a
                // colour-model call per pixel.
                byte[] bytes = new byte[3 * width];
                image.getRaster().getDataElements(0, y, width, 1, bytes); // red, green, blue: band order
                for (int x = 0, i = 0; x < width; x++, i += 3) {
                    packed[x] = (bytes[i] & 0xFF) << 16 | (bytes[i + 1] & 0xFF) << 8 | (bytes[i + 2] & 0xFF);
                }
            }
            case BufferedImage.TYPE_BYTE_GRAY -> {
                // getRGB would pass gray through a linear-to-sRGB conversion; the stored value is what users mean.
                Raster raster = image.getRaster();
                raster.getSamples(0, y, width, 1, 0, packed);
                for (int x = 0; x < width; x++) {
                    int v = packed[x];
                    packed[x] = (v << 16) | (v << 8) | v;
                }
            }
            default -> image.getRGB(0, y, width, 1, packed, 0, width);
        }
    }

    /** Which source pixels, with which weights, make up each target pixel along one axis. */
    private static final class AxisWeights {
        final int[] start;
        final int[] index;
        final float[] weight;

        AxisWeights(int source, int target) {
            start = new int[target + 1];
            int capacity = source + 2 * target;
            index = new int[capacity];
            weight = new float[capacity];
            int k = 0;
            double scale = (double) source / target;
            for (int t = 0; t < target; t++) {
                start[t] = k;
                double from = t * scale;
                double to = (t + 1) * scale;
                int first = (int) Math.floor(from);
                int last = Math.min(source - 1, (int) Math.ceil(to) - 1);
                for (int s = first; s <= last; s++) {
                    double covered = Math.min(to, s + 1) - Math.max(from, s);
                    if (covered > 0) {
                        index[k] = s;
                        weight[k] = (float) (covered / scale);
                        k++;
                    }
                }
            }
            start[target] = k;
        }
    }
}
