package dev.winnow.datasource;

import java.io.IOException;

/**
 * Thrown for a location Winnow cannot open: a cloud bucket whose datasource is not built yet, or a
 * URI scheme it does not know. The message names the location and what is accepted.
 */
public final class UnsupportedLocationException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnsupportedLocationException(String message) {
        super(message);
    }
}
