package dev.winnow.scores.table;

import dev.winnow.format.BoundingBox;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The predictions of one task for every sample that has a prediction file, held column by column
 * in primitive arrays rather than as one object per box: a million samples with five boxes and
 * ten-class probabilities take about 600 MB.
 *
 * <p>Samples are sorted by name (video frames by their frame names) and addressed by index
 * {@code 0 .. sampleCount() - 1}. Their singletons are numbered across the whole table, in file
 * order within a sample: sample {@code i} owns singletons {@code firstSingleton(i)} up to but
 * excluding {@code endSingleton(i)}. Categories are given as positions in the schema's ascending
 * id order ({@link #categoryIndex}), the order of probability vectors.
 *
 * <pre>{@code
 * for (int i = 0; i < table.sampleCount(); i++) {
 *     for (int s = table.firstSingleton(i); s < table.endSingleton(i); s++) {
 *         double score = table.score(s);
 *     }
 * }
 * }</pre>
 *
 * <p>Immutable and safe to share between threads. Build one with {@link PredictionsTableBuilder}.
 */
public final class PredictionsTable {
    private final String taskName;
    private final TaskSchema schema;
    private final ColumnStore columns;

    PredictionsTable(String taskName, TaskSchema schema, ColumnStore columns) {
        this.taskName = taskName;
        this.schema = schema;
        this.columns = columns;
    }

    public String taskName() {
        return taskName;
    }

    public TaskSchema schema() {
        return schema;
    }

    public TaskType taskType() {
        return schema.taskType();
    }

    /** Number of schema categories, the length of every probability vector. */
    public int categoryCount() {
        return schema.categoryCount();
    }

    public int sampleCount() {
        return columns.sampleCount();
    }

    public String sampleName(int sample) {
        return columns.sample(sample);
    }

    /** All sample names in table order (sorted); an unmodifiable view. */
    public List<String> sampleNames() {
        return Collections.unmodifiableList(Arrays.asList(columns.samplesView()));
    }

    /** Index of the sample with this name, or -1 when the table does not hold it. */
    public int indexOf(String sampleName) {
        int i = Arrays.binarySearch(columns.samplesView(), Objects.requireNonNull(sampleName, "sampleName"));
        return i >= 0 ? i : -1;
    }

    /**
     * The prediction file the sample was read from, as a path in the output datasource:
     * {@code .lightly/predictions/<task>/<sample without extension>.json}.
     */
    public String predictionFile(int sample) {
        return PredictionsLayout.file(taskName, columns.sample(sample));
    }

    /** Number of singletons of all samples together. */
    public int singletonCount() {
        return columns.singletonCount();
    }

    public int firstSingleton(int sample) {
        return columns.firstSingleton(sample);
    }

    /** One past the sample's last singleton. */
    public int endSingleton(int sample) {
        return columns.endSingleton(sample);
    }

    /** Number of singletons (boxes, segments, instances) of one sample. */
    public int singletonCount(int sample) {
        return columns.endSingleton(sample) - columns.firstSingleton(sample);
    }

    /** The singleton's category as a position in the schema's ascending id order. */
    public int categoryIndex(int singleton) {
        return columns.category(singleton);
    }

    /** The singleton's category id as written in its file. */
    public int categoryId(int singleton) {
        return schema.categories().get(columns.category(singleton)).id();
    }

    public boolean hasScore(int singleton) {
        return !Double.isNaN(columns.score(singleton));
    }

    /** The singleton's score, or NaN when it has none (only classification singletons may lack one). */
    public double score(int singleton) {
        return columns.score(singleton);
    }

    public boolean hasProbabilities(int singleton) {
        return columns.probabilityEnd(singleton) > columns.probabilityStart(singleton);
    }

    /** Entry {@code categoryIndex} of the singleton's probability vector; it must have one. */
    public double probability(int singleton, int categoryIndex) {
        if (!hasProbabilities(singleton)) {
            throw new IllegalArgumentException("Singleton " + singleton + " has no probabilities.");
        }
        return columns.probabilityAt(
                columns.probabilityStart(singleton) + Objects.checkIndex(categoryIndex, categoryCount()));
    }

    /**
     * Copies the singleton's probability vector into {@code into} from position 0 and returns its
     * length: {@link #categoryCount()}, or 0 when the singleton has no probabilities.
     */
    public int copyProbabilities(int singleton, double[] into) {
        int start = columns.probabilityStart(singleton);
        int length = columns.probabilityEnd(singleton) - start;
        columns.copyProbabilities(start, into, length);
        return length;
    }

    public boolean hasBoundingBox(int singleton) {
        return columns.hasBox(singleton);
    }

    /**
     * The singleton's box, held at float precision, or empty for task types without boxes and
     * keypoint instances written without one.
     */
    public Optional<BoundingBox> boundingBox(int singleton) {
        if (!hasBoundingBox(singleton)) {
            return Optional.empty();
        }
        return Optional.of(new BoundingBox(
                columns.box(singleton, 0),
                columns.box(singleton, 1),
                columns.box(singleton, 2),
                columns.box(singleton, 3)));
    }

    /** Number of set pixels of a semantic segment's mask; 0 for other task types. */
    public long segmentArea(int singleton) {
        return columns.segmentArea(singleton);
    }

    /** Number of keypoints of a keypoint instance; 0 for other task types. */
    public int keypointCount(int singleton) {
        return columns.keypointCount(singleton);
    }

    /** Confidence of keypoint {@code keypoint} of a keypoint instance. */
    public double keypointConfidence(int singleton, int keypoint) {
        return columns.keypointConfidence(singleton, Objects.checkIndex(keypoint, keypointCount(singleton)));
    }
}
