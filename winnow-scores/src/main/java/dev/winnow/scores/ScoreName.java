package dev.winnow.scores;

import java.util.Arrays;
import java.util.Optional;

/** The active-learning scores Winnow computes, each with the name it has in CSV files and selection configs. */
public enum ScoreName {
    /** One minus the mean score of a sample's objects. */
    OBJECTNESS_LEAST_CONFIDENCE("objectness_least_confidence"),
    /** How many objects and categories a sample has, mapped to [0.9, 1.0] over all scored samples. */
    OBJECT_FREQUENCY("object_frequency"),
    /** One minus the largest probability, normalised by its value for a uniform vector. */
    UNCERTAINTY_LEAST_CONFIDENCE("uncertainty_least_confidence"),
    /** One minus the gap between the two largest probabilities. */
    UNCERTAINTY_MARGIN("uncertainty_margin"),
    /** Shannon entropy of the probabilities, normalised by its value for a uniform vector. */
    UNCERTAINTY_ENTROPY("uncertainty_entropy"),
    /** One minus the mean keypoint confidence of a sample's instances. */
    MEAN_UNCERTAINTY("mean_uncertainty");

    private final String wireName;

    ScoreName(String wireName) {
        this.wireName = wireName;
    }

    /** The name in CSV headers and selection configs, e.g. {@code uncertainty_entropy}. */
    public String wireName() {
        return wireName;
    }

    /** The score called {@code name} in CSV headers and configs, or empty when none is. */
    public static Optional<ScoreName> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
