package dev.winnow.embed;

import dev.winnow.format.io.Csv;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Embeddings the user computed elsewhere, read from a CSV file in the layout
 * {@code filenames,embedding_0,...,embedding_{d-1},labels} (the {@code labels} column is optional
 * and holds an integer per row). Every row is L2-normalised on reading, like the embeddings Winnow
 * computes itself.
 *
 * <pre>{@code
 * PrecomputedEmbeddings file = PrecomputedEmbeddings.read(Path.of("embeddings.csv"));
 * float[][] rows = file.require(sampleNames); // fails naming the samples without a row
 * }</pre>
 *
 * <p>The file is read line by line with a bound on the line length, so a malformed file costs
 * bounded memory; the rows themselves are held in one float array. Errors name the file, the line
 * and the column. Immutable after reading and thread-safe.
 */
public final class PrecomputedEmbeddings implements EmbeddingSource {

    /** Lines longer than this are refused rather than buffered. */
    public static final int MAX_LINE_LENGTH = 1 << 20;

    private static final int MAX_LISTED = 5;

    private final String file;
    private final int dimension;
    private final List<String> filenames;
    private final Map<String, Integer> rowOf;
    private final float[] values;
    private final int[] labels;

    private PrecomputedEmbeddings(
            String file,
            int dimension,
            List<String> filenames,
            Map<String, Integer> rowOf,
            float[] values,
            int[] labels) {
        this.file = file;
        this.dimension = dimension;
        this.filenames = filenames;
        this.rowOf = rowOf;
        this.values = values;
        this.labels = labels;
    }

    /** Reads a whole embeddings file. */
    public static PrecomputedEmbeddings read(Path path) {
        return read(path, path.toString());
    }

    /** Reads a whole embeddings file; {@code name} is the file's name in messages (a local copy's origin). */
    public static PrecomputedEmbeddings read(Path path, String name) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(reader, name);
        } catch (NoSuchFileException e) {
            throw new EmbeddingException("The embeddings file '" + name + "' does not exist.");
        } catch (IOException e) {
            throw new EmbeddingException(
                    "The embeddings file '" + name + "' could not be read: " + e.getMessage() + ".", e);
        }
    }

    /** Reads embeddings from {@code reader}; {@code name} is the file name used in messages. */
    public static PrecomputedEmbeddings read(Reader reader, String name) throws IOException {
        BoundedLineReader lines = new BoundedLineReader(reader, name);
        String header = lines.next();
        if (header == null) {
            throw new EmbeddingException("The embeddings file '" + name + "' is empty; expected the header "
                    + "'filenames,embedding_0,...,embedding_{d-1},labels'.");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        List<String> columns;
        try {
            columns = Csv.split(header);
        } catch (IllegalArgumentException e) {
            throw new EmbeddingException(
                    "The header of the embeddings file '" + name + "' cannot be read: " + e.getMessage() + ".");
        }
        boolean hasLabels = validateHeader(columns, name);
        int dimension = columns.size() - 1 - (hasLabels ? 1 : 0);

        List<String> filenames = new ArrayList<>();
        Map<String, Integer> rowOf = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        float[] values = new float[dimension * 1024];
        int[] labels = new int[1024];
        String line;
        while ((line = lines.next()) != null) {
            int lineNumber = lines.lineNumber();
            if (line.isEmpty()) {
                continue;
            }
            List<String> fields;
            try {
                fields = Csv.split(line);
            } catch (IllegalArgumentException e) {
                throw new EmbeddingException("Line " + lineNumber + " of the embeddings file '" + name
                        + "' cannot be read: " + e.getMessage() + ".");
            }
            if (fields.size() != columns.size()) {
                throw new EmbeddingException("Line " + lineNumber + " of the embeddings file '" + name + "' has "
                        + fields.size() + " columns, but the header has " + columns.size() + ".");
            }
            String filename = fields.get(0);
            if (filename.isEmpty()) {
                throw new EmbeddingException(
                        "Line " + lineNumber + " of the embeddings file '" + name + "' has an empty file name.");
            }
            Integer earlier = lineOf.putIfAbsent(filename, lineNumber);
            if (earlier != null) {
                throw new EmbeddingException("Line " + lineNumber + " of the embeddings file '" + name
                        + "' repeats the file name '" + filename + "' of line " + earlier + ".");
            }
            int row = filenames.size();
            if ((row + 1) * dimension > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, (row + 1) * dimension));
            }
            if (row >= labels.length) {
                labels = Arrays.copyOf(labels, labels.length * 2);
            }
            for (int k = 0; k < dimension; k++) {
                values[row * dimension + k] = number(fields.get(k + 1), columns.get(k + 1), lineNumber, name);
            }
            labels[row] = hasLabels ? label(fields.get(columns.size() - 1), lineNumber, name) : 0;
            normalizeRow(values, row * dimension, dimension);
            filenames.add(filename);
            rowOf.put(filename, row);
        }
        int rows = filenames.size();
        return new PrecomputedEmbeddings(
                name,
                dimension,
                List.copyOf(filenames),
                rowOf,
                Arrays.copyOf(values, rows * dimension),
                Arrays.copyOf(labels, rows));
    }

    /** Checks {@code filenames,embedding_0..embedding_{d-1}[,labels]}; true when the labels column is there. */
    private static boolean validateHeader(List<String> columns, String name) {
        if (!columns.get(0).equals("filenames")) {
            throw new EmbeddingException("The embeddings file '" + name + "' starts its header with '" + columns.get(0)
                    + "'; expected 'filenames'.");
        }
        boolean hasLabels = columns.get(columns.size() - 1).equals("labels");
        int dimension = columns.size() - 1 - (hasLabels ? 1 : 0);
        if (dimension == 0) {
            throw new EmbeddingException("The header of the embeddings file '" + name
                    + "' has no embedding columns; expected 'embedding_0' after 'filenames'.");
        }
        for (int k = 0; k < dimension; k++) {
            String expected = "embedding_" + k;
            if (!columns.get(k + 1).equals(expected)) {
                throw new EmbeddingException("Column " + (k + 2) + " of the header of the embeddings file '" + name
                        + "' is '" + columns.get(k + 1) + "'; expected '" + expected + "'.");
            }
        }
        return hasLabels;
    }

    private static float number(String text, String column, int line, String name) {
        float value;
        try {
            value = Float.parseFloat(text);
        } catch (NumberFormatException e) {
            value = Float.NaN;
        }
        if (!Float.isFinite(value) || text.isBlank() || Character.isLetter(text.charAt(text.length() - 1))) {
            throw new EmbeddingException("Line " + line + " of the embeddings file '" + name + "' has '" + text
                    + "' in column '" + column + "'; expected a finite number.");
        }
        return value;
    }

    private static int label(String text, int line, String name) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new EmbeddingException("Line " + line + " of the embeddings file '" + name + "' has '" + text
                    + "' in column 'labels'; expected an integer.");
        }
    }

    private static void normalizeRow(float[] values, int from, int dimension) {
        Vectors.normalizeRange(values, from, from + dimension, 1f);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** The number of rows. */
    public int size() {
        return filenames.size();
    }

    /** The file names in the order of the file. */
    public List<String> filenames() {
        return filenames;
    }

    /** The (L2-normalised) embedding of a sample, as a copy. */
    public Optional<float[]> find(String filename) {
        Integer row = rowOf.get(filename);
        return row == null
                ? Optional.empty()
                : Optional.of(Arrays.copyOfRange(values, row * dimension, (row + 1) * dimension));
    }

    /** The label of a sample's row (0 when the file has no labels column). */
    public Optional<Integer> label(String filename) {
        Integer row = rowOf.get(filename);
        return row == null ? Optional.empty() : Optional.of(labels[row]);
    }

    /** The samples among {@code filenames} that have no row, in the order given. */
    public List<String> missing(Collection<String> wanted) {
        List<String> missing = new ArrayList<>();
        for (String name : wanted) {
            if (!rowOf.containsKey(name)) {
                missing.add(name);
            }
        }
        return missing;
    }

    /**
     * One embedding per sample, in the order given.
     *
     * @throws EmbeddingException naming up to five samples without a row, and how many there are
     */
    public float[][] require(List<String> wanted) {
        List<String> missing = missing(wanted);
        if (!missing.isEmpty()) {
            String listed = String.join(", ", missing.subList(0, Math.min(MAX_LISTED, missing.size())));
            String more = missing.size() > MAX_LISTED ? " and " + (missing.size() - MAX_LISTED) + " more" : "";
            throw new EmbeddingException("The embeddings file '" + file + "' has no row for " + missing.size()
                    + (missing.size() == 1 ? " sample: " : " samples: ") + listed + more + ".");
        }
        float[][] out = new float[wanted.size()][];
        for (int i = 0; i < out.length; i++) {
            int row = Objects.requireNonNull(rowOf.get(wanted.get(i)), "a row, as no sample is missing");
            out[i] = Arrays.copyOfRange(values, row * dimension, (row + 1) * dimension);
        }
        return out;
    }

    /** Nothing to release; the rows stay readable. */
    @Override
    public void close() {}

    @Override
    public String toString() {
        return "embeddings from '" + file + "' (" + size() + " rows, " + dimension + " dimensions)";
    }

    /** Reads lines (LF or CRLF) through its own buffer and refuses one longer than {@link #MAX_LINE_LENGTH}. */
    private static final class BoundedLineReader {
        private final Reader reader;
        private final String name;
        private final char[] buffer = new char[1 << 16];
        private final StringBuilder line = new StringBuilder();
        private int position;
        private int limit;
        private int lineNumber;

        BoundedLineReader(Reader reader, String name) {
            this.reader = Objects.requireNonNull(reader);
            this.name = name;
        }

        @Nullable
        String next() throws IOException {
            line.setLength(0);
            boolean any = false;
            while (true) {
                if (position == limit) {
                    limit = reader.read(buffer, 0, buffer.length);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        if (!any) {
                            return null;
                        }
                        break;
                    }
                }
                if (!any) {
                    any = true;
                    lineNumber++;
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                if (line.length() + (position - start) > MAX_LINE_LENGTH) {
                    throw new EmbeddingException("Line " + lineNumber + " of the embeddings file '" + name
                            + "' is longer than " + MAX_LINE_LENGTH + " characters.");
                }
                line.append(buffer, start, position - start);
                if (position < limit) {
                    position++; // the line feed
                    break;
                }
            }
            int end = line.length();
            if (end > 0 && line.charAt(end - 1) == '\r') {
                line.setLength(end - 1);
            }
            return line.toString();
        }

        int lineNumber() {
            return lineNumber;
        }
    }
}
