package dev.winnow.format.rle;

import dev.winnow.format.RleMask;
import java.util.Arrays;

/**
 * Collects pixels in scan order as alternating runs of 0s and 1s, the first run being 0s (possibly
 * empty). Adjacent additions of the same value merge into one run.
 */
final class RunBuilder {
    private int[] runs = new int[16];
    private int size;
    private boolean current;
    private long pending;

    /** Adds {@code length} pixels of {@code value}. */
    void add(boolean value, long length) {
        if (length <= 0) {
            return;
        }
        if (value != current) {
            push();
            current = value;
            pending = 0;
        }
        pending += length;
    }

    private void push() {
        if (pending > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("A run of " + pending + " pixels is longer than a mask can hold.");
        }
        if (size == runs.length) {
            runs = Arrays.copyOf(runs, size * 2);
        }
        runs[size++] = (int) pending;
    }

    /** The runs collected; call once, at the end. */
    int[] toCounts() {
        push();
        pending = 0;
        return Arrays.copyOf(runs, size);
    }

    RleMask toMask() {
        return RleMask.of(toCounts());
    }
}
