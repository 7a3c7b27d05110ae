package dev.winnow.datasource;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * A write that the operating system refused while the bytes went out, naming the file. A full disk
 * ("No space left on device") or a file over the size limit ("File too large") is reported by Java
 * without the file's name; a user needs to know which file it was.
 */
public final class WriteFailure extends FileSystemException {
    private static final long serialVersionUID = 1L;

    private WriteFailure(Path file, IOException cause) {
        super(file.toString(), null, cause.getMessage());
        initCause(cause);
    }

    /** {@code e} when it names a file already, else the same failure naming {@code file}. */
    public static IOException naming(Path file, IOException e) {
        return e instanceof FileSystemException ? e : new WriteFailure(file, e);
    }
}
