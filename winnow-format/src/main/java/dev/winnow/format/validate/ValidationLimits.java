package dev.winnow.format.validate;

import java.io.Serializable;

/**
 * Bounds that keep hostile or broken input cheap: a file over a limit is reported and skipped
 * instead of being read further.
 *
 * <ul>
 *   <li>{@code maxFileBytes} (default 64 MiB): a prediction, schema or tasks file larger than this
 *       is not read.</li>
 *   <li>{@code maxNestingDepth} (default 64): arrays and objects nested deeper than this. The format
 *       itself needs 4.</li>
 *   <li>{@code maxSingletons} (default 100,000): singletons in one prediction file.</li>
 *   <li>{@code maxRleCounts} (default 16,777,216): counts in one RLE segmentation, enough for a
 *       4096 x 4096 checkerboard.</li>
 *   <li>{@code maxDiagnosticsPerFile} (default 100): problems reported for one file; the rest are
 *       summarised by a single W006.</li>
 * </ul>
 */
public record ValidationLimits(
        long maxFileBytes, int maxNestingDepth, int maxSingletons, int maxRleCounts, int maxDiagnosticsPerFile)
        implements Serializable {

    public static final ValidationLimits DEFAULTS = new ValidationLimits(64L << 20, 64, 100_000, 1 << 24, 100);

    public ValidationLimits {
        requirePositive(maxFileBytes, "maxFileBytes");
        requirePositive(maxNestingDepth, "maxNestingDepth");
        requirePositive(maxSingletons, "maxSingletons");
        requirePositive(maxRleCounts, "maxRleCounts");
        requirePositive(maxDiagnosticsPerFile, "maxDiagnosticsPerFile");
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(
                    "The validation limit " + name + " must be 1 or more, but was " + value + ".");
        }
    }

    public ValidationLimits withMaxFileBytes(long bytes) {
        return new ValidationLimits(bytes, maxNestingDepth, maxSingletons, maxRleCounts, maxDiagnosticsPerFile);
    }

    public ValidationLimits withMaxNestingDepth(int depth) {
        return new ValidationLimits(maxFileBytes, depth, maxSingletons, maxRleCounts, maxDiagnosticsPerFile);
    }

    public ValidationLimits withMaxSingletons(int singletons) {
        return new ValidationLimits(maxFileBytes, maxNestingDepth, singletons, maxRleCounts, maxDiagnosticsPerFile);
    }

    public ValidationLimits withMaxRleCounts(int counts) {
        return new ValidationLimits(maxFileBytes, maxNestingDepth, maxSingletons, counts, maxDiagnosticsPerFile);
    }

    public ValidationLimits withMaxDiagnosticsPerFile(int diagnostics) {
        return new ValidationLimits(maxFileBytes, maxNestingDepth, maxSingletons, maxRleCounts, diagnostics);
    }
}
