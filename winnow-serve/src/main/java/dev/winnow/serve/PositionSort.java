package dev.winnow.serve;

/**
 * A stable merge sort of sample positions under a comparison of two positions, on plain
 * {@code int} arrays: sorting a million samples boxes no {@link Integer}. Positions that compare
 * equal keep their order, so starting from 0, 1, 2, ... breaks ties by position.
 */
final class PositionSort {
    /** Compares two sample positions. */
    @FunctionalInterface
    interface Comparison {
        int compare(int a, int b);
    }

    private static final int INSERTION_RUN = 32;

    private PositionSort() {}

    /** The positions 0 to {@code n - 1}, ordered by {@code comparison}, ties by position. */
    static int[] sorted(int n, Comparison comparison) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] scratch = new int[n];
        for (int from = 0; from < n; from += INSERTION_RUN) {
            insertionSort(order, from, Math.min(n, from + INSERTION_RUN), comparison);
        }
        int[] source = order;
        int[] target = scratch;
        for (int width = INSERTION_RUN; width < n; width *= 2) {
            for (int from = 0; from < n; from += 2 * width) {
                int middle = Math.min(n, from + width);
                int end = Math.min(n, from + 2 * width);
                merge(source, target, from, middle, end, comparison);
            }
            int[] swap = source;
            source = target;
            target = swap;
        }
        return source;
    }

    private static void insertionSort(int[] a, int from, int end, Comparison comparison) {
        for (int i = from + 1; i < end; i++) {
            int value = a[i];
            int j = i - 1;
            while (j >= from && comparison.compare(a[j], value) > 0) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = value;
        }
    }

    private static void merge(int[] source, int[] target, int from, int middle, int end, Comparison comparison) {
        int left = from;
        int right = middle;
        int out = from;
        while (left < middle && right < end) {
            // Taking the left one on a tie keeps the sort stable.
            target[out++] = comparison.compare(source[right], source[left]) < 0 ? source[right++] : source[left++];
        }
        while (left < middle) {
            target[out++] = source[left++];
        }
        while (right < end) {
            target[out++] = source[right++];
        }
    }
}
