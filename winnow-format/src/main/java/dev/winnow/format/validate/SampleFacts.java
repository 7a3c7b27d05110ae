package dev.winnow.format.validate;

import org.jspecify.annotations.Nullable;

/**
 * What is known about the sample a prediction file belongs to: its name (the value a
 * {@code file_name} must have; null when not known) and its size in pixels (0 when not known, for
 * example for a video frame). Checks that need an unknown fact are skipped.
 */
public record SampleFacts(@Nullable String sampleName, int width, int height) {

    private static final SampleFacts UNKNOWN = new SampleFacts(null, 0, 0);

    public SampleFacts {
        if (width < 0 || height < 0 || (width == 0) != (height == 0)) {
            throw new IllegalArgumentException("A sample size must be two positive numbers or unknown (0 x 0), but was "
                    + width + " x " + height + ".");
        }
    }

    /** Nothing known: no file_name check, no bounds checks. */
    public static SampleFacts unknown() {
        return UNKNOWN;
    }

    /** A sample whose name is known but not its size. */
    public static SampleFacts named(String sampleName) {
        return new SampleFacts(sampleName, 0, 0);
    }

    public static SampleFacts of(String sampleName, int width, int height) {
        return new SampleFacts(sampleName, width, height);
    }

    public boolean hasSize() {
        return width > 0;
    }

    public long pixelCount() {
        return (long) width * height;
    }
}
