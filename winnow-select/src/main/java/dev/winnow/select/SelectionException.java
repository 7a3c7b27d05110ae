package dev.winnow.select;

/**
 * A selection config that does not fit its inputs: a task, score, metadata key, category or query
 * sample it names does not exist. The message says which strategy, what is missing and what exists.
 */
public final class SelectionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public SelectionException(String message) {
        super(message);
    }
}
