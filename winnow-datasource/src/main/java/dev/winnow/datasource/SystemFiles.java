package dev.winnow.datasource;

import java.util.Set;

/**
 * Files that operating systems leave in folders on their own (macOS {@code .DS_Store} and its
 * {@code ._name} companions on foreign disks, Windows {@code Thumbs.db} and {@code desktop.ini}):
 * never samples and never predictions, so every listing passes over them without a word.
 */
public final class SystemFiles {
    private static final Set<String> NAMES = Set.of(".DS_Store", "Thumbs.db", "desktop.ini");

    private SystemFiles() {}

    /** Whether the last segment of {@code path} names such a file. */
    public static boolean isSystemFile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return NAMES.contains(name) || name.startsWith("._");
    }
}
