package dev.winnow.datasource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A location of files addressed by POSIX paths relative to its root ({@code sub/dir/img.png}): a
 * local folder, or a prefix of a cloud bucket opened through a {@link LocationProvider}.
 *
 * <p>Paths are checked before use: an absolute path, a {@code ..} segment or a link that leads out
 * of the root is refused with {@link PathOutsideRootException}. Implementations are safe for use
 * from several threads.
 */
public interface Datasource {

    /** A human-readable name of the root, for messages (a folder path or a URI). */
    String description();

    /**
     * The root as a canonical URI ending in {@code /} ({@code file:///data/images/}), used to tell
     * whether two datasources overlap; empty when the implementation cannot say (test fakes).
     */
    default Optional<URI> rootUri() {
        return Optional.empty();
    }

    /**
     * All files below the folder {@code prefix} ("" for the root), at any depth, as relative paths
     * sorted by {@link String#compareTo}; empty when the folder does not exist.
     */
    List<String> list(String prefix) throws IOException;

    /**
     * Like {@link #list(String, Set)}, with each file's size and modification time. The default
     * asks {@link #stat} for every file (a file gone meanwhile is left out); an implementation
     * whose listing already carries them (a folder walk, an object store's listing) answers
     * without asking again per file.
     */
    default List<ListedFile> listWithStats(String prefix, Set<String> skippedFolders) throws IOException {
        List<String> paths = list(prefix, skippedFolders);
        List<ListedFile> files = new ArrayList<>(paths.size());
        for (String path : paths) {
            Optional<FileStat> stat = stat(path);
            if (stat.isPresent()) {
                files.add(new ListedFile(path, stat.get().size(), stat.get().lastModifiedMillis()));
            }
        }
        return files;
    }

    /**
     * Like {@link #list}, leaving out every folder below {@code prefix} whose name is one of
     * {@code skippedFolders}, with everything in it. The default filters the full listing; an
     * implementation may skip such folders without reading them.
     */
    default List<String> list(String prefix, Set<String> skippedFolders) throws IOException {
        List<String> all = list(prefix);
        if (skippedFolders.isEmpty()) {
            return all;
        }
        String folder = DatasourcePaths.check(prefix, description(), true);
        int start = folder.isEmpty() ? 0 : folder.length() + 1;
        List<String> kept = new ArrayList<>(all.size());
        for (String path : all) {
            if (!DatasourcePaths.hasFolderNamed(path, start, skippedFolders)) {
                kept.add(path);
            }
        }
        return kept;
    }

    /**
     * Some file below the folder {@code prefix} ("" for the root), or empty when it holds none: for
     * access checks, which need one object without listing a million. Which file is unspecified.
     * The default lists the folder; object stores answer it with one request.
     */
    default Optional<String> anyFile(String prefix) throws IOException {
        return list(prefix).stream().findFirst();
    }

    /**
     * Where a listed file really is when that is outside the root (a link leading out), so that it
     * may not be read; empty for an ordinary file. The default, for locations without links, is
     * always empty.
     */
    default Optional<String> leadsOutside(String path) throws IOException {
        return Optional.empty();
    }

    /**
     * The names of the folders directly inside the folder {@code prefix} ("" for the root), sorted;
     * empty when it does not exist. Links are not folders here. The default derives them from
     * {@link #list} and so sees only folders that hold a file; an implementation may read just the
     * one folder.
     */
    default List<String> folders(String prefix) throws IOException {
        String folder = DatasourcePaths.check(prefix, description(), true);
        int start = folder.isEmpty() ? 0 : folder.length() + 1;
        TreeSet<String> names = new TreeSet<>();
        for (String path : list(prefix)) {
            int slash = path.indexOf('/', start);
            if (slash > start) {
                names.add(path.substring(start, slash));
            }
        }
        return List.copyOf(names);
    }

    /** Size and modification time of a file, or empty when it does not exist. */
    Optional<FileStat> stat(String path) throws IOException;

    /** Opens a file for reading. */
    InputStream open(String path) throws IOException;

    /** Opens a file for random access (video containers need it). */
    SeekableByteChannel openSeekable(String path) throws IOException;

    /**
     * Reads at most {@code length} bytes of a file from {@code offset} on: fewer at the end of the
     * file, none from or past its end. For image headers: an object store answers it with one ranged
     * request instead of a whole download. A missing file raises
     * {@link java.nio.file.NoSuchFileException}.
     */
    default byte[] readRange(String path, long offset, int length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException(
                    "A range needs an offset and a length of at least 0, but was " + offset + " and " + length + ".");
        }
        try (SeekableByteChannel in = openSeekable(path)) {
            long available = Math.max(0, in.size() - offset);
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(length, available));
            in.position(offset);
            while (buffer.hasRemaining() && in.read(buffer) >= 0) {
                // fill until the range or the file ends
            }
            return buffer.position() == buffer.capacity()
                    ? buffer.array()
                    : Arrays.copyOf(buffer.array(), buffer.position());
        }
    }

    /**
     * How many reads callers should keep in flight on this datasource: a local disk gains little
     * beyond the cores, an object store needs many requests at once to hide each one's latency.
     */
    default int parallelReads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Reads a whole file, refusing one larger than {@code maxBytes} with a
     * {@link FileTooLargeException} whose message names the file and the limit; a missing file
     * raises {@link java.nio.file.NoSuchFileException}.
     */
    byte[] readAllBytes(String path, long maxBytes) throws IOException;

    /**
     * Writes a file so that readers see either the old contents or the whole new contents, never
     * a part: the bytes go to a temporary name first and are then renamed into place. Missing
     * parent folders are created.
     */
    void writeAtomically(String path, byte[] contents) throws IOException;

    /**
     * Like {@link #writeAtomically}, for bulk outputs that are cheap to write again (a converted
     * predictions folder of 100k files): readers still see each file whole or not at all, but the
     * implementation need not flush each file to disk before renaming it, so after a crash of the
     * machine (not of the process) such a file may be empty. The default is {@link #writeAtomically}.
     */
    default void writeAtomicallyWithoutSync(String path, byte[] contents) throws IOException {
        writeAtomically(path, contents);
    }

    /**
     * Writes a file in place, without a temporary name: for files in a staging folder that no
     * reader looks at until {@link #moveFolder} publishes the folder whole. A reader of the file
     * itself could see it half written, and after a machine crash it may be empty. Missing parent
     * folders are created; an existing file is replaced. The default is
     * {@link #writeAtomicallyWithoutSync}.
     */
    default void writeInStaging(String path, byte[] contents) throws IOException {
        writeAtomicallyWithoutSync(path, contents);
    }

    /**
     * Deletes one file; nothing happens when it does not exist. A folder is not a file: use
     * {@link #deleteFolder} where folders can be deleted.
     *
     * @throws UnsupportedOperationException when the datasource cannot delete (read-only fakes)
     */
    default void delete(String path) throws IOException {
        throw new UnsupportedOperationException(description() + " cannot delete files.");
    }

    /**
     * Whether {@link #moveFolder} and {@link #deleteFolder} are supported; false by default (an
     * object store has no folders to rename in one step). Where it is false, outputs are published
     * without a rename: every file is written atomically by itself, and the file that makes the
     * others visible (a task list, a completion marker) is written last.
     */
    default boolean canMoveFolders() {
        return false;
    }

    /**
     * Renames the folder {@code from} to {@code to} in one step, with everything in it: a reader
     * sees the folder at its old name or, whole, at its new one. {@code to} must not exist; its
     * parent folders are created. {@code from} must be a folder, not a link to one. Both paths
     * are checked like written files are, and neither may be the root.
     *
     * @throws java.nio.file.FileAlreadyExistsException when {@code to} exists
     * @throws java.nio.file.NoSuchFileException when {@code from} does not exist
     * @throws UnsupportedOperationException when {@link #canMoveFolders} is false
     */
    default void moveFolder(String from, String to) throws IOException {
        throw new UnsupportedOperationException(description() + " cannot move folders.");
    }

    /**
     * Swaps the existing folders {@code a} and {@code b} in one step where the datasource can, so
     * that a reader finds a whole folder at both names throughout; false, with nothing changed,
     * where it cannot (then two {@link #moveFolder} calls leave a moment without a folder). Both
     * must be folders, not links, and neither inside the other. False by default.
     */
    default boolean exchangeFolders(String a, String b) throws IOException {
        return false;
    }

    /**
     * Deletes the folder {@code folder} and everything in it; links inside are removed, never
     * followed. Nothing happens when it does not exist. It must be a folder, not a link to one.
     *
     * @throws UnsupportedOperationException when {@link #canMoveFolders} is false
     */
    default void deleteFolder(String folder) throws IOException {
        throw new UnsupportedOperationException(description() + " cannot delete folders.");
    }

    /** Size in bytes and last modification time in epoch milliseconds of one file. */
    record FileStat(long size, long lastModifiedMillis) {}

    /** A file of a listing with its size in bytes and last modification time in epoch milliseconds. */
    record ListedFile(String path, long size, long lastModifiedMillis) {}
}
