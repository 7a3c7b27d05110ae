package dev.winnow.format.rle;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Transposes a run-length encoded grid: runs over {@code lines} lines of {@code lineLength} pixels
 * each (pixel {@code p} of line {@code l} at {@code l * lineLength + p}) become runs over the grid
 * read the other way ({@code p * lines + l}). COCO's column-major masks and the format's row-major
 * masks are transposes of each other in exactly this sense.
 *
 * <p>Algorithm: every run of set pixels is cut at line ends into segments; a segment
 * {@code [p0, p1)} of line {@code l} toggles bit {@code l} on at position {@code p0} and off at
 * {@code p1}. The toggles are bucketed by position (a counting sort), and a sweep over the
 * positions keeps the set of lines that are on in a bit set; the output for position {@code p} is
 * read off that bit set word by word with {@code nextSetBit}/{@code nextClearBit}. Toggling (XOR)
 * rather than setting makes two touching segments cancel correctly. Cost: O(runs + lineLength ×
 * lines / 64), never a pixel-by-pixel pass.
 */
final class RunTranspose {
    private RunTranspose() {}

    static int[] transpose(int[] counts, int lines, int lineLength) {
        long total = (long) lines * lineLength;
        // Pass 1: count the toggles at each position.
        int[] perPosition = new int[lineLength + 1];
        long pos = 0;
        int toggles = 0;
        for (int i = 0; i < counts.length; i++) {
            long start = pos;
            pos += counts[i];
            if ((i & 1) == 1 && counts[i] > 0) {
                toggles += forEachSegment(start, pos, lineLength, (position, line) -> perPosition[position]++);
            }
        }
        if (pos != total) {
            throw new IllegalArgumentException("The runs sum to " + pos + " pixels, but the mask has " + total + ".");
        }
        // Prefix sums turn counts into bucket offsets; pass 2 fills the buckets with line numbers.
        int[] offsets = new int[lineLength + 2];
        for (int p = 0; p <= lineLength; p++) {
            offsets[p + 1] = offsets[p] + perPosition[p];
        }
        int[] fill = Arrays.copyOf(offsets, lineLength + 1);
        int[] linesAt = new int[toggles];
        pos = 0;
        for (int i = 0; i < counts.length; i++) {
            long start = pos;
            pos += counts[i];
            if ((i & 1) == 1 && counts[i] > 0) {
                forEachSegment(start, pos, lineLength, (position, line) -> linesAt[fill[position]++] = line);
            }
        }
        // Sweep positions, reading each transposed line off the set of lines that are on.
        BitSet on = new BitSet(lines);
        RunBuilder out = new RunBuilder();
        for (int p = 0; p < lineLength; p++) {
            for (int k = offsets[p]; k < offsets[p + 1]; k++) {
                on.flip(linesAt[k]);
            }
            int cursor = 0;
            while (cursor < lines) {
                int set = on.nextSetBit(cursor);
                if (set < 0 || set >= lines) {
                    out.add(false, lines - cursor);
                    break;
                }
                out.add(false, set - cursor);
                int clear = Math.min(on.nextClearBit(set), lines);
                out.add(true, clear - set);
                cursor = clear;
            }
        }
        return out.toCounts();
    }

    /** Where a set segment starts or ends: the position on its line, and the line. */
    private interface Toggle {
        void at(int position, int line);
    }

    /**
     * Cuts the set run {@code [start, end)} at line ends and hands both ends of each piece to
     * {@code toggle} (the first pass counts them per position, the second files their lines).
     * Returns the number of toggles.
     */
    private static int forEachSegment(long start, long end, int lineLength, Toggle toggle) {
        int toggles = 0;
        long s = start;
        while (s < end) {
            int line = (int) (s / lineLength);
            long lineStart = (long) line * lineLength;
            long segmentEnd = Math.min(end, lineStart + lineLength);
            int p0 = (int) (s - lineStart);
            int p1 = (int) (segmentEnd - lineStart);
            toggle.at(p0, line);
            toggle.at(p1, line);
            toggles += 2;
            s = segmentEnd;
        }
        return toggles;
    }
}
