package dev.winnow.format.rle;

import dev.winnow.format.RleMask;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits a label map (one class per pixel, row-major) into one row-major mask per class present.
 *
 * <p>One pass over the pixels finds the runs of equal labels; each run is appended to its class's
 * list of set intervals, and each class's intervals then become its counts. Cost: O(pixels) for
 * the scan plus O(runs) for the masks; no per-class pixel array is ever made.
 *
 * <pre>{@code
 * Map<Integer, RleMask> masks = LabelMap.masks(labels);   // class id -> its mask
 * }</pre>
 */
public final class LabelMap {
    private LabelMap() {}

    /** The mask of every label in {@code labels}, by ascending label. */
    public static Map<Integer, RleMask> masks(int[] labels) {
        TreeMap<Integer, long[]> intervals = new TreeMap<>();
        TreeMap<Integer, Integer> sizes = new TreeMap<>();
        int n = labels.length;
        int start = 0;
        while (start < n) {
            int label = labels[start];
            int end = start + 1;
            while (end < n && labels[end] == label) {
                end++;
            }
            long[] list = intervals.get(label);
            int size = sizes.getOrDefault(label, 0);
            if (list == null) {
                list = new long[8];
            } else if (size == list.length) {
                list = Arrays.copyOf(list, size * 2);
            }
            list[size] = ((long) start << 32) | end;
            intervals.put(label, list);
            sizes.put(label, size + 1);
            start = end;
        }
        Map<Integer, RleMask> masks = new TreeMap<>();
        for (var e : intervals.entrySet()) {
            long[] list = e.getValue();
            int size = sizes.getOrDefault(e.getKey(), 0);
            int[] counts = new int[2 * size + 1];
            int pos = 0;
            int k = 0;
            for (int i = 0; i < size; i++) {
                int s = (int) (list[i] >>> 32);
                int t = (int) list[i];
                counts[k++] = s - pos;
                counts[k++] = t - s;
                pos = t;
            }
            counts[k++] = n - pos;
            masks.put(
                    e.getKey(),
                    RleMask.of(k == counts.length && counts[k - 1] == 0 ? Arrays.copyOf(counts, k - 1) : counts));
        }
        return masks;
    }
}
