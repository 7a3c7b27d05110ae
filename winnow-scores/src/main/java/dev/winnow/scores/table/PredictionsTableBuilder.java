package dev.winnow.scores.table;

import dev.winnow.format.BoundingBox;
import dev.winnow.format.Keypoints;
import dev.winnow.format.PredictionFile;
import dev.winnow.format.Probabilities;
import dev.winnow.format.Singleton;
import dev.winnow.format.TaskSchema;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * Collects the prediction files of one task into a {@link PredictionsTable}. Each {@link #add}
 * copies a file's singletons into primitive columns, so the {@link PredictionFile} can be dropped
 * right after.
 *
 * <p>To fill a table from several threads, give each thread its own builder for a contiguous
 * run of the sorted sample list and join them in list order with {@link #addAll}; {@link #build}
 * sorts by sample name in any case, so the table never depends on thread timing. Columns grow in
 * fixed-size pages, so neither adding nor joining ever copies the table held so far. Samples
 * added in sorted order (the normal case) are built in place; otherwise {@link #build} sorts into
 * a second copy, which briefly doubles the memory.
 *
 * <pre>{@code
 * PredictionsTableBuilder builder = new PredictionsTableBuilder("cars", schema);
 * builder.add("img/a.png", fileOfA);
 * PredictionsTable table = builder.build();
 * }</pre>
 *
 * <p>Not thread-safe: one builder per thread.
 */
public final class PredictionsTableBuilder implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String taskName;
    private final TaskSchema schema;
    private final ColumnLayout layout;
    private ColumnStore store;
    private boolean done;

    public PredictionsTableBuilder(String taskName, TaskSchema schema) {
        this.taskName = Objects.requireNonNull(taskName, "taskName");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.layout = ColumnLayout.of(schema.taskType());
        this.store = new ColumnStore(layout);
    }

    public String taskName() {
        return taskName;
    }

    public TaskSchema schema() {
        return schema;
    }

    /** Number of samples added so far, joined builders included. */
    public int sampleCount() {
        return store.sampleCount();
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
        store.startSample(sampleName);
        for (Singleton singleton : file.predictions()) {
            write(singleton);
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
        store.appendAll(later.store);
        later.store = new ColumnStore(later.layout); // the joined rows' memory goes with them
        later.done = true;
        return this;
    }

    /**
     * The table, samples sorted by name. Refuses a sample name added twice. The builder cannot be
     * used afterwards.
     */
    public PredictionsTable build() {
        checkOpen();
        done = true;
        ColumnStore columns = store;
        store = new ColumnStore(layout); // the table owns the rows now
        if (!isSorted(columns.samplesView())) {
            columns = columns.permuted(sortedOrder(columns.samplesView()));
        }
        String[] names = columns.samplesView();
        for (int i = 1; i < names.length; i++) {
            if (names[i].equals(names[i - 1])) {
                throw new IllegalArgumentException("Sample " + names[i] + " was added twice to the table of task "
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
        double score = singleton.optionalScore().isPresent()
                ? singleton.optionalScore().getAsDouble()
                : Double.NaN;
        store.addSingleton(schema.indexOf(singleton.categoryId()), score);
        // Java 17 has no pattern switch; the permitted variants are tested in turn.
        if (singleton instanceof Singleton.Detection d) {
            box(d.bbox());
        } else if (singleton instanceof Singleton.InstanceSegment s) {
            box(s.bbox());
        } else if (singleton instanceof Singleton.SemanticSegment s) {
            store.area(s.segmentation().area());
        } else if (singleton instanceof Singleton.KeypointInstance k) {
            k.bbox().ifPresent(this::box);
            Keypoints points = k.keypoints();
            for (int i = 0; i < points.count(); i++) {
                store.keypointConfidence(points.confidence(i));
            }
        }
        if (singleton.probabilities().isPresent()) {
            Probabilities p = singleton.probabilities().get();
            for (int i = 0; i < p.size(); i++) {
                store.probability(p.get(i));
            }
        }
    }

    private void box(BoundingBox b) {
        store.box((float) b.x(), (float) b.y(), (float) b.width(), (float) b.height());
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
