package dev.winnow.datasource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a local file in one step: the bytes go to a temporary name in the same folder and are
 * then renamed over the target, so a reader sees the old file or the whole new one, never a part.
 * The file gets the permissions the user's umask gives a new file, like a file written the ordinary
 * way (temporary files would otherwise be private to their owner).
 */
public final class AtomicWrite {
    /** What a new file asks for; the system takes the umask off, as for any program's new file. */
    private static final FileAttribute<Set<PosixFilePermission>> ORDINARY_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-"));

    private AtomicWrite() {}

    /**
     * Writes {@code contents} to {@code target}, whose folder must exist. With {@code sync} the bytes
     * are forced to disk before the rename, so that even a machine crash cannot expose an empty file.
     */
    public static void write(Path target, byte[] contents, boolean sync) throws IOException {
        Path temp = temporaryBeside(target);
        boolean moved = false;
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(contents);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                if (sync) {
                    out.force(true);
                }
            } catch (IOException e) {
                throw WriteFailure.naming(target, e);
            }
            move(temp, target);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * A new empty temporary file in the folder of {@code target} (which must exist), named after it,
     * with the permissions the umask gives an ordinary new file, for writing and then {@link #move moving} over the
     * target.
     */
    public static Path temporaryBeside(Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        if (folder == null) {
            throw new IOException("Cannot write " + target + ": it is a file system's root, not a file.");
        }
        String prefix = "." + target.getFileName() + ".";
        return folder.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(folder, prefix, ".tmp", ORDINARY_FILE)
                : Files.createTempFile(folder, prefix, ".tmp");
    }

    /** Renames {@code from} to {@code to} in one step (same file system), replacing a file but never a folder. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(
                    "The file system holding " + to.toAbsolutePath().getParent() + " cannot rename atomically, so "
                            + to.getFileName() + " was not written.",
                    e);
        }
    }
}
