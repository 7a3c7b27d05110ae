package dev.winnow.datasource;

import java.io.IOException;

/**
 * Thrown by {@link Datasource#readAllBytes} when a file is larger than the limit the caller set, so
 * that hostile or mistaken input costs bounded memory. The message names the file and the limit.
 */
public final class FileTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final long limitBytes;

    public FileTooLargeException(String path, long limitBytes, String message) {
        super(message);
        this.path = path;
        this.limitBytes = limitBytes;
    }

    /** The sentence it was thrown with (never null: every constructor takes one). */
    @Override
    public String getMessage() {
        String message = super.getMessage();
        return message == null ? "" : message;
    }

    /** The datasource path of the file that was too large. */
    public String path() {
        return path;
    }

    /** The limit in bytes that the file exceeded. */
    public long limitBytes() {
        return limitBytes;
    }
}
