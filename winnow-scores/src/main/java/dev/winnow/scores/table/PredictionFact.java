package dev.winnow.scores.table;

/** Per-sample facts of a task's predictions that selection can use as input ({@code PREDICTIONS} inputs). */
public enum PredictionFact {
    /** Number of singletons of each category in a sample. */
    CATEGORY_COUNT,
    /** Sum of a sample's probability vectors, a singleton without one counting as one-hot at its category. */
    CLASS_DISTRIBUTION
}
