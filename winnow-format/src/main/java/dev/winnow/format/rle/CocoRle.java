package dev.winnow.format.rle;

import dev.winnow.format.RleMask;
import java.util.Arrays;

/**
 * A binary mask in COCO's run-length encoding: {@code {"size": [height, width], "counts": ...}},
 * runs taken column by column (pixel {@code (x, y)} at {@code x * height + y}), alternating 0s and
 * 1s and starting with 0s. The counts are written either as a list of numbers or as the compressed
 * string of pycocotools; both read into the same value.
 *
 * <pre>{@code
 * CocoRle coco = CocoRle.fromCompressed(480, 640, "0e0...");
 * RleMask rowMajor = coco.toRowMajor();               // the format's own encoding
 * CocoRle back = CocoRle.fromRowMajor(rowMajor, 480, 640);
 * }</pre>
 *
 * <p>Immutable and thread-safe. Conversion in either direction works on runs, not on pixels (see
 * {@link RunTranspose}).
 */
public final class CocoRle {
    private final int height;
    private final int width;
    private final int[] counts;

    private CocoRle(int height, int width, int[] counts) {
        if (height < 0 || width < 0) {
            throw new IllegalArgumentException(
                    "An RLE size must not be negative, but was [" + height + ", " + width + "].");
        }
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException(
                        "RLE count " + i + " is " + counts[i] + "; counts must be 0 or more.");
            }
            sum += counts[i];
        }
        long pixels = (long) height * width;
        if (sum != pixels) {
            throw new IllegalArgumentException("The RLE counts sum to " + sum + " pixels, but its size [" + height
                    + ", " + width + "] has " + pixels + ".");
        }
        this.height = height;
        this.width = width;
        this.counts = counts;
    }

    /** A mask of the given size from its column-major counts (the uncompressed list form). */
    public static CocoRle of(int height, int width, int... counts) {
        return new CocoRle(height, width, counts.clone());
    }

    /** A mask of the given size from the compressed counts string of pycocotools. */
    public static CocoRle fromCompressed(int height, int width, String compressedCounts) {
        return new CocoRle(height, width, CompressedCounts.decode(compressedCounts));
    }

    /** The COCO form of a row-major mask of {@code height × width} pixels. */
    public static CocoRle fromRowMajor(RleMask mask, int height, int width) {
        long pixels = (long) height * width;
        if (mask.pixelCount() != pixels) {
            throw new IllegalArgumentException("The mask's runs sum to " + mask.pixelCount() + " pixels, but a " + width
                    + "x" + height + " image has " + pixels + ".");
        }
        int[] runs = mask.counts();
        return new CocoRle(height, width, RunTranspose.transpose(runs, height, width));
    }

    /** The same mask in the format's row-major encoding. */
    public RleMask toRowMajor() {
        return RleMask.of(RunTranspose.transpose(counts, width, height));
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** The column-major counts, a copy. */
    public int[] counts() {
        return counts.clone();
    }

    /** The counts as pycocotools' compressed string. */
    public String compressedCounts() {
        return CompressedCounts.encode(counts);
    }

    /** Number of set pixels. */
    public long area() {
        long area = 0;
        for (int i = 1; i < counts.length; i += 2) {
            area += counts[i];
        }
        return area;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CocoRle r && r.height == height && r.width == width && Arrays.equals(r.counts, counts);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * height + width) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "CocoRle[" + height + "x" + width + ", " + Arrays.toString(counts) + "]";
    }
}
