package dev.winnow.select;

/**
 * How many samples a selection should pick: an absolute count ({@code n_samples}) or a fraction of
 * the input samples ({@code proportion_samples}).
 */
public sealed interface SampleBudget {

    /** The number of samples to pick out of {@code inputSamples}, before stopping conditions apply. */
    int resolve(int inputSamples);

    /** Pick {@code n} samples (or all candidates when fewer). */
    record Count(int n) implements SampleBudget {
        public Count {
            if (n < 1) {
                throw new IllegalArgumentException("The sample count must be at least 1, but was " + n + ".");
            }
        }

        @Override
        public int resolve(int inputSamples) {
            return n;
        }
    }

    /** Pick {@code fraction} of the input samples, rounded to the nearest whole sample (halves up). */
    record Proportion(double fraction) implements SampleBudget {
        public Proportion {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("The proportion must lie in (0, 1], but was " + fraction + ".");
            }
        }

        @Override
        public int resolve(int inputSamples) {
            return (int) Math.min(inputSamples, Math.floor(fraction * inputSamples + 0.5));
        }
    }
}
