package dev.winnow.cli;

import dev.winnow.datasource.LocationAccessException;
import dev.winnow.datasource.UnsupportedLocationException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The exit code of a location that could not be opened: a location string Winnow cannot read, a
 * local folder that is missing or is a file, is a usage mistake (2); anything else (a denied or
 * missing bucket, storage that cannot be reached or keeps failing) is a failure of access (3).
 */
final class LocationFailures {
    private LocationFailures() {}

    static int exitCode(IOException e) {
        boolean usage = e instanceof UnsupportedLocationException
                || e instanceof NoSuchFileException
                || e instanceof NotDirectoryException
                || e instanceof FileAlreadyExistsException;
        return usage ? ExitCodes.USAGE : ExitCodes.IO;
    }

    /** Whether the failure is already a sentence of Winnow's own, to print without the exception's name. */
    static boolean isOwnSentence(IOException e) {
        return e instanceof LocationAccessException || e instanceof UnsupportedLocationException;
    }
}
