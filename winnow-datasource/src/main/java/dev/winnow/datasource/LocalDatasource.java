package dev.winnow.datasource;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A datasource on a local folder.
 *
 * <p>Every path is checked twice: lexically ({@link DatasourcePaths#check}: no absolute path, no
 * {@code ..}) and then on disk, where the file's real path (links resolved) must lie inside the
 * root's real path. Listing does not descend into linked folders (no cycles, no escapes); a linked
 * file is listed, and reading it is refused when it points outside the root, so the refusal is
 * reported rather than the file silently vanishing.
 *
 * <pre>{@code
 * Datasource images = LocalDatasource.at(Path.of("/data/images"));
 * for (String path : images.list("")) { ... }
 * }</pre>
 *
 * <p>Reading resolves a file's folder once and remembers it as inside the root, then opens the file
 * without following a link; only a linked file has its real path resolved on every read. So a
 * folder swapped for a link while the datasource is in use is noticed only by a new instance.
 *
 * <p>Staged writes ({@link #writeInStaging}) likewise create and check each folder once (sharing that
 * set), then create each file with one open that does not follow a link.
 *
 * <p>Thread-safe: its only mutable state is that concurrent set of checked folders.
 */
public final class LocalDatasource implements Datasource {
    private static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

    /** The first read's buffer: prediction files and image headers are a few kilobytes. */
    private static final int FIRST_READ_BYTES = 4 * 1024;
    /** Folders remembered as inside the root; beyond this many, further folders are resolved on each read. */
    private static final int MAX_CHECKED_FOLDERS = 100_000;

    /** Options of the quick open, made once: the varargs form builds a new set on every call. */
    private static final Set<OpenOption> READ_NOT_FOLLOWING_LINKS =
            Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    /** Options of a staged write: create or truncate, never through a link. */
    private static final Set<OpenOption> CREATE_NOT_FOLLOWING_LINKS = Set.of(
            StandardOpenOption.WRITE,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            LinkOption.NOFOLLOW_LINKS);

    private final Path root;
    private final Path realRoot;
    /** The root's name, made once: every path check names it. */
    private final String description;
    /** Existing folders proven inside the root, so reads and staged writes check each once. */
    private final Set<Path> checkedFolders = ConcurrentHashMap.newKeySet();

    private LocalDatasource(Path root, Path realRoot) {
        this.root = root;
        this.realRoot = realRoot;
        this.description = root.toString();
    }

    /** The folder at {@code root}, which must exist. */
    public static LocalDatasource at(Path root) throws IOException {
        Path absolute = root.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new NoSuchFileException(absolute.toString(), null, "the folder does not exist");
        }
        if (!Files.isDirectory(absolute)) {
            throw new NotDirectoryException(absolute + " is a file, but a datasource must be a folder");
        }
        return new LocalDatasource(absolute, absolute.toRealPath());
    }

    /** The folder at {@code root}, created with its parents when missing (for output locations). */
    public static LocalDatasource create(Path root) throws IOException {
        Files.createDirectories(root.toAbsolutePath().normalize());
        return at(root);
    }

    /** The root folder as given (absolute and normalised, links not resolved). */
    public Path root() {
        return root;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Optional<URI> rootUri() {
        String uri = realRoot.toUri().toString();
        return Optional.of(URI.create(uri.endsWith("/") ? uri : uri + "/"));
    }

    /**
     * The local file a datasource path names, checked lexically; links are not resolved, so use
     * this only to hand the path to a library that must have a file.
     */
    public Path fileOf(String path) throws PathOutsideRootException {
        return root.resolve(DatasourcePaths.check(path, description(), true));
    }

    /** One look at the file itself (is it a link?) and one real-path check per folder, remembered. */
    @Override
    public Optional<String> leadsOutside(String path) throws IOException {
        Path file = root.resolve(DatasourcePaths.check(path, description(), false));
        Path folder = file.getParent();
        if (!Files.isSymbolicLink(file) && (folder == null || isCheckedFolder(folder))) {
            return Optional.empty();
        }
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return real.startsWith(realRoot) ? Optional.empty() : Optional.of(real.toString());
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        return list(prefix, Set.of());
    }

    /** Skips the named folders in the walk itself, never reading what they hold. */
    @Override
    public List<String> list(String prefix, Set<String> skippedFolders) throws IOException {
        List<String> paths = new ArrayList<>();
        walk(prefix, skippedFolders, (name, file, attrs) -> paths.add(name));
        Collections.sort(paths);
        return paths;
    }

    /** The walk's own file attributes, so no file is looked at twice; a link's are its target's. */
    @Override
    public List<ListedFile> listWithStats(String prefix, Set<String> skippedFolders) throws IOException {
        List<ListedFile> files = new ArrayList<>();
        walk(prefix, skippedFolders, (name, file, attrs) -> {
            BasicFileAttributes target = attrs;
            if (attrs.isSymbolicLink()) {
                try {
                    target = Files.readAttributes(file, BasicFileAttributes.class);
                } catch (IOException e) {
                    return; // the link's target went away after the walk saw it
                }
            }
            files.add(new ListedFile(
                    name, target.size(), target.lastModifiedTime().toMillis()));
        });
        files.sort(Comparator.comparing(ListedFile::path));
        return files;
    }

    /** One file the walk found: its relative name, its path, and its attributes (not following links). */
    @FunctionalInterface
    private interface WalkedFile {
        void accept(String name, Path file, BasicFileAttributes attrs);
    }

    private void walk(String prefix, Set<String> skippedFolders, WalkedFile found) throws IOException {
        String folder = DatasourcePaths.check(prefix, description(), true);
        Path start = root.resolve(folder);
        if (!Files.isDirectory(start)) {
            return;
        }
        // A prefix reached through a link is walked at its real place and named by the prefix.
        Path walked = Files.isSymbolicLink(start) ? start.toRealPath() : start;
        requireInside(folder, start.toRealPath());
        String namePrefix = folder.isEmpty() ? "" : folder + "/";
        String walkedName = walked.toString();
        String walkedPrefix = walkedName.endsWith(walked.getFileSystem().getSeparator())
                ? walkedName
                : walkedName + walked.getFileSystem().getSeparator();
        Files.walkFileTree(walked, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() || (attrs.isSymbolicLink() && Files.isRegularFile(file))) {
                    // The walk names each file by the walked folder's name and more, so the relative
                    // name is the rest of the string; Path.relativize costs more than the listing.
                    String name = file.toString();
                    String relative = name.startsWith(walkedPrefix)
                            ? name.substring(walkedPrefix.length())
                            : walked.relativize(file).toString();
                    found.accept(namePrefix + posix(relative), file, attrs);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                boolean skipped = !dir.equals(walked)
                        && dir.getFileName() != null
                        && skippedFolders.contains(dir.getFileName().toString());
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // deleted while listing
                }
                throw exc;
            }
        });
    }

    /** Reads only the one folder; links to folders are left out, as the listing does not follow them. */
    @Override
    public List<String> folders(String prefix) throws IOException {
        String folder = DatasourcePaths.check(prefix, description(), true);
        Path start = root.resolve(folder);
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        requireInside(folder, start.toRealPath());
        List<String> names = new ArrayList<>();
        try (var entries = Files.newDirectoryStream(start)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    names.add(entry.getFileName().toString());
                }
            }
        }
        Collections.sort(names);
        return names;
    }

    private static String posix(String relative) {
        return File.separatorChar == '/' ? relative : relative.replace(File.separatorChar, '/');
    }

    @Override
    public Optional<FileStat> stat(String path) throws IOException {
        String checked = DatasourcePaths.check(path, description(), false);
        Path file = root.resolve(checked);
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        requireInside(checked, real);
        BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class);
        if (!attrs.isRegularFile()) {
            return Optional.empty();
        }
        return Optional.of(new FileStat(attrs.size(), attrs.lastModifiedTime().toMillis()));
    }

    @Override
    public InputStream open(String path) throws IOException {
        return Channels.newInputStream(openFile(path));
    }

    @Override
    public SeekableByteChannel openSeekable(String path) throws IOException {
        return openFile(path);
    }

    @Override
    public byte[] readAllBytes(String path, long maxBytes) throws IOException {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("The size limit must be at least 0 bytes, but was " + maxBytes + ".");
        }
        // One read to the end instead of a size query first; a file larger than the limit shows by the
        // byte past it, so a file that grows while it is read is refused too.
        int cap = (int) (maxBytes >= MAX_ARRAY_BYTES ? MAX_ARRAY_BYTES : maxBytes + 1);
        try (FileChannel in = openFile(path)) {
            byte[] bytes = new byte[Math.min(cap, FIRST_READ_BYTES)];
            int length = 0;
            while (true) {
                if (length == bytes.length) {
                    if (length == cap) {
                        break;
                    }
                    bytes = Arrays.copyOf(bytes, (int) Math.min(cap, 2L * length));
                }
                int n = in.read(ByteBuffer.wrap(bytes, length, bytes.length - length));
                if (n < 0) {
                    break;
                }
                length += n;
            }
            if (length > maxBytes) {
                throw tooLarge(path, in.size(), maxBytes);
            }
            return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
        }
    }

    private FileTooLargeException tooLarge(String path, long size, long maxBytes) {
        return new FileTooLargeException(
                path,
                maxBytes,
                "The file '" + path + "' in " + description() + " is " + size + " bytes, larger than the limit of "
                        + maxBytes + " bytes.");
    }

    @Override
    public void writeAtomically(String path, byte[] contents) throws IOException {
        write(path, contents, true);
    }

    @Override
    public void writeAtomicallyWithoutSync(String path, byte[] contents) throws IOException {
        write(path, contents, false);
    }

    private void write(String path, byte[] contents, boolean sync) throws IOException {
        String checked = DatasourcePaths.check(path, description(), false);
        Path target = root.resolve(checked);
        createFolderInside(checked, folderOf(target));
        if (Files.isSymbolicLink(target)) {
            requireInside(checked, target.toRealPath());
        }
        AtomicWrite.write(target, contents, sync);
    }

    /** One open, write and close per file; the folder is created and checked on its first file only. */
    @Override
    public void writeInStaging(String path, byte[] contents) throws IOException {
        String checked = DatasourcePaths.check(path, description(), false);
        Path target = root.resolve(checked);
        Path parent = folderOf(target);
        if (!checkedFolders.contains(parent)) {
            createFolderInside(checked, parent);
            rememberChecked(parent);
        }
        try (FileChannel out = createNotFollowingLinks(target, checked)) {
            ByteBuffer buffer = ByteBuffer.wrap(contents);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        } catch (IOException e) {
            throw WriteFailure.naming(target, e);
        }
    }

    /** Creates or truncates {@code target}; a link in the way is replaced by the file, as a rename over it would be. */
    private FileChannel createNotFollowingLinks(Path target, String checked) throws IOException {
        try {
            return FileChannel.open(target, CREATE_NOT_FOLLOWING_LINKS);
        } catch (IOException e) {
            if (!Files.isSymbolicLink(target)) {
                throw e;
            }
            requireInside(checked, nearestExisting(folderOf(target)));
            Files.delete(target);
            return FileChannel.open(target, CREATE_NOT_FOLLOWING_LINKS);
        }
    }

    /** Removes the file or link itself, never what a link points to. */
    @Override
    public void delete(String path) throws IOException {
        String checked = DatasourcePaths.check(path, description(), false);
        Path target = root.resolve(checked);
        Path parent = folderOf(target);
        Path realParent;
        try {
            realParent = parent.toRealPath();
        } catch (NoSuchFileException e) {
            return;
        }
        requireInside(checked, realParent);
        Path file = realParent.resolve(target.getFileName());
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("The path '" + checked + "' in " + description() + " is a folder, not a file.");
        }
        Files.deleteIfExists(file);
    }

    @Override
    public boolean canMoveFolders() {
        return true;
    }

    @Override
    public void moveFolder(String from, String to) throws IOException {
        String source = DatasourcePaths.check(from, description(), false);
        String destination = DatasourcePaths.check(to, description(), false);
        Path sourceFolder = existingFolder(source);
        if (destination.equals(source) || destination.startsWith(source + "/")) {
            throw new IllegalArgumentException("The folder '" + source + "' in " + description()
                    + " cannot be moved to '" + destination + "', which is itself or inside it.");
        }
        Path target = root.resolve(destination);
        createFolderInside(destination, folderOf(target));
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(
                    destination, null, "cannot move the folder '" + source + "' there: it exists in " + description());
        }
        try {
            Files.move(sourceFolder, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(
                    "The file system of " + description() + " cannot rename the folder '" + source + "' in one step.",
                    e);
        }
        // The old names are gone; a folder made there later is checked afresh.
        checkedFolders.removeIf(p -> p.startsWith(sourceFolder));
    }

    @Override
    public boolean exchangeFolders(String a, String b) throws IOException {
        String first = DatasourcePaths.check(a, description(), false);
        String second = DatasourcePaths.check(b, description(), false);
        if (first.equals(second) || first.startsWith(second + "/") || second.startsWith(first + "/")) {
            throw new IllegalArgumentException("The folders '" + first + "' and '" + second + "' in " + description()
                    + " cannot be swapped: one is the other or inside it.");
        }
        Path firstFolder = existingFolder(first);
        Path secondFolder = existingFolder(second);
        if (!FolderExchange.exchange(firstFolder, secondFolder)) {
            return false;
        }
        checkedFolders.removeIf(p -> p.startsWith(firstFolder) || p.startsWith(secondFolder));
        return true;
    }

    @Override
    public void deleteFolder(String folder) throws IOException {
        String checked = DatasourcePaths.check(folder, description(), false);
        Path start;
        try {
            start = existingFolder(checked);
        } catch (NoSuchFileException e) {
            return;
        }
        LocalTrees.delete(start);
        checkedFolders.removeIf(p -> p.startsWith(start));
    }

    /** An existing folder inside the root that is itself not a link, its parent resolved inside the root. */
    private Path existingFolder(String checked) throws IOException {
        Path folder = root.resolve(checked);
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(checked, null, "no such folder in " + description());
        }
        if (!attrs.isDirectory()) {
            throw new NotDirectoryException("'" + checked + "' in " + description() + " is "
                    + (attrs.isSymbolicLink() ? "a link" : "a file") + ", not a folder");
        }
        requireInside(checked, folderOf(folder).toRealPath());
        return folder;
    }

    /** The folder that {@code path}, the root resolved with a checked path, sits in: the root at the least. */
    private Path folderOf(Path path) {
        Path parent = path.getParent();
        return parent == null ? root : parent;
    }

    private static Path nearestExisting(Path folder) throws IOException {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new NoSuchFileException(folder.toString());
        }
        return existing.toRealPath();
    }

    /**
     * Opens an existing file inside the root for reading. The quick way resolves only the file's
     * folder (once per folder) and opens the file itself without following a link; when the file is
     * a link, or anything else is unusual, the full check of {@link #existingFile} decides.
     */
    private FileChannel openFile(String path) throws IOException {
        String checked = DatasourcePaths.check(path, description(), false);
        Path file = root.resolve(checked);
        Path folder = file.getParent();
        if (folder != null && isCheckedFolder(folder)) {
            try {
                BasicFileAttributes attrs =
                        Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!attrs.isSymbolicLink()) {
                    requirePlainFile(checked, attrs);
                    return FileChannel.open(file, READ_NOT_FOLLOWING_LINKS);
                }
            } catch (NotPlainFileException e) {
                throw e;
            } catch (IOException e) {
                // a missing file, or one replaced since: the full check below says which
            }
        }
        Path real = existingFile(path);
        requirePlainFile(checked, Files.readAttributes(real, BasicFileAttributes.class));
        return FileChannel.open(real, StandardOpenOption.READ);
    }

    /**
     * Refuses what is not a plain file before it is opened: opening a named pipe (FIFO) for reading
     * waits until some program writes to it, and a device may never end. Listings leave them out,
     * but one may have taken a listed file's place since.
     */
    private void requirePlainFile(String path, BasicFileAttributes attrs) throws NotPlainFileException {
        if (!attrs.isRegularFile()) {
            throw new NotPlainFileException(path, description());
        }
    }

    /** A path that names a named pipe, a device, a socket or a folder where a file was expected. */
    static final class NotPlainFileException extends FileSystemException {
        private static final long serialVersionUID = 1L;

        NotPlainFileException(String path, String datasource) {
            super(
                    path,
                    null,
                    "not a plain file in " + datasource + " (a named pipe, device or folder), so it is not read");
        }
    }

    /** Whether {@code folder} (links not resolved) has its real path inside the root, remembered once proven. */
    private boolean isCheckedFolder(Path folder) {
        if (checkedFolders.contains(folder)) {
            return true;
        }
        Path real;
        try {
            real = folder.toRealPath();
        } catch (IOException e) {
            return false;
        }
        if (!real.startsWith(realRoot)) {
            return false;
        }
        rememberChecked(folder);
        return true;
    }

    private void rememberChecked(Path folder) {
        if (checkedFolders.size() < MAX_CHECKED_FOLDERS) {
            checkedFolders.add(folder);
        }
    }

    /**
     * Creates {@code folder}, the folder of the checked path {@code checked}, with its missing
     * parents; refused when the nearest existing one, or the folder itself once made, resolves
     * outside the root.
     */
    private void createFolderInside(String checked, Path folder) throws IOException {
        requireInside(checked, nearestExisting(folder));
        Files.createDirectories(folder);
        requireInside(checked, folder.toRealPath());
    }

    /** The real path of an existing file inside the root. */
    private Path existingFile(String path) throws IOException {
        String checked = DatasourcePaths.check(path, description(), false);
        Path real;
        try {
            real = root.resolve(checked).toRealPath();
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(checked, null, "no such file in " + description());
        }
        requireInside(checked, real);
        return real;
    }

    private void requireInside(String path, Path real) throws PathOutsideRootException {
        if (!real.startsWith(realRoot)) {
            throw new PathOutsideRootException("The path '" + path + "' resolves through a link to " + real
                    + ", outside the datasource root " + description() + ".");
        }
    }

    @Override
    public String toString() {
        return "LocalDatasource[" + root + "]";
    }
}
