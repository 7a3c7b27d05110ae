package dev.winnow.cli;

import dev.winnow.datasource.AtomicWrite;
import dev.winnow.datasource.FileTooLargeException;
import dev.winnow.datasource.Locations;
import dev.winnow.datasource.UnsupportedLocationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * A single file named on the command line ({@code --annotations}, {@code --out}...): a local path,
 * or an object in a bucket ({@code s3://bucket/folder/instances.json}). Readers that need a local
 * file get the object copied into a temporary folder under its own name; writes to a bucket are one
 * atomic PUT.
 */
final class FileLocation {
    private final String text;

    private FileLocation(String text) {
        this.text = text;
    }

    /** Picocli's conversion of an option value. */
    static final class Converter implements CommandLine.ITypeConverter<FileLocation> {
        @Override
        public FileLocation convert(String value) {
            return new FileLocation(value);
        }
    }

    boolean isCloud() {
        return Locations.isCloud(text);
    }

    /** The local path; only for a location that is not in a bucket. */
    Path localPath() {
        return Path.of(text);
    }

    /** The location's folder and the file's name in it. */
    private record Parts(String folder, String name) {}

    /** Fails with a sentence when a bucket location names no file (the bucket or a folder itself). */
    void requireFile() throws UnsupportedLocationException {
        if (isCloud()) {
            parts();
        }
    }

    private Parts parts() throws UnsupportedLocationException {
        int slash = text.lastIndexOf('/');
        int bucketStart = text.indexOf("://") + 3;
        if (slash < bucketStart || slash == text.length() - 1 || text.indexOf('/', bucketStart) < 0) {
            throw new UnsupportedLocationException("The location " + text + " names a bucket or folder, not a file; "
                    + "expected a file such as " + text.replaceAll("/+$", "") + "/file.json.");
        }
        return new Parts(text.substring(0, slash), text.substring(slash + 1));
    }

    /**
     * A local file with the location's contents: the path itself, or a copy of the object made by
     * {@code copies}, whose messages then name this location (a missing object has a path with no
     * file, so readers report it as they report a missing file on disk).
     */
    Path forReading(LocalCopies copies) throws IOException {
        if (!isCloud()) {
            return localPath();
        }
        Parts parts = parts();
        return copies.copy(parts.folder(), parts.name());
    }

    /**
     * The file's bytes; an object larger than {@code maxBytes} is refused.
     *
     * @throws java.nio.file.NoSuchFileException when there is no such file or object
     */
    byte[] read(long maxBytes) throws IOException {
        if (!isCloud()) {
            if (!Files.isRegularFile(localPath())) {
                throw new NoSuchFileException(text);
            }
            if (Files.size(localPath()) > maxBytes) {
                throw new FileTooLargeException(text, maxBytes, text + " is larger than " + maxBytes + " bytes.");
            }
            return Files.readAllBytes(localPath());
        }
        Parts parts = parts();
        return Locations.open(parts.folder()).readAllBytes(parts.name(), maxBytes);
    }

    /** The folder holding the file, as a location string: a bucket location, or a local folder path. */
    String folder() throws UnsupportedLocationException {
        if (!isCloud()) {
            Path parent = localPath().toAbsolutePath().getParent();
            return parent == null ? "/" : parent.toString();
        }
        return parts().folder();
    }

    /** Writes {@code contents} to the location whole: atomically on disk, as one PUT in a bucket. */
    void write(byte[] contents) throws IOException {
        if (!isCloud()) {
            Path target = localPath().toAbsolutePath().normalize();
            Files.createDirectories(target.getParent());
            AtomicWrite.write(target, contents, true);
            return;
        }
        Parts parts = parts();
        Locations.openOrCreate(parts.folder()).writeAtomically(parts.name(), contents);
    }

    @Override
    public String toString() {
        return text;
    }
}
