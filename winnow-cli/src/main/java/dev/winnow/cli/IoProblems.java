package dev.winnow.cli;

import dev.winnow.datasource.WriteFailure;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * A failed file operation in Winnow's words: which file and what went wrong, never the name of
 * the Java exception that reported it.
 */
final class IoProblems {
    private IoProblems() {}

    /** One clause naming the file and the problem, such as "out/x.json does not exist". */
    static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String file = f.getFile();
            String reason = f.getReason();
            if (e instanceof NoSuchFileException) {
                return file + (reason == null ? " does not exist" : ": " + reason);
            }
            if (e instanceof AccessDeniedException) {
                return "permission denied for " + file;
            }
            if (e instanceof FileAlreadyExistsException) {
                return file + " exists already" + (reason == null ? "" : " (" + reason + ")");
            }
            if (e instanceof NotDirectoryException) {
                return file.endsWith("must be a folder") ? file : file + " is not a folder";
            }
            if (e instanceof DirectoryNotEmptyException) {
                return "the folder " + file + " is not empty";
            }
            if (e instanceof WriteFailure && reason != null) {
                return file + " could not be written (" + reason.toLowerCase(Locale.ROOT) + ")";
            }
            return file + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": "
                    + (reason == null ? "the file system refused the operation" : reason);
        }
        return e.getMessage() == null ? "an input or output operation failed" : e.getMessage();
    }
}
