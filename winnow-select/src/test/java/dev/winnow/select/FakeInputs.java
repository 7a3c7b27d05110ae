package dev.winnow.select;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Hand-filled selection inputs for tests. */
final class FakeInputs implements SelectionInputs {

    final List<String> names;

    @Nullable
    EmbeddingMatrix embeddings;

    @Nullable
    EmbeddingMatrix earlier;

    final Map<String, Map<String, double[]>> scores = new HashMap<>();
    final Map<String, ClassTable> distributions = new HashMap<>();
    final Map<String, ClassTable> counts = new HashMap<>();
    final Map<String, double[]> metadata = new HashMap<>();
    final Map<String, List<String>> queryFiles = new HashMap<>();

    FakeInputs(List<String> names) {
        this.names = List.copyOf(names);
    }

    static FakeInputs named(int n) {
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = "s" + i + ".png";
        }
        return new FakeInputs(List.of(names));
    }

    FakeInputs score(String task, String score, double... values) {
        scores.computeIfAbsent(task, t -> new HashMap<>()).put(score, values);
        return this;
    }

    FakeInputs metadata(String key, double... values) {
        metadata.put(key, values);
        return this;
    }

    FakeInputs embeddings(int dimension, float... rows) {
        embeddings = new EmbeddingMatrix(rows, dimension);
        return this;
    }

    @Override
    public List<String> sampleNames() {
        return names;
    }

    @Override
    public Optional<EmbeddingMatrix> embeddings(Optional<String> task) {
        return task.isPresent() ? Optional.empty() : Optional.ofNullable(embeddings);
    }

    @Override
    public Optional<EmbeddingMatrix> earlierSelections(Optional<String> task) {
        return Optional.ofNullable(earlier);
    }

    @Override
    public Set<String> tasks() {
        Set<String> tasks = new TreeSet<>(scores.keySet());
        tasks.addAll(distributions.keySet());
        tasks.addAll(counts.keySet());
        return tasks;
    }

    @Override
    public Set<String> scoreNames(String task) {
        return scores.getOrDefault(task, Map.of()).keySet();
    }

    @Override
    public double[] scores(String task, String score) {
        return filled(scores.getOrDefault(task, Map.of()).get(score), task + "/" + score);
    }

    @Override
    public ClassTable classDistribution(String task) {
        return filled(distributions.get(task), task);
    }

    @Override
    public ClassTable categoryCounts(String task) {
        return filled(counts.get(task), task);
    }

    @Override
    public Set<String> metadataKeys() {
        return metadata.keySet();
    }

    @Override
    public double[] metadata(String key) {
        return filled(metadata.get(key), key);
    }

    @Override
    public List<String> queryFile(String path) {
        return filled(queryFiles.get(path), path);
    }

    /** What a test filled in; asking for anything else is a mistake of the test. */
    private static <T> T filled(@Nullable T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("The test filled in nothing for " + name + ".");
        }
        return value;
    }
}
