package dev.winnow.run.datapool;

import dev.winnow.datasource.AtomicWrite;
import dev.winnow.datasource.LocalTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What earlier runs over an output location remember: the samples they processed (name, size,
 * modification time), each one's embedding, and every sample selected so far, in selection order.
 * A new run embeds only samples that are new or changed, and diversity measures distance to
 * everything selected before.
 *
 * <p>On disk under {@code .winnow/datapool/}: immutable generation folders {@code gen-N/} holding
 * {@code samples.tsv}, {@code embeddings.bin} (see {@link EmbeddingFile}), {@code selected.txt} and
 * {@code pool.properties}, and the file {@code CURRENT} naming the generation in force. Saving
 * writes a new generation completely, renames it into place and only then rewrites
 * {@code CURRENT} atomically, so a run killed at any point leaves the previous datapool intact.
 *
 * <p>A run has two things to publish, its run folder and the pool's new generation, and a kill
 * between the two must not leave a finished run the pool never heard of. So a run
 * {@linkplain #stage stages} the generation first, naming itself in it, then completes its run
 * folder, and only then switches {@code CURRENT}: the run's completion is the one moment that
 * counts. {@link #load(Path, Predicate)} takes a staged generation newer than {@code CURRENT} when
 * the run it names is complete, and ignores it otherwise.
 *
 * <pre>{@code
 * Datapool pool = Datapool.load(winnowFolder, completedRuns);
 * Datapool.Staged staged =
 *         pool.updated(samples, embeddings, dimension, embedderId, selected).stage(winnowFolder, runId);
 * // ... complete the run folder ...
 * staged.publish();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Datapool {
    /** The datapool's folder inside {@code .winnow/}. */
    public static final String FOLDER = "datapool";
    /** The file naming the generation in force, written after it. */
    public static final String CURRENT = "CURRENT";

    /** The property naming the run that staged a generation. */
    private static final String RUN = "run";

    private static final Pattern GENERATION = Pattern.compile("gen-(\\d{1,9})");

    private final int generation;
    private final String embedderId;
    private final int dimension;
    private final List<ProcessedSample> samples;
    private final float[] embeddings;
    private final List<String> selected;
    private final Map<String, Integer> index;

    private Datapool(
            int generation,
            String embedderId,
            int dimension,
            List<ProcessedSample> samples,
            float[] embeddings,
            List<String> selected) {
        this.generation = generation;
        this.embedderId = embedderId;
        this.dimension = dimension;
        this.samples = List.copyOf(samples);
        this.embeddings = embeddings;
        this.selected = List.copyOf(selected);
        this.index = new HashMap<>();
        for (int i = 0; i < this.samples.size(); i++) {
            index.put(this.samples.get(i).name(), i);
        }
    }

    /** A datapool that remembers nothing. */
    public static Datapool empty() {
        return new Datapool(0, "", 0, List.of(), new float[0], List.of());
    }

    /** The datapool under {@code winnowFolder} (the output's {@code .winnow/}), or an empty one when none was saved. */
    public static Datapool load(Path winnowFolder) throws IOException {
        return load(winnowFolder, run -> false);
    }

    /**
     * The datapool under {@code winnowFolder}: the generation {@code CURRENT} names, or a newer one
     * staged by a run that {@code completedRun} says is complete (killed after completing, before
     * switching {@code CURRENT}); an empty pool when none was saved.
     */
    public static Datapool load(Path winnowFolder, Predicate<String> completedRun) throws IOException {
        Path folder = winnowFolder.resolve(FOLDER);
        Path current = folder.resolve(CURRENT);
        int inForce = 0;
        if (Files.isRegularFile(current)) {
            String name = Files.readString(current, StandardCharsets.UTF_8).strip();
            Matcher m = GENERATION.matcher(name);
            if (!m.matches()) {
                throw new DatapoolException("The datapool file " + current + " names '" + name
                        + "', but expected a generation like gen-1; delete " + folder + " to start afresh.");
            }
            inForce = Integer.parseInt(m.group(1));
        }
        if (Files.isDirectory(folder)) {
            for (int staged : generationsAbove(folder, inForce)) {
                Path properties = folder.resolve("gen-" + staged).resolve("pool.properties");
                if (!Files.isRegularFile(properties)) {
                    // Cut short while it was being sent: a bucket has no folder rename, so a staged
                    // generation's files arrive one by one, and its run never completed.
                    continue;
                }
                String run = PoolFiles.readProperties(properties).getOrDefault(RUN, "");
                if (!run.isEmpty() && completedRun.test(run)) {
                    inForce = staged;
                }
            }
        }
        return inForce == 0 ? empty() : read(folder, inForce);
    }

    private static Datapool read(Path folder, int generation) throws IOException {
        Path gen = folder.resolve("gen-" + generation);
        Map<String, String> properties = PoolFiles.readProperties(gen.resolve("pool.properties"));
        String embedderId = properties.getOrDefault("embedder", "");
        int dimension = PoolFiles.intProperty(properties, "dimension", gen);
        List<ProcessedSample> samples = PoolFiles.readSamples(gen.resolve("samples.tsv"));
        float[] embeddings = EmbeddingFile.read(gen.resolve("embeddings.bin"), samples.size(), dimension);
        List<String> selected = PoolFiles.readNames(gen.resolve("selected.txt"));
        return new Datapool(generation, embedderId, dimension, samples, embeddings, selected);
    }

    /** The generation numbers above {@code generation} in {@code folder}, ascending. */
    private static List<Integer> generationsAbove(Path folder, int generation) throws IOException {
        List<Integer> above = new ArrayList<>();
        try (var children = Files.list(folder)) {
            for (Path child : children.toList()) {
                Matcher m = GENERATION.matcher(child.getFileName().toString());
                if (m.matches() && Integer.parseInt(m.group(1)) > generation && Files.isDirectory(child)) {
                    above.add(Integer.parseInt(m.group(1)));
                }
            }
        }
        Collections.sort(above);
        return above;
    }

    /** The embedder the embeddings came from (empty for an empty pool). */
    public String embedderId() {
        return embedderId;
    }

    public int dimension() {
        return dimension;
    }

    public int sampleCount() {
        return samples.size();
    }

    public List<ProcessedSample> samples() {
        return samples;
    }

    /** Every sample selected by earlier runs, in the order they were selected. */
    public List<String> selected() {
        return selected;
    }

    /** Index of the sample {@code name}, if processed before. */
    public OptionalInt indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** Whether {@code name} was processed before with this size and modification time (and the same embedder). */
    public boolean isUnchanged(String name, long size, long lastModifiedMillis, String embedder) {
        if (!embedder.equals(embedderId)) {
            return false;
        }
        Integer i = index.get(name);
        if (i == null) {
            return false;
        }
        ProcessedSample s = samples.get(i);
        return s.size() == size && s.lastModifiedMillis() == lastModifiedMillis;
    }

    /** A copy of the embedding of sample {@code i}. */
    public float[] embedding(int i) {
        Objects.checkIndex(i, samples.size());
        float[] row = new float[dimension];
        System.arraycopy(embeddings, i * dimension, row, 0, dimension);
        return row;
    }

    /**
     * This pool with {@code processed} added or replaced (their embeddings in {@code rows}, row-major,
     * {@code dimension} wide, from {@code embedder}) and {@code newlySelected} appended to the
     * selections. When the embedder differs from the pool's, the old embeddings are dropped, since
     * vectors of two embedders cannot be compared; earlier selections stay.
     */
    public Datapool updated(
            List<ProcessedSample> processed, float[] rows, int dimension, String embedder, List<String> newlySelected) {
        if ((long) processed.size() * dimension != rows.length) {
            throw new IllegalArgumentException(processed.size() + " samples of dimension " + dimension + " need "
                    + (long) processed.size() * dimension + " values, but " + rows.length + " were given.");
        }
        boolean keepOld = embedder.equals(embedderId) && dimension == this.dimension;
        Map<String, Integer> fresh = new HashMap<>();
        for (int i = 0; i < processed.size(); i++) {
            fresh.put(processed.get(i).name(), i);
        }
        List<ProcessedSample> merged = new ArrayList<>();
        List<float[]> mergedRows = new ArrayList<>();
        if (keepOld) {
            for (int i = 0; i < samples.size(); i++) {
                if (!fresh.containsKey(samples.get(i).name())) {
                    merged.add(samples.get(i));
                    mergedRows.add(embedding(i));
                }
            }
        }
        for (int i = 0; i < processed.size(); i++) {
            merged.add(processed.get(i));
            float[] row = new float[dimension];
            System.arraycopy(rows, i * dimension, row, 0, dimension);
            mergedRows.add(row);
        }
        // Sorted by name so that the pool's files do not depend on the order runs happened in.
        Integer[] order = new Integer[merged.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order, (a, b) -> merged.get(a).name().compareTo(merged.get(b).name()));
        List<ProcessedSample> sortedSamples = new ArrayList<>(order.length);
        float[] sortedRows = new float[order.length * dimension];
        for (int k = 0; k < order.length; k++) {
            sortedSamples.add(merged.get(order[k]));
            System.arraycopy(mergedRows.get(order[k]), 0, sortedRows, k * dimension, dimension);
        }
        LinkedHashSet<String> allSelected = new LinkedHashSet<>(selected);
        allSelected.addAll(newlySelected);
        return new Datapool(generation, embedder, dimension, sortedSamples, sortedRows, new ArrayList<>(allSelected));
    }

    /**
     * Saves this pool as the next generation under {@code winnowFolder}, switches {@code CURRENT} to it,
     * and removes older generations and leftovers of interrupted saves.
     */
    public void save(Path winnowFolder) throws IOException {
        stage(winnowFolder, "").publish();
    }

    /**
     * Writes this pool as the generation after the one it was loaded from, naming {@code runId} in
     * it, without putting it in force: until {@link Staged#publish}, only a {@link #load(Path,
     * Predicate)} that finds {@code runId} complete reads it. Generations above the loaded one are
     * leftovers of runs that never completed and are replaced.
     */
    public Staged stage(Path winnowFolder, String runId) throws IOException {
        Path folder = winnowFolder.resolve(FOLDER);
        Files.createDirectories(folder);
        for (int leftover : generationsAbove(folder, generation)) {
            LocalTrees.delete(folder.resolve("gen-" + leftover));
        }
        String name = "gen-" + (generation + 1);
        Path partial = folder.resolve("." + name + ".partial");
        LocalTrees.delete(partial);
        Files.createDirectories(partial);
        String properties = "embedder=" + PoolFiles.escape(embedderId) + "\ndimension=" + dimension + "\n"
                + (runId.isEmpty() ? "" : RUN + "=" + PoolFiles.escape(runId) + "\n");
        AtomicWrite.write(partial.resolve("pool.properties"), properties.getBytes(StandardCharsets.UTF_8), true);
        AtomicWrite.write(
                partial.resolve("samples.tsv"), PoolFiles.samplesText(samples).getBytes(StandardCharsets.UTF_8), true);
        AtomicWrite.write(
                partial.resolve("embeddings.bin"), EmbeddingFile.encode(samples.size(), dimension, embeddings), true);
        AtomicWrite.write(
                partial.resolve("selected.txt"), PoolFiles.namesText(selected).getBytes(StandardCharsets.UTF_8), true);
        AtomicWrite.move(partial, folder.resolve(name));
        return new Staged(folder, name);
    }

    /** A generation written by {@link #stage}, not yet in force. */
    public static final class Staged {
        private final Path folder;
        private final String name;

        private Staged(Path folder, String name) {
            this.folder = folder;
            this.name = name;
        }

        /** Switches {@code CURRENT} to this generation and removes the others and leftovers of interrupted saves. */
        public void publish() throws IOException {
            AtomicWrite.write(folder.resolve(CURRENT), (name + "\n").getBytes(StandardCharsets.UTF_8), true);
            try (var children = Files.list(folder)) {
                for (Path child : children.toList()) {
                    String childName = child.getFileName().toString();
                    if (!childName.equals(name) && !childName.equals(CURRENT) && Files.isDirectory(child)) {
                        LocalTrees.delete(child);
                    }
                }
            }
        }
    }

    /** Sample names of the pool, in its (sorted) order. */
    public List<String> names() {
        List<String> names = new ArrayList<>(samples.size());
        samples.forEach(s -> names.add(s.name()));
        return Collections.unmodifiableList(names);
    }

    /** The embedding of {@code name}, if the pool has one. */
    public Optional<float[]> embeddingOf(String name) {
        Integer i = index.get(name);
        return i == null ? Optional.empty() : Optional.of(embedding(i));
    }
}
