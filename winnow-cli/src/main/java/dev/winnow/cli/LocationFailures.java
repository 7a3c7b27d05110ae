package dev.winnow.cli;

import dev.winnow.datasource.LocationAccessException;
import dev.winnow.datasource.UnsupportedLocationException;
import java.io.IOException;

/**
 * The exit code of a location that could not be opened: a denied or missing bucket is a failure of
 * access (3), anything else about the location string or folder is a usage mistake (2).
 */
final class LocationFailures {
    private LocationFailures() {}

    static int exitCode(IOException e) {
        return e instanceof LocationAccessException ? ExitCodes.IO : ExitCodes.USAGE;
    }

    /** Whether the failure is already a sentence of Winnow's own, to print without the exception's name. */
    static boolean isOwnSentence(IOException e) {
        return e instanceof LocationAccessException || e instanceof UnsupportedLocationException;
    }
}
