package dev.winnow.run;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.FileTooLargeException;
import dev.winnow.datasource.LocationAccessException;
import dev.winnow.datasource.PredictionsFiles;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.PredictionFile;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.TaskList;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.io.PredictionFileReader;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.format.validate.DiagnosticCollector;
import dev.winnow.format.validate.FileResult;
import dev.winnow.format.validate.SampleFacts;
import dev.winnow.format.validate.ValidationOptions;
import dev.winnow.media.ImageSize;
import dev.winnow.scores.table.PredictionsTableBuilder;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Reads and checks the predictions of a run's candidates from {@code .lightly/predictions/} of the
 * output: {@code tasks.json}, each listed task's schema, and one prediction file per candidate and
 * task. As the reference Worker does, invalid files are skipped and reported, a task without a
 * valid schema is reported and left out, and a task whose files are all invalid fails the run.
 *
 * <p>Files are read on the pipeline's pool; the loader itself is used from one thread.
 */
final class PredictionsLoader {
    private static final int CHUNK = 256;

    private final Datasource output;
    private final ValidationOptions options;
    private final DiagnosticCollector diagnostics;
    private final ExecutorService pool;
    /** The listed tasks with a valid schema, read once. */
    private @Nullable List<Map.Entry<String, TaskSchema>> tasks;

    PredictionsLoader(
            Datasource output, ValidationOptions options, DiagnosticCollector diagnostics, ExecutorService pool) {
        this.output = output;
        this.pool = pool;
        this.options = options;
        this.diagnostics = diagnostics;
    }

    /** The listed tasks with a valid schema, in {@code tasks.json} order; empty without a {@code tasks.json}. */
    List<Map.Entry<String, TaskSchema>> tasks() throws IOException {
        if (tasks == null) {
            tasks = readTasks();
        }
        return tasks;
    }

    private List<Map.Entry<String, TaskSchema>> readTasks() throws IOException {
        PredictionsFiles files = new PredictionsFiles(output, options.limits().maxFileBytes());
        Optional<FileResult<TaskList>> tasks = PredictionsLayout.readTaskList(files, options);
        if (tasks.isEmpty()) {
            return List.of();
        }
        diagnostics.addAll(tasks.get().diagnostics());
        if (tasks.get().value().isEmpty()) {
            return List.of();
        }
        List<Map.Entry<String, TaskSchema>> result = new ArrayList<>();
        for (String task : tasks.get().value().get().names()) {
            FileResult<TaskSchema> schema = PredictionsLayout.readSchema(files, task, options);
            diagnostics.addAll(schema.diagnostics());
            schema.value().ifPresent(s -> result.add(Map.entry(task, s)));
        }
        return result;
    }

    /**
     * Reads {@code task}'s prediction files of {@code samples} (sizes from their headers, null where
     * unknown) into a table holding every sample.
     */
    LoadedTask load(String task, TaskSchema schema, List<String> samples, List<ImageSize> sizes) throws IOException {
        PredictionsTableBuilder builder = new PredictionsTableBuilder(task, schema);
        int files = 0;
        int invalid = 0;
        // Files are read and checked on the pool a chunk at a time; results are taken in sample order.
        for (int start = 0; start < samples.size(); start += CHUNK) {
            int end = Math.min(samples.size(), start + CHUNK);
            List<Future<Outcome>> outcomes = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                String sample = samples.get(i);
                ImageSize size = sizes.get(i);
                outcomes.add(pool.submit(() -> readOne(task, schema, sample, size)));
            }
            for (int i = start; i < end; i++) {
                String sample = samples.get(i);
                Outcome outcome = await(outcomes.get(i - start), sample);
                diagnostics.addAll(outcome.diagnostics());
                if (outcome.found()) {
                    files++;
                }
                PredictionFile valid = outcome.file();
                if (valid != null) {
                    builder.add(sample, valid);
                } else {
                    invalid += outcome.found() ? 1 : 0;
                    builder.add(sample, new PredictionFile(Optional.empty(), List.of()));
                }
            }
        }
        failIfAllInvalid(task, files, invalid);
        return new LoadedTask(task, schema, builder.build(), files, invalid);
    }

    /** Ends the run when every prediction file found for {@code task} was invalid. */
    void failIfAllInvalid(String task, int files, int invalid) {
        if (files > 0 && invalid == files) {
            Diagnostic all = DiagnosticCode.TASK_ALL_INVALID.of(
                    PredictionsLayout.taskFolder(task),
                    "Every one of the " + files + " prediction files of task '" + task
                            + "' is invalid; fix them or remove the task from tasks.json.");
            diagnostics.add(all);
            throw new RunFailedException(all.toText());
        }
    }

    /** What reading one sample's file gave: whether it exists, its value when valid, and its diagnostics. */
    record Outcome(boolean found, @Nullable PredictionFile file, List<Diagnostic> diagnostics) {}

    Outcome readOne(String task, TaskSchema schema, String sample, @Nullable ImageSize size) throws IOException {
        String file = PredictionsLayout.file(task, sample);
        Optional<byte[]> bytes;
        try {
            bytes = readIfPresent(file);
        } catch (FileTooLargeException e) {
            return new Outcome(true, null, List.of(DiagnosticCode.FILE_TOO_LARGE.of(file, e.getMessage())));
        }
        if (bytes.isEmpty()) {
            return new Outcome(
                    false,
                    null,
                    List.of(DiagnosticCode.SAMPLE_WITHOUT_PREDICTION.of(
                            file,
                            "The sample '" + sample + "' has no prediction file in task '" + task
                                    + "'; it counts as having no predictions.")));
        }
        SampleFacts facts =
                size == null ? SampleFacts.named(sample) : SampleFacts.of(sample, size.width(), size.height());
        FileResult<PredictionFile> result = PredictionFileReader.read(file, bytes.get(), schema, facts, options);
        return new Outcome(true, result.value().orElse(null), result.diagnostics());
    }

    private static Outcome await(Future<Outcome> future, String sample) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while reading the predictions of " + sample + ".", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(
                    "Reading the predictions of " + sample + " failed: " + e.getCause(), e.getCause());
        }
    }

    /** One sample's valid prediction file of a task, read again (for thumbnails). */
    Optional<PredictionFile> read(String task, TaskSchema schema, String sample, @Nullable ImageSize size) {
        String file = PredictionsLayout.file(task, sample);
        try {
            Optional<byte[]> bytes = readIfPresent(file);
            if (bytes.isEmpty()) {
                return Optional.empty();
            }
            SampleFacts facts =
                    size == null ? SampleFacts.named(sample) : SampleFacts.of(sample, size.width(), size.height());
            return PredictionFileReader.read(file, bytes.get(), schema, facts, options)
                    .value();
        } catch (IOException e) {
            LocationAccessException.rethrowIfDenied(e);
            return Optional.empty();
        }
    }

    /** One read per file, no separate existence check: most samples have a prediction file. */
    private Optional<byte[]> readIfPresent(String file) throws IOException {
        try {
            return Optional.of(output.readAllBytes(file, options.limits().maxFileBytes()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
