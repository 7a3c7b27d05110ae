package dev.winnow.run;

import dev.winnow.format.Diagnostic;
import dev.winnow.media.ImageMetadata;
import dev.winnow.media.MetadataField;
import dev.winnow.media.UserMetadataReader;
import dev.winnow.run.datapool.Datapool;
import dev.winnow.scores.ActiveLearningScorer;
import dev.winnow.scores.ActiveLearningScores;
import dev.winnow.select.EmbeddingMatrix;
import dev.winnow.select.SelectionResult;
import dev.winnow.select.Selector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Scoring and selecting among a run's candidates: the active-learning scores of every task, the
 * user metadata of each candidate (a crop takes its parent's), the embeddings of what earlier runs
 * selected, and the greedy selection itself.
 */
final class RunSelection {
    private final RunContext ctx;

    RunSelection(RunContext ctx) {
        this.ctx = ctx;
    }

    /** The selection's result: picks in order, or null when there were no candidates. */
    record Picks(@Nullable SelectionResult result, List<String> selected) {}

    /**
     * Selects among {@code names} (rows of {@code matrix}, {@code metadata} and the tasks' tables);
     * {@code userMetadataOf} gives, per candidate, the sample whose user metadata it takes.
     */
    Picks select(
            List<String> names,
            List<RunSample> userMetadataOf,
            EmbeddingMatrix matrix,
            Optional<EmbeddingMatrix> earlier,
            List<LoadedTask> tasks,
            Map<String, ActiveLearningScores> scores,
            List<ImageMetadata> metadata,
            Optional<String> objectTask)
            throws IOException {
        List<Diagnostic> metadataProblems = new ArrayList<>();
        UserMetadataReader userMetadata = UserMetadataReader.open(ctx.request().output(), metadataProblems);
        List<String> userKeys = userMetadata.schema().fields().stream()
                .filter(f -> f.type().isNumeric())
                .map(MetadataField::path)
                .toList();
        List<Map<String, Object>> userValues = new ArrayList<>(names.size());
        if (!userMetadata.schema().fields().isEmpty()) {
            ctx.progress().phase("Reading user metadata", names.size());
            Map<String, Map<String, Object>> read = new HashMap<>();
            for (int c = 0; c < names.size(); c++) {
                RunSample sample = userMetadataOf.get(c);
                Map<String, Object> values = read.get(sample.name());
                if (values == null) {
                    values = userMetadata.read(sample.name(), metadataProblems);
                    read.put(sample.name(), values);
                }
                userValues.add(values);
                ctx.progress().advance(c + 1);
            }
        } else {
            names.forEach(c -> userValues.add(Map.of()));
        }
        ctx.diagnostics().addAll(metadataProblems);
        RunSelectionInputs inputs = new RunSelectionInputs(
                names, matrix, earlier, tasks, scores, metadata, userKeys, userValues, objectTask);
        ctx.progress().phase("Selecting", 0);
        SelectionResult result = names.isEmpty()
                ? null
                : new Selector(
                                ctx.threads(),
                                null,
                                ctx.engine()
                                        .flatMap(SampleEngine::kCenterRoundOne)
                                        .orElse(null))
                        .select(
                                ctx.request().config().selection(),
                                inputs,
                                ctx.request().config().seed());
        ctx.progress().endPhase();
        List<String> selected = new ArrayList<>();
        if (result != null) {
            for (int k = 0; k < result.size(); k++) {
                selected.add(names.get(result.pick(k)));
            }
        }
        return new Picks(result, selected);
    }

    /** Each task's active-learning scores, by task name in task order. */
    Map<String, ActiveLearningScores> score(List<LoadedTask> tasks) {
        Map<String, ActiveLearningScores> scores = new LinkedHashMap<>();
        ctx.progress().phase("Scoring", tasks.size());
        for (int t = 0; t < tasks.size(); t++) {
            ActiveLearningScores s =
                    ActiveLearningScorer.scoreTable(tasks.get(t).table());
            ctx.diagnostics().addAll(s.diagnostics());
            scores.put(tasks.get(t).name(), s);
            ctx.progress().advance(t + 1);
        }
        ctx.progress().endPhase();
        return scores;
    }

    /** Embeddings of the samples earlier runs selected: fresh ones where processed now, else the datapool's. */
    static Optional<EmbeddingMatrix> earlierEmbeddings(
            Datapool pool, List<String> names, float[] embeddings, String embedderId, int dimension) {
        if (pool.selected().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> now = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            now.put(names.get(i), i);
        }
        boolean poolComparable = pool.embedderId().equals(embedderId) && pool.dimension() == dimension;
        List<float[]> rows = new ArrayList<>();
        for (String name : pool.selected()) {
            Integer i = now.get(name);
            if (i != null) {
                float[] row = new float[dimension];
                System.arraycopy(embeddings, i * dimension, row, 0, dimension);
                rows.add(row);
            } else if (poolComparable) {
                pool.embeddingOf(name).ifPresent(rows::add);
            }
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        float[] flat = new float[rows.size() * dimension];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, flat, r * dimension, dimension);
        }
        return Optional.of(new EmbeddingMatrix(flat, dimension));
    }
}
