package dev.winnow.select.table;

import dev.winnow.format.BoundingBox;
import dev.winnow.format.Keypoints;
import dev.winnow.format.PredictionFile;
import dev.winnow.format.Probabilities;
import dev.winnow.format.Singleton;
import dev.winnow.format.TaskSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Collects the prediction files of one task into a {@link PredictionsTable}. Each {@link #add}
 * copies a file's singletons into primitive columns, so the {@link PredictionFile} can be dropped
 * right after.
 *
 * <p>To fill a table from several threads, give each thread its own builder for a contiguous
 * run of the sorted sample list and join them in list order with {@link #addAll}; {@link #build}
 * sorts by sample name in any case, so the table never depends on thread timing. Samples are
 * kept in chunks of exact-size arrays, so joining and building copy each value once and never
 * hold a second full copy of the table.
 *
 * <pre>{@code
 * PredictionsTableBuilder builder = new PredictionsTableBuilder("cars", schema);
 * builder.add("img/a.png", fileOfA);
 * PredictionsTable table = builder.build();
 * }</pre>
 *
 * <p>Not thread-safe: one builder per thread.
 */
public final class PredictionsTableBuilder {
    private static final int CHUNK_SAMPLES = 4096;
    private static final int CHUNK_SINGLETONS = 1 << 16;

    private final String taskName;
    private final TaskSchema schema;
    private final ColumnLayout layout;
    private final List<Columns> chunks = new ArrayList<>();
    private ColumnsWriter writer;
    private int sealedSamples;
    private boolean done;

    public PredictionsTableBuilder(String taskName, TaskSchema schema) {
        this.taskName = Objects.requireNonNull(taskName, "taskName");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.layout = ColumnLayout.of(schema.taskType());
        this.writer = newWriter();
    }

    public String taskName() {
        return taskName;
    }

    public TaskSchema schema() {
        return schema;
    }

    /** Number of samples added so far, joined builders included. */
    public int sampleCount() {
        return sealedSamples + writer.sampleCount();
    }

    /**
     * Adds one sample and the singletons of its prediction file, in file order. The file must have
     * passed validation: a singleton of another task type, a category id missing from the schema or
     * a probability vector of the wrong length is refused with an {@link IllegalArgumentException}.
     */
    public PredictionsTableBuilder add(String sampleName, PredictionFile file) {
        Objects.requireNonNull(sampleName, "sampleName");
        Objects.requireNonNull(file, "file");
        checkOpen();
        // Check every singleton before writing any, so a refused file leaves no partial sample.
        for (int i = 0; i < file.predictions().size(); i++) {
            check(sampleName, i, file.predictions().get(i));
        }
        writer.startSample(sampleName);
        for (Singleton singleton : file.predictions()) {
            write(singleton);
        }
        if (writer.sampleCount() >= CHUNK_SAMPLES || writer.singletonCount() >= CHUNK_SINGLETONS) {
            seal();
        }
        return this;
    }

    /**
     * Moves every sample of {@code later} (a builder of the same task) behind this builder's samples.
     * {@code later} cannot be used afterwards.
     */
    public PredictionsTableBuilder addAll(PredictionsTableBuilder later) {
        Objects.requireNonNull(later, "later");
        checkOpen();
        later.checkOpen();
        if (later == this) {
            throw new IllegalArgumentException("A builder cannot be added to itself.");
        }
        if (!later.taskName.equals(taskName) || !later.schema.equals(schema)) {
            throw new IllegalArgumentException("Only builders of the same task can be joined, but task "
                    + later.taskName + " was added to task " + taskName + ".");
        }
        seal();
        later.seal();
        chunks.addAll(later.chunks);
        sealedSamples += later.sealedSamples;
        later.chunks.clear();
        later.done = true;
        return this;
    }

    /**
     * The table, samples sorted by name. Refuses a sample name added twice. The builder cannot be
     * used afterwards.
     */
    public PredictionsTable build() {
        checkOpen();
        seal();
        done = true;
        Columns columns = Columns.concat(chunks, layout);
        chunks.clear();
        if (!isSorted(columns.samples)) {
            columns = columns.permute(sortedOrder(columns.samples), layout);
        }
        for (int i = 1; i < columns.samples.length; i++) {
            if (columns.samples[i].equals(columns.samples[i - 1])) {
                throw new IllegalArgumentException("Sample " + columns.samples[i] + " was added twice to the table of task "
                        + taskName + "; each sample has one prediction file.");
            }
        }
        return new PredictionsTable(taskName, schema, columns);
    }

    private void check(String sampleName, int index, Singleton singleton) {
        if (singleton.taskType() != schema.taskType()) {
            throw new IllegalArgumentException("Prediction " + index + " of sample " + sampleName + " is a "
                    + singleton.taskType() + " prediction, but task " + taskName + " is of type "
                    + schema.taskType() + ".");
        }
        if (schema.indexOf(singleton.categoryId()) < 0) {
            throw new IllegalArgumentException("Prediction " + index + " of sample " + sampleName + " has category id "
                    + singleton.categoryId() + ", which the schema of task " + taskName + " does not define.");
        }
        Optional<Probabilities> probabilities = singleton.probabilities();
        if (probabilities.isPresent() && probabilities.get().size() != schema.categoryCount()) {
            throw new IllegalArgumentException("Prediction " + index + " of sample " + sampleName + " has "
                    + probabilities.get().size() + " probabilities, but task " + taskName + " has "
                    + schema.categoryCount() + " categories.");
        }
    }

    private void write(Singleton singleton) {
        double score = singleton.optionalScore().isPresent() ? singleton.optionalScore().getAsDouble() : Double.NaN;
        writer.addSingleton(schema.indexOf(singleton.categoryId()), score);
        // Java 17 has no pattern switch; the permitted variants are tested in turn.
        if (singleton instanceof Singleton.Detection d) {
            box(d.bbox());
        } else if (singleton instanceof Singleton.InstanceSegment s) {
            box(s.bbox());
        } else if (singleton instanceof Singleton.SemanticSegment s) {
            writer.area(s.segmentation().area());
        } else if (singleton instanceof Singleton.KeypointInstance k) {
            k.bbox().ifPresent(this::box);
            Keypoints points = k.keypoints();
            for (int i = 0; i < points.count(); i++) {
                writer.keypointConfidence(points.confidence(i));
            }
        }
        if (singleton.probabilities().isPresent()) {
            Probabilities p = singleton.probabilities().get();
            for (int i = 0; i < p.size(); i++) {
                writer.probability(p.get(i));
            }
        }
    }

    private void box(BoundingBox b) {
        writer.box((float) b.x(), (float) b.y(), (float) b.width(), (float) b.height());
    }

    private void seal() {
        if (writer.sampleCount() > 0) {
            chunks.add(writer.seal());
            sealedSamples += writer.sampleCount();
            writer = newWriter();
        }
    }

    private ColumnsWriter newWriter() {
        return new ColumnsWriter(layout, 64, 256, 256 * Math.max(1, schema.categoryCount()) / 4, 64);
    }

    private void checkOpen() {
        if (done) {
            throw new IllegalStateException("This builder was already built or joined into another; start a new one.");
        }
    }

    private static boolean isSorted(String[] names) {
        for (int i = 1; i < names.length; i++) {
            if (names[i - 1].compareTo(names[i]) > 0) {
                return false;
            }
        }
        return true;
    }

    private static int[] sortedOrder(String[] names) {
        Integer[] order = new Integer[names.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparing(i -> names[i]));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }
}
