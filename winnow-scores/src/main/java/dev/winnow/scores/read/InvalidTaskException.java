package dev.winnow.scores.read;

/**
 * Thrown when a listed task cannot be scored: its schema is missing or invalid, or every one of its
 * prediction files is invalid. The diagnostics have been reported before; the message sums them up.
 */
public final class InvalidTaskException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidTaskException(String message) {
        super(message);
    }
}
