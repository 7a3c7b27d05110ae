package dev.winnow.run.datapool;

import java.io.IOException;

/** The datapool on disk cannot be read: a file is missing, truncated or not in the expected shape. */
public final class DatapoolException extends IOException {
    private static final long serialVersionUID = 1L;

    public DatapoolException(String message) {
        super(message);
    }
}
