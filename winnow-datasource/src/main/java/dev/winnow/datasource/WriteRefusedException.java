package dev.winnow.datasource;

import java.io.IOException;

/**
 * Thrown by an {@link OutputLocation} when a write would land in the input location outside the
 * folders Winnow owns there. The message names the path and the input location.
 */
public final class WriteRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    public WriteRefusedException(String message) {
        super(message);
    }
}
