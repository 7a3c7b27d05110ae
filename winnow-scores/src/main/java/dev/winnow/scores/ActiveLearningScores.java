package dev.winnow.scores;

import dev.winnow.format.Diagnostic;
import java.util.List;
import java.util.Objects;

/**
 * The active-learning scores of one task: a row per sample (in the sorted order of the
 * {@link dev.winnow.scores.table.PredictionsTable} they came from), a column per score in the
 * scorer's fixed order, plus warnings about singletons that could not be scored.
 *
 * <pre>{@code
 * ActiveLearningScores scores = ActiveLearningScorer.forTaskType(table.taskType()).score(table);
 * double entropy = scores.value(0, ScoreName.UNCERTAINTY_ENTROPY);
 * }</pre>
 *
 * <p>Immutable and thread-safe; array accessors return copies.
 */
public final class ActiveLearningScores {
    private final String taskName;
    private final List<ScoreName> names;
    private final List<String> samples;
    private final double[] values;
    private final List<Diagnostic> diagnostics;

    /**
     * Scores laid out row by row: {@code values[sample * names.size() + column]}. {@code samples}
     * is kept as given (it must not change afterwards); the other lists are copied.
     */
    public ActiveLearningScores(
            String taskName,
            List<ScoreName> names,
            List<String> samples,
            double[] values,
            List<Diagnostic> diagnostics) {
        this(values.clone(), taskName, names, samples, diagnostics);
    }

    /** Takes {@code values} without copying: scorers hand over arrays nobody else holds. */
    static ActiveLearningScores owning(
            String taskName,
            List<ScoreName> names,
            List<String> samples,
            double[] values,
            List<Diagnostic> diagnostics) {
        return new ActiveLearningScores(values, taskName, names, samples, diagnostics);
    }

    private ActiveLearningScores(
            double[] values,
            String taskName,
            List<ScoreName> names,
            List<String> samples,
            List<Diagnostic> diagnostics) {
        this.taskName = Objects.requireNonNull(taskName, "taskName");
        this.names = List.copyOf(names);
        this.samples = Objects.requireNonNull(samples, "samples");
        if (values.length != (long) samples.size() * this.names.size()) {
            throw new IllegalArgumentException("Scores need " + samples.size() + " x " + this.names.size()
                    + " values, but " + values.length + " were given.");
        }
        this.values = values;
        this.diagnostics = List.copyOf(diagnostics);
    }

    public String taskName() {
        return taskName;
    }

    /** The scores in column order. */
    public List<ScoreName> names() {
        return names;
    }

    public int sampleCount() {
        return samples.size();
    }

    public String sampleName(int sample) {
        return samples.get(sample);
    }

    public List<String> sampleNames() {
        return samples;
    }

    /** The score {@code name} of one sample; the scorer must have computed it. */
    public double value(int sample, ScoreName name) {
        return values[Objects.checkIndex(sample, samples.size()) * names.size() + columnOf(name)];
    }

    /** The value in row {@code sample}, column {@code column}; no bounds checks beyond the array's. */
    double valueAt(int sample, int column) {
        return values[sample * names.size() + column];
    }

    /** Every sample's value of one score, in sample order. */
    public double[] column(ScoreName name) {
        int c = columnOf(name);
        double[] out = new double[samples.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i * names.size() + c];
        }
        return out;
    }

    /** Warnings about singletons scored as 0 because they carry neither a score nor probabilities. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    private int columnOf(ScoreName name) {
        int c = names.indexOf(Objects.requireNonNull(name, "name"));
        if (c < 0) {
            throw new IllegalArgumentException(
                    "Task " + taskName + " has no score " + name.wireName() + "; it has " + names + ".");
        }
        return c;
    }
}
