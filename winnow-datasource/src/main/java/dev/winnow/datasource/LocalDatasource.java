package dev.winnow.datasource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

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
 * <p>Thread-safe: it holds no mutable state.
 */
public final class LocalDatasource implements Datasource {
    private static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

    private final Path root;
    private final Path realRoot;

    private LocalDatasource(Path root, Path realRoot) {
        this.root = root;
        this.realRoot = realRoot;
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
        return root.toString();
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

    @Override
    public List<String> list(String prefix) throws IOException {
        String folder = DatasourcePaths.check(prefix, description(), true);
        Path start = root.resolve(folder);
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        // A prefix reached through a link is walked at its real place and named by the prefix.
        Path walked = Files.isSymbolicLink(start) ? start.toRealPath() : start;
        requireInside(folder, start.toRealPath());
        String namePrefix = folder.isEmpty() ? "" : folder + "/";
        List<String> paths = new ArrayList<>();
        Files.walkFileTree(walked, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() || (attrs.isSymbolicLink() && Files.isRegularFile(file))) {
                    paths.add(namePrefix + posix(walked.relativize(file)));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // deleted while listing
                }
                throw exc;
            }
        });
        Collections.sort(paths);
        return paths;
    }

    private static String posix(Path relativePath) {
        String relative = relativePath.toString();
        return java.io.File.separatorChar == '/' ? relative : relative.replace(java.io.File.separatorChar, '/');
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
        return Files.newInputStream(existingFile(path));
    }

    @Override
    public SeekableByteChannel openSeekable(String path) throws IOException {
        return FileChannel.open(existingFile(path), StandardOpenOption.READ);
    }

    @Override
    public byte[] readAllBytes(String path, long maxBytes) throws IOException {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("The size limit must be at least 0 bytes, but was " + maxBytes + ".");
        }
        Path file = existingFile(path);
        long size = Files.size(file);
        if (size > maxBytes) {
            throw tooLarge(path, size, maxBytes);
        }
        // The file may grow between the size check and the read: read one byte past the limit to notice.
        int cap = (int) (maxBytes >= MAX_ARRAY_BYTES ? MAX_ARRAY_BYTES : maxBytes + 1);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(cap);
            if (bytes.length > maxBytes) {
                throw tooLarge(path, Files.size(file), maxBytes);
            }
            return bytes;
        }
    }

    private FileTooLargeException tooLarge(String path, long size, long maxBytes) {
        return new FileTooLargeException(path, maxBytes, "The file '" + path + "' in " + description() + " is " + size
                + " bytes, larger than the limit of " + maxBytes + " bytes.");
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
        Path parent = target.getParent();
        requireInside(checked, nearestExisting(parent));
        Files.createDirectories(parent);
        requireInside(checked, parent.toRealPath());
        if (Files.isSymbolicLink(target)) {
            requireInside(checked, target.toRealPath());
        }
        AtomicWrite.write(target, contents, sync);
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
