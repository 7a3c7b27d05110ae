package dev.winnow.datasource;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Swaps two folders of one file system in one step (Linux's {@code renameat2} with
 * {@code RENAME_EXCHANGE}): a reader sees either folder at either name, never a name without a
 * folder. Where the system or the file system cannot, {@link #exchange} says so and the caller
 * renames twice.
 */
final class FolderExchange {
    private static final int AT_FDCWD = -100;
    private static final int RENAME_EXCHANGE = 2;
    /** Not implemented by the kernel, the C library or the file system. */
    private static final int ENOSYS = 38;

    private static final int EINVAL = 22;
    private static final int ENOTSUP = 95;

    private FolderExchange() {}

    /** The C library's call, bound on first use; never bound off Linux. */
    interface CLibrary extends Library {
        int renameat2(int oldDir, String oldPath, int newDir, String newPath, int flags) throws LastErrorException;
    }

    private static final class Bound {
        static final @Nullable CLibrary C = bind();

        private static @Nullable CLibrary bind() {
            if (!Platform.isLinux()) {
                return null;
            }
            try {
                return Native.load("c", CLibrary.class);
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                return null;
            }
        }
    }

    /**
     * Swaps {@code a} and {@code b}, both existing; false when this system or file system cannot
     * swap in one step (nothing changed then).
     */
    static boolean exchange(Path a, Path b) throws IOException {
        CLibrary c = Bound.C;
        if (c == null) {
            return false;
        }
        try {
            c.renameat2(AT_FDCWD, a.toString(), AT_FDCWD, b.toString(), RENAME_EXCHANGE);
            return true;
        } catch (LastErrorException e) {
            int code = e.getErrorCode();
            if (code == ENOSYS || code == EINVAL || code == ENOTSUP) {
                return false;
            }
            throw new IOException(
                    "The folders " + a + " and " + b + " could not be swapped (system error " + code + ").");
        } catch (UnsatisfiedLinkError e) {
            return false; // a C library older than renameat2
        }
    }
}
