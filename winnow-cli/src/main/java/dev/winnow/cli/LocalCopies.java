package dev.winnow.cli;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocalTrees;
import dev.winnow.datasource.Locations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Local copies of objects named on the command line ({@code --categories s3://bucket/classes.txt})
 * for readers that take a file on disk, and the way back from a copy's path to the location the user
 * wrote, so that every message names the object and not the copy. Each copy keeps its object's file
 * name, which readers show and look at (a {@code .json} or {@code .yaml} ending). A missing object
 * gets no copy: its path is handed out all the same, and the reader reports the missing file as it
 * does on disk. Closing deletes the copies.
 */
final class LocalCopies implements AutoCloseable {
    /** Each copy's path, as text, with the location it stands for. */
    private final Map<String, String> locations = new LinkedHashMap<>();

    private @Nullable Path folder;

    /**
     * A local file with the contents of the object {@code name} in the folder {@code folderLocation}
     * (a bucket location), or a path where no file is when the object does not exist.
     *
     * @throws dev.winnow.datasource.LocationAccessException when the bucket is missing or denies the read
     */
    synchronized Path copy(String folderLocation, String name) throws IOException {
        Path copies = folder;
        if (copies == null) {
            copies = Files.createTempDirectory("winnow-files-");
            folder = copies;
        }
        Path copy = copies.resolve(Integer.toString(locations.size())).resolve(name);
        Files.createDirectories(copy.getParent());
        locations.put(copy.toString(), folderLocation + "/" + name);
        Datasource source = Locations.open(folderLocation);
        try (InputStream in = source.open(name)) {
            Files.copy(in, copy);
        } catch (NoSuchFileException e) {
            Files.deleteIfExists(copy);
            return copy;
        }
        // The object's time, so that a reader that tells files apart by size and time sees the object's.
        Optional<Datasource.FileStat> stat = source.stat(name);
        if (stat.isPresent()) {
            Files.setLastModifiedTime(copy, FileTime.fromMillis(stat.get().lastModifiedMillis()));
        }
        return copy;
    }

    /** {@code text} with the path of every copy replaced by the location it was copied from. */
    synchronized String named(String text) {
        String named = text;
        for (Map.Entry<String, String> copy : locations.entrySet()) {
            named = named.replace(copy.getKey(), copy.getValue());
        }
        return named;
    }

    /** The location a copy stands for, or the path itself for a file that is no copy. */
    synchronized String locationOf(Path file) {
        return locations.getOrDefault(file.toString(), file.toString());
    }

    @Override
    public synchronized void close() {
        if (folder != null) {
            try {
                LocalTrees.delete(folder);
            } catch (IOException e) {
                // Copies left in the temporary folder are the system's to clean; the command is done.
            }
            folder = null;
            locations.clear();
        }
    }
}
