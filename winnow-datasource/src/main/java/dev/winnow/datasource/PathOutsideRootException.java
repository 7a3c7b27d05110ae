package dev.winnow.datasource;

import java.io.IOException;

/**
 * Thrown when a path would leave a datasource's root: absolute, with {@code ..}, or through a link.
 * The message is a sentence naming the path and the root.
 */
public final class PathOutsideRootException extends IOException {
    private static final long serialVersionUID = 1L;

    public PathOutsideRootException(String message) {
        super(message);
    }

    /** The sentence it was thrown with (never null: every constructor takes one). */
    @Override
    public String getMessage() {
        String message = super.getMessage();
        return message == null ? "" : message;
    }
}
