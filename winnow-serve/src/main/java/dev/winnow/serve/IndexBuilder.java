package dev.winnow.serve;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.MediaKind;
import dev.winnow.datasource.PredictionsFiles;
import dev.winnow.datasource.Progress;
import dev.winnow.datasource.SampleLister;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.TaskList;
import dev.winnow.format.validate.FileResult;
import dev.winnow.format.validate.ValidationOptions;
import dev.winnow.media.UserMetadataReader;
import dev.winnow.scores.ActiveLearningScorer;
import dev.winnow.scores.ActiveLearningScores;
import dev.winnow.scores.ScoreName;
import dev.winnow.scores.read.InvalidTaskException;
import dev.winnow.scores.read.TaskPredictions;
import dev.winnow.scores.read.UnknownTaskException;
import dev.winnow.scores.table.PredictionsTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Builds the {@link SampleIndex} from the datasource: every task listed in {@code tasks.json} is
 * read into the predictions table and scored exactly as {@code winnow scores} does; the samples
 * are the listed images plus every sample with a valid prediction file. A task that cannot be read
 * is left out with its reason passed to the diagnostics sink.
 */
final class IndexBuilder {
    private final Datasource input;
    private final Datasource output;
    private final int threads;

    IndexBuilder(Datasource input, Datasource output, int threads) {
        this.input = input;
        this.output = output;
        this.threads = threads;
    }

    /**
     * Builds the index; {@code media} are the input's images and videos with their sizes, sorted by
     * name, as {@link IndexCache#listing} found them (the sizes come from there, not from a second
     * look at every file).
     */
    SampleIndex build(List<Datasource.ListedFile> media, Progress progress, Consumer<Diagnostic> diagnostics)
            throws IOException {
        ValidationOptions options = ValidationOptions.defaults();
        List<String> taskNames = taskNames(options, diagnostics);
        List<PredictionsTable> tables = new ArrayList<>();
        List<ActiveLearningScores> scores = new ArrayList<>();
        TaskPredictions reader = new TaskPredictions(input, output, options, threads);
        for (String task : taskNames) {
            try {
                PredictionsTable table =
                        reader.read(task, diagnostics, progress).table();
                tables.add(table);
                scores.add(ActiveLearningScorer.scoreTable(table));
            } catch (UnknownTaskException | InvalidTaskException e) {
                progress.message(String.valueOf(e.getMessage()));
            }
        }
        TreeSet<String> names = new TreeSet<>();
        List<String> listed = media.stream().map(Datasource.ListedFile::path).toList();
        for (String sample : SampleLister.readable(input, listed, new ArrayList<>())) {
            if (MediaKind.of(sample).orElse(MediaKind.VIDEO) == MediaKind.IMAGE) {
                names.add(sample);
            }
        }
        tables.forEach(t -> names.addAll(t.sampleNames()));
        List<String> sorted = List.copyOf(names);
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            position.put(sorted.get(i), i);
        }
        // Both lists are sorted by name: one merge finds each sample's size (-1 for a frame, which has no file).
        long[] sizes = new long[sorted.size()];
        for (int i = 0, m = 0; i < sorted.size(); i++) {
            while (m < media.size() && media.get(m).path().compareTo(sorted.get(i)) < 0) {
                m++;
            }
            sizes[i] = m < media.size() && media.get(m).path().equals(sorted.get(i))
                    ? media.get(m).size()
                    : -1L;
        }
        List<TaskColumns> tasks = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            tasks.add(columns(tables.get(t), scores.get(t), position, sorted.size()));
        }
        return new SampleIndex(sorted, sizes, tasks, metadata(sorted, diagnostics, progress));
    }

    private List<String> taskNames(ValidationOptions options, Consumer<Diagnostic> diagnostics) throws IOException {
        PredictionsFiles files = new PredictionsFiles(output, 1L << 20);
        Optional<FileResult<TaskList>> list = PredictionsLayout.readTaskList(files, options);
        if (list.isEmpty()) {
            return List.of();
        }
        list.get().diagnostics().forEach(diagnostics);
        return list.get().value().map(TaskList::names).orElse(List.of());
    }

    private static TaskColumns columns(
            PredictionsTable table, ActiveLearningScores scores, Map<String, Integer> position, int samples) {
        boolean[] present = new boolean[samples];
        int[] start = new int[samples + 1];
        int[] tableRow = new int[samples];
        Arrays.fill(tableRow, -1);
        for (int row = 0; row < table.sampleCount(); row++) {
            int at = Objects.requireNonNull(position.get(table.sampleName(row)));
            present[at] = true;
            tableRow[at] = row;
        }
        int[] classIndex = new int[table.singletonCount()];
        float[] score = new float[table.singletonCount()];
        int next = 0;
        for (int i = 0; i < samples; i++) {
            start[i] = next;
            int row = tableRow[i];
            if (row >= 0) {
                for (int s = table.firstSingleton(row); s < table.endSingleton(row); s++) {
                    classIndex[next] = table.categoryIndex(s);
                    // A classification has its probabilities; the one of its class stands for its score.
                    score[next] = table.hasScore(s)
                            ? (float) table.score(s)
                            : table.hasProbabilities(s)
                                    ? (float) table.probability(s, table.categoryIndex(s))
                                    : Float.NaN;
                    next++;
                }
            }
        }
        start[samples] = next;
        Map<String, float[]> activeLearning = new LinkedHashMap<>();
        for (ScoreName name : scores.names()) {
            double[] column = scores.column(name);
            float[] values = new float[samples];
            Arrays.fill(values, Float.NaN);
            for (int row = 0; row < scores.sampleCount(); row++) {
                values[Objects.requireNonNull(position.get(scores.sampleName(row)))] = (float) column[row];
            }
            activeLearning.put(name.wireName(), values);
        }
        List<String> classes = table.schema().categories().stream()
                .sorted((a, b) -> Integer.compare(a.id(), b.id()))
                .map(c -> c.name())
                .toList();
        return new TaskColumns(
                table.taskName(), table.taskType(), classes, present, start, classIndex, score, activeLearning);
    }

    private Map<String, String[]> metadata(List<String> names, Consumer<Diagnostic> sink, Progress progress)
            throws IOException {
        List<Diagnostic> diagnostics = new ArrayList<>();
        UserMetadataReader reader = UserMetadataReader.open(output, diagnostics);
        Map<String, String[]> fields = new LinkedHashMap<>();
        if (reader.schema().fields().isEmpty()) {
            diagnostics.forEach(sink);
            return fields;
        }
        progress.phase("Reading user metadata", names.size());
        for (int i = 0; i < names.size(); i++) {
            for (Map.Entry<String, Object> e :
                    reader.read(names.get(i), diagnostics).entrySet()) {
                fields.computeIfAbsent(e.getKey(), k -> new String[names.size()])[i] = String.valueOf(e.getValue());
            }
            if ((i & 1023) == 1023) {
                progress.advance(i + 1);
            }
        }
        progress.advance(names.size());
        progress.endPhase();
        diagnostics.forEach(sink);
        return fields;
    }
}
