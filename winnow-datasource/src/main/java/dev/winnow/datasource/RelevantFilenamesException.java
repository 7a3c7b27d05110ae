package dev.winnow.datasource;

import java.io.IOException;

/**
 * Thrown when {@code .lightly/relevant_filenames.txt} has an entry that is not a plain relative
 * path. It is a configuration error of the user, so callers may report it apart from I/O failures.
 */
public final class RelevantFilenamesException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int lineNumber;

    public RelevantFilenamesException(int lineNumber, String message) {
        super(message);
        this.lineNumber = lineNumber;
    }

    /** The 1-based line of the offending entry. */
    public int lineNumber() {
        return lineNumber;
    }
}
