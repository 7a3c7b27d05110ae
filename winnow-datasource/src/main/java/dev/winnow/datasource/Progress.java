package dev.winnow.datasource;

/**
 * Told what a run is doing: each phase starts with its name and the number of steps, then reports
 * how many are done. Called from the pipeline's own thread, never concurrently.
 */
public interface Progress {

    /** Ignores everything. */
    Progress NONE = new Progress() {
        @Override
        public void phase(String name, long total) {}

        @Override
        public void advance(long done) {}

        @Override
        public void message(String line) {}
    };

    /** A phase named {@code name} of {@code total} steps starts (0 when unknown); the previous one is over. */
    void phase(String name, long total);

    /** {@code done} steps of the current phase are finished. */
    void advance(long done);

    /** A line for the user (a summary line, a notice). */
    void message(String line);

    /** The current phase is over. */
    default void endPhase() {}
}
