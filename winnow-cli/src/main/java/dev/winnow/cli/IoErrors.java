package dev.winnow.cli;

import dev.winnow.datasource.LocationAccessException;
import dev.winnow.datasource.WriteFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.Optional;

/** One sentence, in Winnow's words, for a failed read or write: which file and what is wrong with it. */
final class IoErrors {
    private IoErrors() {}

    static String describe(Throwable failure) {
        Optional<LocationAccessException> denied = LocationAccessException.in(failure);
        String refusal = denied.isPresent() ? denied.get().getMessage() : null;
        if (refusal != null) {
            return refusal;
        }
        Throwable cause = failure.getCause();
        Throwable e = failure instanceof UncheckedIOException && cause != null ? cause : failure;
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            String file = fs.getFile();
            if (e instanceof NoSuchFileException) {
                return file + " does not exist.";
            }
            if (e instanceof AccessDeniedException) {
                return file + " may not be read or written (permission denied).";
            }
            if (e instanceof FileAlreadyExistsException) {
                return file + " already exists.";
            }
            if (e instanceof NotDirectoryException) {
                return file + " is not a folder.";
            }
            if (e instanceof DirectoryNotEmptyException) {
                return file + " is a folder that is not empty.";
            }
            String reason = fs.getReason() == null ? "" : ": " + fs.getReason().toLowerCase(Locale.ROOT);
            if (e instanceof WriteFailure) {
                return file + " could not be written" + reason + ".";
            }
            return file + (fs.getOtherFile() == null ? "" : " (to " + fs.getOtherFile() + ")") + " cannot be used"
                    + reason + ".";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e instanceof IOException
                    ? "reading or writing failed."
                    : "an unexpected internal error stopped the command.";
        }
        return message;
    }
}
