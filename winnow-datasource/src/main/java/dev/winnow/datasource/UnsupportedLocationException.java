package dev.winnow.datasource;

import java.io.IOException;

/**
 * Thrown for a location string Winnow cannot open: a malformed cloud location, a URI scheme it does
 * not know, or a cloud whose module is not on the class path. A usage mistake (exit code 2); the
 * message names the location and what is accepted.
 */
public final class UnsupportedLocationException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnsupportedLocationException(String message) {
        super(message);
    }
}
