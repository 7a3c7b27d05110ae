package dev.winnow.select;

import java.util.List;

/**
 * Where round one of two-round k-center runs: farthest-first in each part on its own, a cluster's
 * executors say (one task per part), or this machine's threads. Each part's answer must be
 * {@link TwoRoundKCenter#partCentres}, so that where it runs never changes the picks.
 */
public interface KCenterRoundOne {
    /**
     * For each part, in part order, the indices within the part of its up to {@code picks} centres,
     * as {@link TwoRoundKCenter#partCentres} gives them.
     */
    int[][] centres(List<EmbeddingMatrix> parts, int picks, EmbeddingMatrix earlier, long seed);
}
