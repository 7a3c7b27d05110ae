package dev.winnow.select;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@link SelectionInputs} held in memory, built once the pipeline has computed everything. Every
 * array must have one entry per sample (class tables one row per sample); the builder checks
 * this and says which input is off.
 *
 * <pre>{@code
 * SelectionInputs inputs = InMemorySelectionInputs.builder(names)
 *         .embeddings(new EmbeddingMatrix(rows, 64))
 *         .scores("detection", "uncertainty_entropy", entropy)
 *         .metadata("lightly.sharpness", sharpness)
 *         .build();
 * }</pre>
 *
 * <p>Immutable once built (arrays are not copied; do not change them afterwards).
 */
public final class InMemorySelectionInputs implements SelectionInputs {

    private final List<String> names;
    private final Map<Optional<String>, EmbeddingMatrix> embeddings;
    private final Map<Optional<String>, EmbeddingMatrix> earlier;
    private final Map<String, Map<String, double[]>> scores;
    private final Map<String, ClassTable> distributions;
    private final Map<String, ClassTable> counts;
    private final Map<String, double[]> metadata;
    private final Function<String, List<String>> queryFiles;

    private InMemorySelectionInputs(Builder b) {
        this.names = b.names;
        this.embeddings = Map.copyOf(b.embeddings);
        this.earlier = Map.copyOf(b.earlier);
        Map<String, Map<String, double[]>> s = new HashMap<>();
        b.scores.forEach((task, byName) -> s.put(task, Map.copyOf(byName)));
        this.scores = Map.copyOf(s);
        this.distributions = Map.copyOf(b.distributions);
        this.counts = Map.copyOf(b.counts);
        this.metadata = Map.copyOf(b.metadata);
        this.queryFiles = b.queryFiles;
    }

    /** Starts inputs for the given samples, in selection order. */
    public static Builder builder(List<String> sampleNames) {
        return new Builder(sampleNames);
    }

    @Override
    public List<String> sampleNames() {
        return names;
    }

    @Override
    public Optional<EmbeddingMatrix> embeddings(Optional<String> task) {
        return Optional.ofNullable(embeddings.get(task));
    }

    @Override
    public Optional<EmbeddingMatrix> earlierSelections(Optional<String> task) {
        return Optional.ofNullable(earlier.get(task));
    }

    @Override
    public Set<String> tasks() {
        Set<String> tasks = new TreeSet<>(scores.keySet());
        tasks.addAll(distributions.keySet());
        tasks.addAll(counts.keySet());
        embeddings.keySet().forEach(t -> t.ifPresent(tasks::add));
        return tasks;
    }

    @Override
    public Set<String> scoreNames(String task) {
        return scores.getOrDefault(task, Map.of()).keySet();
    }

    @Override
    public double[] scores(String task, String score) {
        double[] values = scores.getOrDefault(task, Map.of()).get(score);
        if (values == null) {
            throw new SelectionException("Task '" + task + "' has no score '" + score + "'.");
        }
        return values;
    }

    @Override
    public ClassTable classDistribution(String task) {
        ClassTable table = distributions.get(task);
        if (table == null) {
            throw new SelectionException("Task '" + task + "' has no class distributions.");
        }
        return table;
    }

    @Override
    public ClassTable categoryCounts(String task) {
        ClassTable table = counts.get(task);
        if (table == null) {
            throw new SelectionException("Task '" + task + "' has no category counts.");
        }
        return table;
    }

    @Override
    public Set<String> metadataKeys() {
        return metadata.keySet();
    }

    @Override
    public double[] metadata(String key) {
        double[] values = metadata.get(key);
        if (values == null) {
            throw new SelectionException("No sample has the metadata key '" + key + "'.");
        }
        return values;
    }

    @Override
    public List<String> queryFile(String path) {
        return queryFiles.apply(path);
    }

    /** Collects the inputs; each method checks that its values cover every sample. */
    public static final class Builder {
        private final List<String> names;
        private final Map<Optional<String>, EmbeddingMatrix> embeddings = new HashMap<>();
        private final Map<Optional<String>, EmbeddingMatrix> earlier = new HashMap<>();
        private final Map<String, Map<String, double[]>> scores = new LinkedHashMap<>();
        private final Map<String, ClassTable> distributions = new HashMap<>();
        private final Map<String, ClassTable> counts = new HashMap<>();
        private final Map<String, double[]> metadata = new HashMap<>();
        private Function<String, List<String>> queryFiles = path -> {
            throw new SelectionException(
                    "Query files cannot be read here; list the query samples in 'query_filenames'.");
        };

        private Builder(List<String> names) {
            this.names = List.copyOf(names);
        }

        /** The samples' image-level embeddings, one row per sample. */
        public Builder embeddings(EmbeddingMatrix matrix) {
            return embeddings(Optional.empty(), matrix);
        }

        /** Embeddings for a task's object crops (empty task: image level), one row per sample. */
        public Builder embeddings(Optional<String> task, EmbeddingMatrix matrix) {
            requireRows("The embeddings" + task.map(t -> " of task '" + t + "'").orElse(""), matrix.count());
            embeddings.put(task, matrix);
            return this;
        }

        /** Embeddings of samples selected by earlier runs (any number of rows). */
        public Builder earlierSelections(Optional<String> task, EmbeddingMatrix matrix) {
            earlier.put(task, Objects.requireNonNull(matrix, "matrix"));
            return this;
        }

        public Builder scores(String task, String score, double[] values) {
            requireRows("The score '" + score + "' of task '" + task + "'", values.length);
            scores.computeIfAbsent(task, t -> new LinkedHashMap<>()).put(score, values);
            return this;
        }

        public Builder classDistribution(String task, ClassTable table) {
            requireRows("The class distribution of task '" + task + "'", table.samples());
            distributions.put(task, table);
            return this;
        }

        public Builder categoryCounts(String task, ClassTable table) {
            requireRows("The category counts of task '" + task + "'", table.samples());
            counts.put(task, table);
            return this;
        }

        public Builder metadata(String key, double[] values) {
            requireRows("The metadata '" + key + "'", values.length);
            metadata.put(key, values);
            return this;
        }

        /** How a SIMILARITY strategy's {@code query_file} is read: path to sample names. */
        public Builder queryFiles(Function<String, List<String>> reader) {
            this.queryFiles = Objects.requireNonNull(reader, "reader");
            return this;
        }

        public InMemorySelectionInputs build() {
            return new InMemorySelectionInputs(this);
        }

        private void requireRows(String what, int rows) {
            if (rows != names.size()) {
                throw new IllegalArgumentException(
                        what + " has " + rows + " rows, but there are " + names.size() + " samples.");
            }
        }
    }
}
