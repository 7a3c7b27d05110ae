package dev.winnow.validate;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocationAccessException;
import dev.winnow.datasource.MediaCounts;
import dev.winnow.datasource.MediaKind;
import dev.winnow.datasource.PartitionEngine;
import dev.winnow.datasource.PredictionsFiles;
import dev.winnow.datasource.SampleLister;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.TaskList;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.Wording;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.format.validate.DiagnosticCollector;
import dev.winnow.format.validate.FileResult;
import dev.winnow.media.MediaException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Validates the {@code .lightly/predictions} folder of an output location against the samples of
 * an input location, as DESIGN §3 describes: {@code tasks.json}, each listed task's schema, and every
 * prediction file of each task, matched to its image or video frame. It reads only; nothing is
 * written anywhere.
 *
 * <p>Policy, as the reference Worker's: a listed task without a valid schema is an error; invalid
 * prediction files are reported and skipped; a task whose files are all invalid fails. Files are
 * checked in parallel on {@code settings.threads()} threads, in bounded memory, and the report's
 * diagnostics are in the same order whatever the thread timing.
 *
 * <pre>{@code
 * ValidationReport report = new PredictionsValidator(MediaFacts.fromHeaders(), ValidationSettings.defaults())
 *         .validate(input, output);
 * }</pre>
 *
 * <p>Instances are immutable; {@link #validate} may be called from several threads.
 */
public final class PredictionsValidator {
    static final String TASKS_FILE = PredictionsLayout.TASKS_FILE;

    private final MediaFacts media;
    private final ValidationSettings settings;
    private final @Nullable PartitionEngine engine;

    public PredictionsValidator(MediaFacts media, ValidationSettings settings) {
        this.media = Objects.requireNonNull(media, "media");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.engine = null;
    }

    /**
     * Checks the prediction files of each task in partitions on {@code engine} (a cluster), with the
     * real media facts there; listing, matching and the report stay here, and the report is the one
     * a validation on this machine gives.
     */
    public PredictionsValidator(MediaFacts media, ValidationSettings settings, PartitionEngine engine) {
        this.media = Objects.requireNonNull(media, "media");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * Validates the predictions of {@code output} against the samples of {@code input} (the same
     * datasource when predictions sit beside the images).
     *
     * @throws IllegalArgumentException when a task asked for in the settings is not in {@code tasks.json}
     * @throws IOException when a location cannot be listed
     */
    public ValidationReport validate(Datasource input, Datasource output) throws IOException {
        DiagnosticCollector collector = new DiagnosticCollector(settings.maxDiagnostics());
        List<ValidationReport.TaskOutcome> outcomes = new ArrayList<>();
        Optional<TaskList> taskList = readTaskList(output, collector);
        if (taskList.isEmpty()) {
            List<String> samples = samples(input, output, collector);
            return new ValidationReport(
                    samples.size(),
                    outcomes,
                    collector.sorted(),
                    collector.errors(),
                    collector.warnings(),
                    collector.suppressed(),
                    mediaCounts(input, samples, Map.of()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), daemonThreads());
        try {
            // The first task's folder is listed on the pool while this thread lists the samples: two
            // walks of the same size that would otherwise run one after the other on one core.
            Optional<String> first = taskList.get().names().stream()
                    .filter(t -> settings.tasks().isEmpty() || settings.tasks().contains(t))
                    .findFirst();
            Future<List<String>> firstListing =
                    first.isEmpty() ? null : pool.submit(() -> output.list(PredictionsLayout.taskFolder(first.get())));
            List<String> samples = samples(input, output, collector);
            List<String> tasks = selectTasks(taskList.get().names());
            TaskChecker.Shared shared = new TaskChecker.Shared(
                    input,
                    output,
                    settings,
                    media,
                    new SampleIndex(samples),
                    collector,
                    pool,
                    new ConcurrentHashMap<>(),
                    ConcurrentHashMap.newKeySet(),
                    engine,
                    null);
            for (String task : tasks) {
                Future<List<String>> listing = first.isPresent() && task.equals(first.get()) ? firstListing : null;
                outcomes.add(validateTask(shared, task, taskList.get().names(), listing));
            }
            return new ValidationReport(
                    samples.size(),
                    outcomes,
                    collector.sorted(),
                    collector.errors(),
                    collector.warnings(),
                    collector.suppressed(),
                    mediaCounts(input, samples, shared.frameCounts()));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The samples as images and videos, with the videos' frames; a video whose frame count the
     * checks already read is not read again, one whose count cannot be read adds no frame.
     */
    private MediaCounts mediaCounts(Datasource input, List<String> samples, Map<String, Optional<Integer>> known) {
        long images = 0;
        long videos = 0;
        long frames = 0;
        for (String sample : samples) {
            if (MediaKind.of(sample).orElse(MediaKind.IMAGE) != MediaKind.VIDEO) {
                images++;
                continue;
            }
            videos++;
            Optional<Integer> count = known.get(sample);
            if (count == null) {
                try {
                    count = Optional.of(media.frameCount(input, sample));
                } catch (IOException | MediaException e) {
                    LocationAccessException.rethrowIfDenied(e);
                    count = Optional.empty();
                }
            }
            frames += count.orElse(0);
        }
        return new MediaCounts(images, videos, frames);
    }

    /** The samples; those that lead out of the input are reported, one by one, and never read. */
    private static List<String> samples(Datasource input, Datasource output, DiagnosticCollector collector)
            throws IOException {
        SampleLister.Listing listing = SampleLister.scan(input, output);
        for (SampleLister.Refused r : listing.refused()) {
            collector.add(DiagnosticCode.UNREADABLE.of(r.path(), r.message(input)));
        }
        return listing.samples();
    }

    private List<String> selectTasks(List<String> listed) {
        if (settings.tasks().isEmpty()) {
            return listed;
        }
        for (String wanted : settings.tasks()) {
            if (!listed.contains(wanted)) {
                throw new IllegalArgumentException("The task \"" + wanted + "\" is not listed in " + TASKS_FILE
                        + (listed.isEmpty()
                                ? ", which lists no task."
                                : "; it lists: " + String.join(", ", listed) + "."));
            }
        }
        return listed.stream().filter(settings.tasks()::contains).toList();
    }

    private Optional<TaskList> readTaskList(Datasource output, DiagnosticCollector collector) throws IOException {
        Optional<FileResult<TaskList>> read = PredictionsLayout.readTaskList(files(output), settings.options());
        if (read.isEmpty()) {
            collector.add(DiagnosticCode.TASKS_MISSING.of(
                    TASKS_FILE,
                    "There is no tasks.json; expected a JSON list of the " + "task names to check at " + TASKS_FILE
                            + "."));
            return Optional.empty();
        }
        collector.addAll(read.get().diagnostics());
        Optional<TaskList> result = read.get().value();
        if (result.isPresent() && result.get().names().isEmpty()) {
            String root = PredictionsLayout.ROOT + "/";
            String schemaSuffix = "/" + PredictionsLayout.SCHEMA;
            List<String> folders = output.list(PredictionsLayout.ROOT).stream()
                    .filter(p -> p.endsWith(schemaSuffix))
                    .map(p -> p.substring(root.length(), p.length() - schemaSuffix.length()))
                    .toList();
            if (!folders.isEmpty()) {
                collector.add(DiagnosticCode.NO_TASK_LISTED.of(
                        TASKS_FILE,
                        "tasks.json lists no task, so nothing is checked, "
                                + "but " + root + " holds " + Wording.count(folders.size(), "task folder")
                                + " with a schema.json ("
                                + String.join(", ", folders) + "); list the tasks to check in tasks.json."));
            }
        }
        return result;
    }

    private ValidationReport.TaskOutcome validateTask(
            TaskChecker.Shared shared, String task, List<String> allTasks, @Nullable Future<List<String>> listing)
            throws IOException {
        FileResult<TaskSchema> schema = PredictionsLayout.readSchema(files(shared.output()), task, settings.options());
        shared.collector().addAll(schema.diagnostics());
        if (schema.value().isEmpty()) {
            return new ValidationReport.TaskOutcome(task, null, 0, 0, 0, 0, true);
        }
        List<String> nested = new ArrayList<>();
        for (String other : allTasks) {
            if (other.startsWith(task + "/")) {
                nested.add(other.substring(task.length() + 1));
            }
        }
        return new TaskChecker(shared, task, schema.value().get()).run(nested, listing);
    }

    private PredictionsFiles files(Datasource output) {
        return new PredictionsFiles(output, settings.options().limits().maxFileBytes());
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "winnow-validate-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
