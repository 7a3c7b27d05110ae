package dev.winnow.media;

import org.jspecify.annotations.Nullable;

/**
 * An image or video that cannot be used: unreadable header, corrupt data, unsupported container
 * or codec. The message is a sentence for the user naming the file. {@link UnsupportedMediaException}
 * marks the cases another decoder might still handle.
 */
public class MediaException extends Exception {
    private static final long serialVersionUID = 1L;

    public MediaException(String message) {
        super(message);
    }

    public MediaException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /** The sentence it was thrown with (never null: every constructor takes one). */
    @Override
    public String getMessage() {
        String message = super.getMessage();
        return message == null ? "" : message;
    }
}
