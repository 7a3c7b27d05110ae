package dev.winnow.run;

/**
 * A run cannot go on: its input or configuration leaves nothing sensible to do (every prediction
 * file of a task invalid, no readable sample). The message is one sentence for the user; nothing of
 * the run has been committed.
 */
public final class RunFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunFailedException(String message) {
        super(message);
    }
}
