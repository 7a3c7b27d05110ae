package dev.winnow.datasource;

import dev.winnow.datasource.AtomicWrite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes files and folders so that a reader sees either the old state or the whole new one: bytes
 * go to a temporary name in the same folder, are forced to disk, and are then renamed into place.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes {@code contents} to {@code target} atomically, forced to disk, creating missing parent folders. */
    public static void write(Path target, byte[] contents) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        AtomicWrite.write(target, contents, true);
    }

    /** Writes {@code text} as UTF-8 to {@code target} atomically. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Renames {@code from} to {@code to} in one step (both in the same folder tree), replacing a file but never a folder. */
    public static void move(Path from, Path to) throws IOException {
        AtomicWrite.move(from, to);
    }

    /** Deletes a folder and everything in it; nothing happens when it does not exist. */
    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
