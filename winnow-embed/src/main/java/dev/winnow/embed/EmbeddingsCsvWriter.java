package dev.winnow.embed;

import dev.winnow.format.io.Csv;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Writes embeddings as CSV, one row at a time, in the layout {@link PrecomputedEmbeddings} reads
 * and other curation tools exchange: {@code filenames,embedding_0,...,embedding_{d-1},labels}.
 * Numbers are written in their shortest exact form ({@link Float#toString}), so reading the file
 * back gives the same floats.
 *
 * <pre>{@code
 * try (EmbeddingsCsvWriter csv = EmbeddingsCsvWriter.createAtomically(runDir.resolve("embeddings.csv"), 64)) {
 *     csv.append("a/img.png", vector);
 *     csv.commit(); // renames the finished temporary file into place
 * }
 * }</pre>
 *
 * <p>With {@link #createAtomically} nothing appears under the target name until {@link #commit()};
 * closing without committing deletes the temporary file, so an interrupted run leaves the previous
 * file untouched. Not thread-safe.
 */
public final class EmbeddingsCsvWriter implements AutoCloseable {

    private final Writer out;
    private final int dimension;
    /** Both set for {@link #createAtomically}, both null for a writer the caller owns. */
    private final @Nullable Path temporary;

    private final @Nullable Path target;
    private final StringBuilder line = new StringBuilder(256);
    private boolean closed;

    private EmbeddingsCsvWriter(Writer out, int dimension, @Nullable Path temporary, @Nullable Path target) {
        this.out = out;
        this.dimension = dimension;
        this.temporary = temporary;
        this.target = target;
    }

    /** Writes to {@code out} (the caller closes it); the header is written at once. */
    public static EmbeddingsCsvWriter to(Writer out, int dimension) throws IOException {
        EmbeddingsCsvWriter writer =
                new EmbeddingsCsvWriter(Objects.requireNonNull(out, "out"), checked(dimension), null, null);
        writer.header();
        return writer;
    }

    /**
     * Writes to a temporary file beside {@code target} (its folder is created), which
     * {@link #commit()} renames to {@code target}.
     */
    public static EmbeddingsCsvWriter createAtomically(Path target, int dimension) throws IOException {
        checked(dimension);
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null) {
            throw new IOException(
                    "Cannot write embeddings to " + absolute + ": it is a file system's root, not a file.");
        }
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
        Writer out = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(temporary), StandardCharsets.UTF_8), 1 << 16);
        EmbeddingsCsvWriter writer = new EmbeddingsCsvWriter(out, dimension, temporary, absolute);
        try {
            writer.header();
        } catch (IOException e) {
            writer.close();
            throw e;
        }
        return writer;
    }

    /** Writes a whole file atomically. */
    public static void write(Path target, int dimension, List<String> filenames, float[][] embeddings)
            throws IOException {
        if (filenames.size() != embeddings.length) {
            throw new IllegalArgumentException("There are " + filenames.size() + " file names but " + embeddings.length
                    + " embeddings; expected one embedding per file name.");
        }
        try (EmbeddingsCsvWriter writer = createAtomically(target, dimension)) {
            for (int i = 0; i < embeddings.length; i++) {
                writer.append(filenames.get(i), embeddings[i]);
            }
            writer.commit();
        }
    }

    private static int checked(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("The dimension must be at least 1, but was " + dimension + ".");
        }
        return dimension;
    }

    private void header() throws IOException {
        line.setLength(0);
        line.append("filenames");
        for (int k = 0; k < dimension; k++) {
            line.append(",embedding_").append(k);
        }
        line.append(",labels\n");
        out.write(line.toString());
    }

    /** Appends a row with label 0. */
    public void append(String filename, float[] embedding) throws IOException {
        append(filename, embedding, 0);
    }

    /** Appends a row. */
    public void append(String filename, float[] embedding, int label) throws IOException {
        if (closed) {
            throw new IllegalStateException("This embeddings writer is closed; no more rows can be appended.");
        }
        Objects.requireNonNull(filename, "filename");
        if (filename.isEmpty() || filename.indexOf('\n') >= 0 || filename.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("The file name '" + filename
                    + "' cannot be written to an embeddings file; " + "expected a non-empty name without line breaks.");
        }
        if (embedding.length != dimension) {
            throw new IllegalArgumentException("The embedding of '" + filename + "' has " + embedding.length
                    + " values; expected " + dimension + ".");
        }
        line.setLength(0);
        line.append(Csv.quote(filename));
        for (float value : embedding) {
            if (!Float.isFinite(value)) {
                throw new IllegalArgumentException(
                        "The embedding of '" + filename + "' holds " + value + "; expected finite numbers only.");
            }
            line.append(',').append(value);
        }
        line.append(',').append(label).append('\n');
        out.write(line.toString());
    }

    /** Finishes the file and moves it to its target name (only for {@link #createAtomically}). */
    public void commit() throws IOException {
        if (target == null || temporary == null) {
            throw new IllegalStateException("Only a writer made by createAtomically has a file to commit.");
        }
        if (closed) {
            throw new IllegalStateException("This embeddings writer is closed; it can no longer be committed.");
        }
        closed = true;
        out.close();
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Flushes the writer; for {@link #createAtomically}, deletes the temporary file unless committed. */
    @Override
    public void close() throws IOException {
        if (target == null || temporary == null) {
            out.flush();
            return;
        }
        if (!closed) {
            closed = true;
            try {
                out.close();
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
