package dev.winnow.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Suggests the allowed word a user most likely meant when they typed an unknown one, for "did you
 * mean" hints in configuration errors.
 *
 * <p>The distance is the optimal string alignment form of the Damerau–Levenshtein distance
 * (insertions, deletions, substitutions and swaps of two adjacent characters each cost one),
 * compared without regard to case, so {@code "stratgy"}, {@code "strategyy"} and
 * {@code "STRATEGY"} all suggest {@code "strategy"}. Only candidates within distance 2 are
 * suggested; among equally close ones the first in the given order wins.
 *
 * <pre>{@code
 * DidYouMean.suggest("n_sample", List.of("n_samples", "proportion_samples")) // Optional[n_samples]
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class DidYouMean {

    /** The largest edit distance for which a candidate is still offered. */
    public static final int MAX_DISTANCE = 2;

    private DidYouMean() {}

    /** The closest candidate within {@link #MAX_DISTANCE} edits of {@code given}, if any. */
    public static Optional<String> suggest(String given, Collection<String> candidates) {
        Objects.requireNonNull(given, "given");
        String needle = given.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (String candidate : candidates) {
            int distance = distance(needle, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The optimal string alignment distance between two strings. */
    public static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[n][m];
    }

    /** " Did you mean 'x'?" when there is a close candidate, otherwise the empty string. */
    public static String hint(String given, Collection<String> candidates) {
        return suggest(given, candidates).map(s -> " Did you mean '" + s + "'?").orElse("");
    }
}
