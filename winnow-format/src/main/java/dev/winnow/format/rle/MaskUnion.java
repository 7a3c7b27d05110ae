package dev.winnow.format.rle;

import dev.winnow.format.RleMask;
import java.util.Arrays;
import java.util.List;

/**
 * The union of row-major masks of one image, computed on runs: the set runs of all masks are
 * sorted by start and merged, so the cost is O(runs log runs) whatever the image's size.
 */
public final class MaskUnion {
    private MaskUnion() {}

    /** Pixels set in any of {@code masks}, which must all cover {@code pixelCount} pixels. */
    public static RleMask of(List<RleMask> masks, long pixelCount) {
        int total = 0;
        for (RleMask m : masks) {
            if (m.pixelCount() != pixelCount) {
                throw new IllegalArgumentException(
                        "The mask's runs sum to " + m.pixelCount() + " pixels, but the image has " + pixelCount + ".");
            }
            total += m.runCount() / 2;
        }
        long[] starts = new long[total];
        long[] ends = new long[total];
        int n = 0;
        for (RleMask m : masks) {
            long pos = 0;
            for (int i = 0; i < m.runCount(); i++) {
                long start = pos;
                pos += m.run(i);
                if ((i & 1) == 1 && m.run(i) > 0) {
                    starts[n] = start;
                    ends[n] = pos;
                    n++;
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(starts[a], starts[b]));
        RunBuilder out = new RunBuilder();
        long written = 0;
        long openStart = -1;
        long openEnd = -1;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (openStart >= 0 && starts[i] <= openEnd) {
                openEnd = Math.max(openEnd, ends[i]);
                continue;
            }
            if (openStart >= 0) {
                out.add(false, openStart - written);
                out.add(true, openEnd - openStart);
                written = openEnd;
            }
            openStart = starts[i];
            openEnd = ends[i];
        }
        if (openStart >= 0) {
            out.add(false, openStart - written);
            out.add(true, openEnd - openStart);
            written = openEnd;
        }
        out.add(false, pixelCount - written);
        return out.toMask();
    }
}
