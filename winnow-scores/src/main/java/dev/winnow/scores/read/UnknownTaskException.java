package dev.winnow.scores.read;

/**
 * Thrown when the task a user names is not listed in {@code .lightly/predictions/tasks.json}. The message says which
 * tasks are.
 */
public final class UnknownTaskException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnknownTaskException(String message) {
        super(message);
    }
}
