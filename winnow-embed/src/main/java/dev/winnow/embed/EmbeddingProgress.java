package dev.winnow.embed;

/**
 * Told after every batch how many samples have been embedded so far, so that a caller can draw a
 * progress bar or log a line. Called from the thread that runs the embedding, never concurrently.
 */
@FunctionalInterface
public interface EmbeddingProgress {

    /** A progress listener that ignores every update. */
    EmbeddingProgress NONE = (done, total) -> {};

    /**
     * Tells how far the embedding has come.
     *
     * @param done  samples handled so far, including those that could not be decoded
     * @param total samples to handle in all
     */
    void update(int done, int total);
}
