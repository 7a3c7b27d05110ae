package dev.winnow.format;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A binary mask in the format's run-length encoding: row-major counts of alternating runs of 0s
 * and 1s, starting with the number of leading 0s (which may be 0). Immutable; the counts are
 * copied in and out.
 */
public final class RleMask {
    private final int[] counts;

    private RleMask(int[] counts) {
        this.counts = counts;
    }

    public static RleMask of(int... counts) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException(
                        "Run " + i + " of the mask is " + counts[i] + "; runs must be 0 or more.");
            }
        }
        return new RleMask(counts.clone());
    }

    /** Encodes a row-major mask ({@code mask[y * width + x]}, non-zero = set). */
    public static RleMask encode(boolean[] mask) {
        int[] runs = new int[16];
        int n = 0;
        boolean current = false;
        int run = 0;
        for (boolean pixel : mask) {
            if (pixel != current) {
                if (n == runs.length) {
                    runs = Arrays.copyOf(runs, n * 2);
                }
                runs[n++] = run;
                current = pixel;
                run = 0;
            }
            run++;
        }
        if (n + 1 > runs.length) {
            runs = Arrays.copyOf(runs, n + 1);
        }
        runs[n++] = run;
        return new RleMask(Arrays.copyOf(runs, n));
    }

    /** Decodes into a row-major mask of {@code pixelCount} pixels; fails if the runs do not sum to it. */
    public boolean[] decode(int pixelCount) {
        long total = pixelCount();
        if (total != pixelCount) {
            throw new IllegalArgumentException(
                    "The mask's runs sum to " + total + " pixels, but the image has " + pixelCount + ".");
        }
        boolean[] mask = new boolean[pixelCount];
        int pos = 0;
        for (int i = 0; i < counts.length; i++) {
            if ((i & 1) == 1) {
                Arrays.fill(mask, pos, pos + counts[i], true);
            }
            pos += counts[i];
        }
        return mask;
    }

    public int runCount() {
        return counts.length;
    }

    public int run(int i) {
        return counts[i];
    }

    public int[] counts() {
        return counts.clone();
    }

    /** Sum of all runs: the number of pixels the mask covers, set or not. */
    public long pixelCount() {
        long total = 0;
        for (int c : counts) {
            total += c;
        }
        return total;
    }

    /** Number of set pixels. */
    public long area() {
        long area = 0;
        for (int i = 1; i < counts.length; i += 2) {
            area += counts[i];
        }
        return area;
    }

    /**
     * The tightest box around the set pixels of a mask {@code width} pixels wide, as
     * {@code [x, y, w, h]} in whole pixels; null when no pixel is set.
     */
    public @Nullable BoundingBox boundingBox(int width) {
        long pos = 0;
        long minX = Long.MAX_VALUE;
        long minY = Long.MAX_VALUE;
        long maxX = -1;
        long maxY = -1;
        for (int i = 0; i < counts.length; i++) {
            long start = pos;
            pos += counts[i];
            if ((i & 1) == 0 || counts[i] == 0) {
                continue;
            }
            long end = pos - 1;
            long y0 = start / width;
            long y1 = end / width;
            minY = Math.min(minY, y0);
            maxY = Math.max(maxY, y1);
            if (y0 == y1) {
                minX = Math.min(minX, start % width);
                maxX = Math.max(maxX, end % width);
            } else {
                // A run that wraps a row ends its first row at the last column and starts the next at 0.
                minX = 0;
                maxX = width - 1L;
            }
        }
        if (maxY < 0) {
            return null;
        }
        return new BoundingBox(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RleMask m && Arrays.equals(counts, m.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "RleMask" + Arrays.toString(counts);
    }
}
