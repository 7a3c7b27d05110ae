package dev.winnow.run;

import dev.winnow.format.Category;
import dev.winnow.media.ImageMetadata;
import dev.winnow.scores.ActiveLearningScores;
import dev.winnow.scores.ScoreName;
import dev.winnow.scores.table.PredictionFact;
import dev.winnow.scores.table.PredictionFacts;
import dev.winnow.scores.table.PredictionsTable;
import dev.winnow.select.ClassTable;
import dev.winnow.select.EmbeddingMatrix;
import dev.winnow.select.SelectionInputs;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the selection reads in a run: the candidates' embeddings (on object level the crops', which
 * {@code EMBEDDINGS} inputs reach with or without naming the object task), the datapool's earlier selections,
 * each task's scores, class distributions and category counts (computed once per task), and the
 * {@code lightly.*} metadata. Rows follow {@link #sampleNames()}; the predictions tables, sorted by
 * name, are mapped onto that order.
 */
final class RunSelectionInputs implements SelectionInputs {
    private final List<String> names;
    private final EmbeddingMatrix embeddings;
    private final Optional<EmbeddingMatrix> earlier;
    private final Map<String, LoadedTask> tasks = new LinkedHashMap<>();
    private final Map<String, ActiveLearningScores> scores;
    private final List<ImageMetadata> metadata;
    private final List<String> userKeys;
    private final List<Map<String, Object>> userValues;
    private final Map<String, PredictionFacts> facts = new HashMap<>();
    private final Map<String, int[]> tableRows = new HashMap<>();
    private final Optional<String> objectTask;

    RunSelectionInputs(
            List<String> names,
            EmbeddingMatrix embeddings,
            Optional<EmbeddingMatrix> earlier,
            List<LoadedTask> tasks,
            Map<String, ActiveLearningScores> scores,
            List<ImageMetadata> metadata,
            List<String> userKeys,
            List<Map<String, Object>> userValues,
            Optional<String> objectTask) {
        this.objectTask = objectTask;
        this.names = List.copyOf(names);
        this.embeddings = embeddings;
        this.earlier = earlier;
        tasks.forEach(t -> this.tasks.put(t.name(), t));
        this.scores = scores;
        this.metadata = metadata;
        this.userKeys = List.copyOf(userKeys);
        this.userValues = userValues;
    }

    @Override
    public List<String> sampleNames() {
        return names;
    }

    @Override
    public Optional<EmbeddingMatrix> embeddings(Optional<String> task) {
        return covers(task) ? Optional.of(embeddings) : Optional.empty();
    }

    @Override
    public Optional<EmbeddingMatrix> earlierSelections(Optional<String> task) {
        return covers(task) ? earlier : Optional.empty();
    }

    /** Samples are images and frames (no task), or on object level the crops of one task (that task, or none). */
    private boolean covers(Optional<String> task) {
        return task.isEmpty() || task.equals(objectTask);
    }

    @Override
    public Set<String> tasks() {
        return tasks.keySet();
    }

    @Override
    public Set<String> scoreNames(String task) {
        ActiveLearningScores s = scores.get(task);
        if (s == null) {
            return Set.of();
        }
        Set<String> result = new LinkedHashSet<>();
        s.names().forEach(n -> result.add(n.wireName()));
        return result;
    }

    @Override
    public double[] scores(String task, String score) {
        ActiveLearningScores s = scoresOf(task);
        ScoreName name = ScoreName.fromWireName(score).orElseThrow();
        return inCandidateOrder(task, s.column(name), 1)[0];
    }

    @Override
    public ClassTable classDistribution(String task) {
        double[][] raw = facts(task).values(PredictionFact.CLASS_DISTRIBUTION);
        ClassTable table = classTable(task, raw);
        double[] values = table.values();
        int k = table.categories().size();
        // Normalise each row to sum 1 (rows without predictions stay 0).
        for (int i = 0; i < table.samples(); i++) {
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += values[i * k + c];
            }
            if (sum > 0) {
                for (int c = 0; c < k; c++) {
                    values[i * k + c] /= sum;
                }
            }
        }
        return table;
    }

    @Override
    public ClassTable categoryCounts(String task) {
        return classTable(task, facts(task).values(PredictionFact.CATEGORY_COUNT));
    }

    @Override
    public Set<String> metadataKeys() {
        Set<String> keys = new LinkedHashSet<>(ImageMetadata.KEYS);
        keys.addAll(userKeys);
        return keys;
    }

    @Override
    public double[] metadata(String key) {
        double[] values = new double[names.size()];
        boolean user = userKeys.contains(key);
        for (int i = 0; i < values.length; i++) {
            Object v =
                    user ? userValues.get(i).get(key) : metadata.get(i).asMap().get(key);
            values[i] = v instanceof Number number ? number.doubleValue() : Double.NaN;
        }
        return values;
    }

    /** The task of that name; callers ask only for tasks listed by {@link #tasks()}. */
    private LoadedTask loaded(String task) {
        LoadedTask loaded = tasks.get(task);
        if (loaded == null) {
            throw new IllegalStateException("The run has no task '" + task + "'.");
        }
        return loaded;
    }

    private ActiveLearningScores scoresOf(String task) {
        ActiveLearningScores s = scores.get(task);
        if (s == null) {
            throw new IllegalStateException("The run has no scores for task '" + task + "'.");
        }
        return s;
    }

    private PredictionFacts facts(String task) {
        return facts.computeIfAbsent(task, t -> PredictionFacts.of(loaded(t).table()));
    }

    /** Per candidate, its row in the task's table. */
    private int[] rows(String task) {
        return tableRows.computeIfAbsent(task, t -> {
            PredictionsTable table = loaded(t).table();
            int[] rows = new int[names.size()];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = table.indexOf(names.get(i));
                if (rows[i] < 0) {
                    throw new IllegalStateException(
                            "The candidate " + names.get(i) + " is missing from the table of task " + t + ".");
                }
            }
            return rows;
        });
    }

    private double[][] inCandidateOrder(String task, double[] tableOrder, int width) {
        int[] rows = rows(task);
        double[] out = new double[names.size() * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(tableOrder, rows[i] * width, out, i * width, width);
        }
        return new double[][] {out};
    }

    private ClassTable classTable(String task, double[][] perTableRow) {
        List<String> categories =
                loaded(task).schema().categories().stream().map(Category::name).toList();
        int k = categories.size();
        int[] rows = rows(task);
        double[] values = new double[names.size() * k];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(perTableRow[rows[i]], 0, values, i * k, k);
        }
        return new ClassTable(categories, values);
    }
}
