package dev.winnow.select;

import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * A seeded random order of candidates, used to break ties: lower rank wins. The order is a
 * Fisher–Yates shuffle of {@code 0..n-1} drawn from {@link SplittableRandom}; {@link #ranks} gives
 * every candidate's position in it. An instance answers the two questions farthest-first asks
 * without the whole permutation where it can: the first candidate (the pick when nothing is
 * selected yet) is traced back through the shuffle's draws in one sequential pass, and the ranks,
 * two random scatters over N entries, are made only when a tie between candidates first needs them.
 */
final class SeededOrder {

    private final int size;
    private final long seed;
    private int @Nullable [] rank;

    private SeededOrder(int size, long seed, int @Nullable [] rank) {
        this.size = size;
        this.seed = seed;
        this.rank = rank;
    }

    /** The order of {@code n} candidates for {@code seed}, made lazily. */
    static SeededOrder of(int n, long seed) {
        return new SeededOrder(n, seed, null);
    }

    /** An order given by its ranks ({@code rank[i]} = position of candidate i; equal ranks keep the lower index). */
    static SeededOrder ofRanks(int[] rank) {
        return new SeededOrder(rank.length, 0, rank);
    }

    /** Whether candidate {@code i} comes strictly before candidate {@code j}. */
    boolean before(int i, int j) {
        int[] r = ranks();
        return r[i] < r[j];
    }

    /** The candidate at position 0, or −1 when there are none. */
    int first() {
        if (size == 0) {
            return -1;
        }
        if (rank != null) {
            int best = 0;
            for (int i = 1; i < size; i++) {
                if (rank[i] < rank[best]) {
                    best = i;
                }
            }
            return best;
        }
        // Step i of the shuffle swaps positions i and draw[i]. Undoing the steps from the last (i = 1)
        // to the first follows position 0 back to where its candidate started, which is the candidate.
        int[] draw = draws(size, seed);
        int position = 0;
        for (int i = 1; i < size; i++) {
            if (position == i) {
                position = draw[i];
            } else if (position == draw[i]) {
                position = i;
            }
        }
        return position;
    }

    /** Whether the ranks have been made (a tie needed them). */
    boolean ranked() {
        return rank != null;
    }

    private int[] ranks() {
        if (rank == null) {
            rank = ranks(size, seed);
        }
        return rank;
    }

    /** {@code draw[i]} = the position swapped with position i, for i from n − 1 down to 1, in that order. */
    private static int[] draws(int n, long seed) {
        int[] draw = new int[n];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            draw[i] = random.nextInt(i + 1);
        }
        return draw;
    }

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
