package dev.winnow.run;

import dev.winnow.datasource.AtomicWrite;
import dev.winnow.datasource.LocalTrees;
import dev.winnow.datasource.WriteFailure;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The folder of one run, {@code .winnow/runs/<run-id>/}, built under the temporary name
 * {@code .winnow/runs/.<run-id>.partial/} and renamed into place by {@link #commit()}, so that a run
 * killed at any point leaves either no run folder or a complete one. Leftovers of an interrupted run
 * with the same id are removed when the next one starts. The last file written before the rename is
 * the marker {@value #COMPLETE}, the same a run into a bucket writes last ({@link RemoteRunOutput}),
 * so a complete run is recognised the same way everywhere.
 *
 * <p>Not thread-safe; one pipeline owns it.
 */
public final class RunFolder {
    /** The runs' folder inside {@code .winnow/}. */
    public static final String RUNS = "runs";
    /** The file a run writes last: a run folder without it is an interrupted run, never read as a result. */
    public static final String COMPLETE = "run.complete";

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final Path staging;
    private final Path target;
    private boolean committed;

    private RunFolder(Path staging, Path target) {
        this.staging = staging.toAbsolutePath().normalize();
        this.target = target;
    }

    /**
     * Starts the folder of run {@code runId} under {@code winnowFolder}. Fails with an
     * {@link IllegalArgumentException} when the id is not a plain name or a run of that id exists.
     */
    public static RunFolder start(Path winnowFolder, String runId) throws IOException {
        requireValidId(runId);
        Path runs = winnowFolder.resolve(RUNS);
        Path target = runs.resolve(runId);
        if (Files.exists(target)) {
            throw new IllegalArgumentException("A run with the id '" + runId + "' already exists at " + target
                    + "; choose another --run-id or delete that folder.");
        }
        Path staging = runs.resolve("." + runId + ".partial");
        LocalTrees.delete(staging);
        Files.createDirectories(staging);
        return new RunFolder(staging, target);
    }

    /** Whether a run id names a complete run under {@code winnowFolder} (its folder holds {@value #COMPLETE}). */
    public static Predicate<String> completedIn(Path winnowFolder) {
        Path runs = winnowFolder.resolve(RUNS);
        return runId -> RUN_ID.matcher(runId).matches()
                && Files.isRegularFile(runs.resolve(runId).resolve(COMPLETE));
    }

    /** Fails unless {@code runId} is 1 to 128 letters, digits, dots, dashes or underscores, not starting with a dot. */
    public static void requireValidId(String runId) {
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException(
                    "The run id '" + runId + "' is not allowed; use 1 to 128 letters, digits, '.', '-' "
                            + "or '_', starting with a letter or digit.");
        }
    }

    /**
     * Writes one file of the run (atomically, though the whole folder only appears at {@link #commit()}).
     * {@code fileName} may name sub-folders ({@code crops/detections/a/b.png}); they are created.
     * Safe to call from several threads for different files.
     */
    public void write(String fileName, byte[] contents) throws IOException {
        if (committed) {
            throw new IllegalStateException("The run folder " + target + " is already complete; no file can be added.");
        }
        Path file = inside(fileName);
        Files.createDirectories(file.getParent());
        AtomicWrite.write(file, contents, true);
    }

    /** The path of {@code fileName} in the staging folder; a name that leaves it is refused. */
    private Path inside(String fileName) {
        Path file = staging.resolve(fileName).normalize();
        if (!file.startsWith(staging) || file.equals(staging)) {
            throw new IllegalArgumentException("The run file name '" + fileName + "' leaves the run folder.");
        }
        return file;
    }

    public void writeString(String fileName, String text) throws IOException {
        write(fileName, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes one file of the run through {@code content}, streamed to disk rather than held in
     * memory (for the per-sample CSVs of large runs); it appears with the folder at {@link #commit()}.
     */
    public void write(String fileName, WriterContent content) throws IOException {
        if (committed) {
            throw new IllegalStateException("The run folder " + target + " is already complete; no file can be added.");
        }
        Path file = inside(fileName);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                Writer out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16)) {
            content.writeTo(out);
            out.flush();
            channel.force(true);
        } catch (IOException e) {
            throw WriteFailure.naming(file, e);
        }
    }

    /** Writes a file's text to a writer. */
    @FunctionalInterface
    public interface WriterContent {
        void writeTo(Writer out) throws IOException;
    }

    /** Renames the finished folder into place and returns where it now is. */
    public Path commit() throws IOException {
        if (Files.exists(target)) {
            throw new IOException("A run folder appeared at " + target
                    + " while this run was writing; its results stay in " + staging + ".");
        }
        write(COMPLETE, new byte[0]);
        AtomicWrite.move(staging, target);
        committed = true;
        return target;
    }

    /** Removes what a run that did not finish wrote; nothing once {@link #commit()} has moved the folder into place. */
    public void discardUnlessCommitted() throws IOException {
        if (!committed) {
            LocalTrees.delete(staging);
        }
    }

    /** Where the finished run will be (or is). */
    public Path target() {
        return target;
    }
}
