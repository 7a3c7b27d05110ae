package dev.winnow.scores.read;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.MediaCounts;
import dev.winnow.datasource.PartitionEngine;
import dev.winnow.datasource.PredictionsFiles;
import dev.winnow.datasource.Progress;
import dev.winnow.datasource.RelevantFilenames;
import dev.winnow.datasource.SampleLister;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.TaskList;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.format.validate.FileResult;
import dev.winnow.format.validate.ValidationOptions;
import dev.winnow.scores.table.PredictionsTable;
import dev.winnow.scores.table.PredictionsTableBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Reads one task's predictions from a datasource into a {@link PredictionsTable}: the task must be
 * listed in {@code tasks.json} and have a valid schema; every prediction file is matched to its
 * image or video frame, read and checked on several threads, and kept when it has no error.
 * Invalid files are reported and skipped; {@code .lightly/relevant_filenames.txt} in the output
 * location restricts the samples. Checks that need image sizes (boxes inside the image,
 * RLE pixel counts) are left to {@code winnow validate}, so no image header is read.
 *
 * <pre>{@code
 * TaskPredictions.Result r = new TaskPredictions(input, output, ValidationOptions.defaults(), 4)
 *         .read("cars", diagnostic -> System.err.println(diagnostic.toText()));
 * ActiveLearningScores scores = ActiveLearningScorer.scoreTable(r.table());
 * }</pre>
 *
 * <p>Diagnostics reach the sink one at a time from the calling thread, in sample order. Safe to
 * use from one thread at a time.
 */
public final class TaskPredictions {
    private static final long MAX_TASK_FILE_BYTES = 1L << 20;

    private final Datasource input;
    private final Datasource output;
    private final ValidationOptions options;
    private final int threads;
    private final @Nullable PartitionEngine engine;

    /**
     * @param input   where the images and videos are
     * @param output  where {@code .lightly/predictions} is (may be the same location as {@code input})
     * @param threads how many files to read at once, at least 1
     */
    public TaskPredictions(Datasource input, Datasource output, ValidationOptions options, int threads) {
        this.input = Objects.requireNonNull(input, "input");
        this.output = Objects.requireNonNull(output, "output");
        this.options = Objects.requireNonNull(options, "options");
        if (threads < 1) {
            throw new IllegalArgumentException(
                    "At least one thread is needed to read predictions, but " + threads + " were asked for.");
        }
        this.threads = threads;
        this.engine = null;
    }

    /**
     * Reads the prediction files in partitions on {@code engine} (a cluster); listing, matching and the
     * result stay here, and the result is the one reading on this machine gives.
     */
    public TaskPredictions(Datasource input, Datasource output, ValidationOptions options, PartitionEngine engine) {
        this.input = Objects.requireNonNull(input, "input");
        this.output = Objects.requireNonNull(output, "output");
        this.options = Objects.requireNonNull(options, "options");
        this.threads = 1;
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * The table and the counts of one task.
     *
     * @param table                    the samples whose prediction file is valid, sorted by name
     * @param predictionFiles          prediction files matched to a sample
     * @param invalidFiles             of those, the files skipped for errors
     * @param samplesWithoutPrediction images and video frames of the input without a prediction file
     * @param media                    the table's samples as images and videos, with the frames taken from the videos
     */
    public record Result(
            PredictionsTable table,
            int predictionFiles,
            int invalidFiles,
            int samplesWithoutPrediction,
            MediaCounts media) {}

    /** Reads task {@code taskName}, passing every diagnostic to {@code sink}. */
    public Result read(String taskName, Consumer<Diagnostic> sink)
            throws IOException, UnknownTaskException, InvalidTaskException {
        return read(taskName, sink, Progress.NONE);
    }

    /**
     * Reads task {@code taskName}, passing every diagnostic to {@code sink} and telling
     * {@code progress} how many prediction files are read (one phase).
     */
    public Result read(String taskName, Consumer<Diagnostic> sink, Progress progress)
            throws IOException, UnknownTaskException, InvalidTaskException {
        Objects.requireNonNull(taskName, "taskName");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(progress, "progress");
        TaskSchema schema = schema(taskName, sink);
        PredictionFileIndex.Matches matches = match(taskName, sink);
        PredictionsTableBuilder builder = new PredictionsTableBuilder(taskName, schema);
        progress.phase(
                "Reading the predictions of task " + taskName, matches.samples().size());
        int invalid = engine != null
                ? ParallelTableReader.spread(engine, matches.samples(), options, builder, sink, progress::advance)
                : ParallelTableReader.read(
                        output, matches.samples(), schema, options, threads, builder, sink, progress::advance);
        progress.endPhase();
        int files = matches.samples().size();
        if (files > 0 && invalid == files) {
            String message = "Every prediction file of task " + taskName + " is invalid (" + files
                    + (files == 1 ? " file" : " files") + "), so no sample can be scored.";
            sink.accept(DiagnosticCode.TASK_ALL_INVALID.of(PredictionsLayout.taskFolder(taskName) + "/", message));
            throw new InvalidTaskException(message);
        }
        PredictionsTable table = builder.build();
        Set<String> videos = new HashSet<>();
        long frames = 0;
        for (String sample : table.sampleNames()) {
            String video = matches.videoOfFrame().get(sample);
            if (video != null) {
                videos.add(video);
                frames++;
            }
        }
        return new Result(
                table,
                files,
                invalid,
                matches.samplesWithoutPrediction(),
                new MediaCounts(table.sampleCount() - frames, videos.size(), frames));
    }

    /** Lists and matches in a method of its own, so the full listings are garbage before the table fills. */
    private PredictionFileIndex.Matches match(String taskName, Consumer<Diagnostic> sink) throws IOException {
        List<SampleLister.Refused> refused = new ArrayList<>();
        List<String> media = SampleLister.all(input, refused);
        Optional<RelevantFilenames> relevant = RelevantFilenames.read(output);
        Predicate<String> keep = relevant.isPresent() ? relevant.get()::contains : sample -> true;
        // Reported as validate and run report them: never read, never fatal.
        for (SampleLister.Refused r : refused) {
            if (keep.test(r.path())) {
                sink.accept(DiagnosticCode.UNREADABLE.of(r.path(), r.message(input)));
            }
        }
        return PredictionFileIndex.match(input, output, media, keep, taskName, sink);
    }

    private TaskSchema schema(String taskName, Consumer<Diagnostic> sink)
            throws IOException, UnknownTaskException, InvalidTaskException {
        PredictionsFiles files = new PredictionsFiles(
                output, Math.min(MAX_TASK_FILE_BYTES, options.limits().maxFileBytes()));
        String tasksFile = PredictionsLayout.TASKS_FILE;
        Optional<FileResult<TaskList>> tasks = PredictionsLayout.readTaskList(files, options);
        if (tasks.isEmpty()) {
            throw new UnknownTaskException("Task " + taskName + " cannot be scored: " + output.description()
                    + " has no " + tasksFile + " listing the tasks.");
        }
        tasks.get().diagnostics().forEach(sink);
        if (tasks.get().value().isEmpty()) {
            throw new InvalidTaskException("Task " + taskName + " cannot be scored: " + tasksFile + " is invalid.");
        }
        List<String> names = tasks.get().value().get().names();
        if (!names.contains(taskName)) {
            throw new UnknownTaskException("Task " + taskName + " is not listed in " + tasksFile
                    + "; the listed tasks are " + (names.isEmpty() ? "none" : String.join(", ", names)) + ".");
        }
        FileResult<TaskSchema> schema = PredictionsLayout.readSchema(files, taskName, options);
        schema.diagnostics().forEach(sink);
        if (schema.value().isEmpty()) {
            boolean missing =
                    schema.diagnostics().stream().anyMatch(d -> d.code().equals(DiagnosticCode.SCHEMA_MISSING.code()));
            throw new InvalidTaskException("Task " + taskName + " cannot be scored: "
                    + (missing ? "it has no schema.json." : "its schema.json is invalid."));
        }
        return schema.value().get();
    }
}
