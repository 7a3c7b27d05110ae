package dev.winnow.select;

/** Why a selection stopped picking. */
public enum StopReason {
    /** It picked the requested number of samples. */
    SAMPLE_COUNT_REACHED("picked the requested number of samples"),
    /** No candidates were left (after the THRESHOLD filters). */
    CANDIDATES_EXHAUSTED("no candidates left"),
    /** The largest distance to the selection fell below DIVERSITY's stopping_condition_minimum_distance. */
    MINIMUM_DISTANCE_REACHED("the largest distance to the selection fell below stopping_condition_minimum_distance"),
    /** The selected weights reached WEIGHTS' stopping_condition_max_sum. */
    MAX_SUM_REACHED("the selected weights reached stopping_condition_max_sum");

    private final String description;

    StopReason(String description) {
        this.description = description;
    }

    /** A short phrase for logs and reports. */
    public String description() {
        return description;
    }
}
