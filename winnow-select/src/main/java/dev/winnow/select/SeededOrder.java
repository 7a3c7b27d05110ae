package dev.winnow.select;

import java.util.SplittableRandom;

/** A seeded random order of candidates, used to break ties: lower rank wins. */
final class SeededOrder {

    private SeededOrder() {}

    /** {@code rank[i]} = position of candidate i in a seeded random permutation of {@code 0..n-1}. */
    static int[] ranks(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] rank = new int[n];
        for (int k = 0; k < n; k++) {
            rank[order[k]] = k;
        }
        return rank;
    }
}
