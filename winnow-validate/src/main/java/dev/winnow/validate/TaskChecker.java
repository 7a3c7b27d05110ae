package dev.winnow.validate;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocationAccessException;
import dev.winnow.datasource.PartitionEngine;
import dev.winnow.datasource.PathOutsideRootException;
import dev.winnow.datasource.PredictionsFiles;
import dev.winnow.datasource.SystemFiles;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.FrameName;
import dev.winnow.format.PredictionFile;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import dev.winnow.format.Wording;
import dev.winnow.format.io.PredictionFileReader;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.format.validate.DiagnosticCollector;
import dev.winnow.format.validate.FileResult;
import dev.winnow.format.validate.SampleFacts;
import dev.winnow.media.ImageSize;
import dev.winnow.media.MediaException;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Checks the prediction files of one task. The calling thread walks the sorted file list, matches
 * each file to its sample (cheap map lookups) and hands batches to the pool, where each file is read
 * and checked; at most a few batches are in flight, so memory does not grow with the number of
 * files. After the last batch, samples that no file matched are reported.
 */
final class TaskChecker {
    private static final int BATCH = 256;

    /** What one validation run shares between its tasks. */
    record Shared(
            Datasource input,
            Datasource output,
            ValidationSettings settings,
            MediaFacts media,
            SampleIndex samples,
            DiagnosticCollector collector,
            @Nullable ExecutorService pool,
            Map<String, Optional<Integer>> frameCounts,
            Set<String> unreadableImages,
            @Nullable PartitionEngine engine,
            @Nullable Map<String, Diagnostic> heldMediaProblems) {}

    /**
     * What checking one partition of a task's files elsewhere found: its diagnostics, the problems with
     * images and videos (each to be reported once per validation, so the merge decides), the frame
     * counts read (-1: unreadable) and the files' verdicts.
     */
    record CheckedPart(
            DiagnosticCollector.Gathered diagnostics,
            LinkedHashMap<String, Diagnostic> mediaProblems,
            HashMap<String, Integer> frameCounts,
            long valid,
            long invalid)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * A prediction file and the sample it was matched to (null for an orphan); {@code frame} when the
     * sample is a video and the file names one of its frames.
     */
    record Job(String path, String base, @Nullable String sample, boolean frame) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final Shared shared;
    private final String task;
    private final TaskSchema schema;
    private final AtomicLong valid = new AtomicLong();
    private final AtomicLong invalid = new AtomicLong();

    TaskChecker(Shared shared, String task, TaskSchema schema) {
        this.shared = shared;
        this.task = task;
        this.schema = schema;
    }

    /**
     * Checks every file of the task; {@code nestedTasks} are listed tasks inside this one's folder, left
     * to themselves. {@code listing} is the task folder's listing already under way, or null.
     */
    ValidationReport.TaskOutcome run(List<String> nestedTasks, @Nullable Future<List<String>> listing)
            throws IOException {
        String folder = PredictionsLayout.taskFolder(task) + "/";
        List<String> files;
        try {
            files = listing == null ? shared.output().list(PredictionsLayout.taskFolder(task)) : awaitListing(listing);
        } catch (PathOutsideRootException e) {
            shared.collector()
                    .add(DiagnosticCode.PATH_OUTSIDE_ROOT.of(
                            PredictionsLayout.taskFolder(task),
                            "The folder of task \"" + task
                                    + "\" leads out of the predictions location (a link pointing "
                                    + "outside); its files were not read."));
            return new ValidationReport.TaskOutcome(task, schema.taskType().wireName(), 0, 0, 0, 0, true);
        }
        SampleIndex samples = shared.samples();
        BitSet matched = new BitSet(samples.size());
        Semaphore inFlight = new Semaphore(shared.settings().threads() * 4);
        List<Future<?>> futures = new ArrayList<>();
        List<Job> spread = new ArrayList<>();
        List<Job> batch = new ArrayList<>(BATCH);
        long checked = 0;
        for (String path : files) {
            String relative = path.substring(folder.length());
            if (relative.equals(PredictionsLayout.SCHEMA)
                    || SystemFiles.isSystemFile(relative)
                    || isInNestedTask(relative, nestedTasks)) {
                continue;
            }
            Optional<String> predictionBase = PredictionsLayout.predictionBase(relative);
            if (predictionBase.isEmpty()) {
                shared.collector()
                        .add(DiagnosticCode.NOT_A_PREDICTION_FILE.of(
                                path,
                                "This file in the folder of task \"" + task
                                        + "\" is not a .json prediction file; it was ignored."));
                continue;
            }
            checked++;
            String base = predictionBase.get();
            List<Integer> sharing = samples.imagesSharing(base);
            if (!sharing.isEmpty()) {
                // One file cannot be the predictions of two images; say so once instead of a mismatch and a missing
                // file.
                sharing.forEach(matched::set);
                invalid.incrementAndGet();
                shared.collector()
                        .add(DiagnosticCode.SAMPLES_SHARE_PREDICTION.of(
                                path,
                                Wording.count(sharing.size(), "sample")
                                        + " map to this one prediction file: "
                                        + String.join(
                                                " and ",
                                                sharing.stream()
                                                        .map(samples::sample)
                                                        .toList())
                                        + "; rename all but one so that each image has its own prediction file."));
                continue;
            }
            int sample = samples.image(base);
            FrameName.Parsed frame = null;
            if (sample < 0) {
                Optional<FrameName.Parsed> parsed = FrameName.parse(base);
                if (parsed.isPresent()) {
                    sample = samples.video(parsed.get().video());
                    frame = sample < 0 ? null : parsed.get();
                }
            }
            if (sample >= 0) {
                matched.set(sample);
                String named = samples.sample(sample);
                if (frame == null && !PredictionsLayout.stem(named).equals(base)) {
                    shared.collector()
                            .add(DiagnosticCode.NAME_NORMALISATION.of(
                                    path,
                                    "The prediction file's path and the sample "
                                            + named
                                            + " differ only in Unicode normalisation (composed or "
                                            + "decomposed letters); they are taken as"
                                            + " the same."));
                }
            }
            Job job = new Job(path, base, sample < 0 ? null : samples.sample(sample), frame != null);
            if (shared.engine() != null) {
                spread.add(job);
                continue;
            }
            batch.add(job);
            if (batch.size() == BATCH) {
                futures.add(submit(batch, inFlight));
                batch = new ArrayList<>(BATCH);
            }
        }
        if (!batch.isEmpty()) {
            futures.add(submit(batch, inFlight));
        }
        await(futures);
        if (shared.engine() != null) {
            checkSpread(shared.engine(), spread);
        }

        long withoutPredictions = 0;
        for (int i = matched.nextClearBit(0); i < samples.size(); i = matched.nextClearBit(i + 1)) {
            withoutPredictions++;
            String sample = samples.sample(i);
            String expected = samples.isVideo(i)
                    ? "frame files named " + folder + PredictionsLayout.stem(sample) + "-<frame>-"
                            + PredictionsLayout.extension(sample) + ".json"
                    : folder + PredictionsLayout.stem(sample) + ".json";
            shared.collector()
                    .add(DiagnosticCode.SAMPLE_WITHOUT_PREDICTION.of(
                            sample,
                            "The sample has no prediction in task \"" + task + "\"; expected " + expected + "."));
        }
        boolean failed = checked > 0 && invalid.get() == checked;
        if (failed) {
            shared.collector()
                    .add(DiagnosticCode.TASK_ALL_INVALID.of(
                            PredictionsLayout.taskFolder(task),
                            "All " + checked + " prediction file"
                                    + (checked == 1 ? " of task \"" + task + "\" is" : "s of task \"" + task + "\" are")
                                    + " invalid; expected at least one valid file, so the task fails."));
        }
        return new ValidationReport.TaskOutcome(
                task, schema.taskType().wireName(), checked, valid.get(), invalid.get(), withoutPredictions, failed);
    }

    /**
     * Checks the task's files in partitions on {@code engine}, then merges the parts in order: the
     * same diagnostics and counts as checking them here, each image or video problem reported once.
     */
    private void checkSpread(PartitionEngine engine, List<Job> jobs) throws IOException {
        for (CheckedPart part :
                engine.map(PartitionEngine.split(jobs, engine.partitions()), checkTask(shared.settings(), task))) {
            shared.collector().merge(part.diagnostics());
            part.frameCounts()
                    .forEach((video, count) ->
                            shared.frameCounts().putIfAbsent(video, count < 0 ? Optional.empty() : Optional.of(count)));
            part.mediaProblems().forEach((sample, problem) -> {
                if (shared.unreadableImages().add(sample)) {
                    shared.collector().add(problem);
                }
            });
            valid.addAndGet(part.valid());
            invalid.addAndGet(part.invalid());
        }
    }

    /** The check of one partition, as sent to where it runs: settings and task name only. */
    private static PartitionEngine.Task<Job, CheckedPart> checkTask(ValidationSettings settings, String task) {
        return (input, output, jobs) -> checkPart(input, output, settings, task, jobs);
    }

    /** Where a partition runs: checks its files with the real media facts, holding back media problems. */
    static CheckedPart checkPart(
            Datasource input, Datasource output, ValidationSettings settings, String task, List<Job> jobs)
            throws IOException {
        FileResult<TaskSchema> schema = PredictionsLayout.readSchema(
                new PredictionsFiles(output, settings.options().limits().maxFileBytes()), task, settings.options());
        if (schema.value().isEmpty()) {
            throw new IOException(
                    "The schema of task \"" + task + "\" could not be read where its files were checked.");
        }
        Shared here = new Shared(
                input,
                output,
                settings,
                MediaFacts.fromHeaders(),
                new SampleIndex(List.of()),
                new DiagnosticCollector(settings.maxDiagnostics()),
                null,
                new ConcurrentHashMap<>(),
                new HashSet<>(),
                null,
                new LinkedHashMap<>());
        TaskChecker checker = new TaskChecker(here, task, schema.value().get());
        for (Job job : jobs) {
            checker.check(job);
        }
        HashMap<String, Integer> frames = new HashMap<>();
        here.frameCounts().forEach((video, count) -> frames.put(video, count.orElse(-1)));
        return new CheckedPart(
                here.collector().gathered(),
                new LinkedHashMap<>(Objects.requireNonNull(here.heldMediaProblems())),
                frames,
                checker.valid.get(),
                checker.invalid.get());
    }

    /** A problem with an image or video, reported once per validation (or held back for the merge). */
    private void mediaProblem(String sample, Diagnostic problem) {
        Map<String, Diagnostic> held = shared.heldMediaProblems();
        if (held != null) {
            held.putIfAbsent(sample, problem);
        } else if (shared.unreadableImages().add(sample)) {
            shared.collector().add(problem);
        }
    }

    private static boolean isInNestedTask(String relative, List<String> nestedTasks) {
        for (String nested : nestedTasks) {
            if (relative.startsWith(nested + "/")) {
                return true;
            }
        }
        return false;
    }

    private Future<?> submit(List<Job> jobs, Semaphore inFlight) throws IOException {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Validation was interrupted.", e);
        }
        return Objects.requireNonNull(shared.pool(), "pool").submit(() -> {
            try {
                for (Job job : jobs) {
                    check(job);
                }
            } finally {
                inFlight.release();
            }
        });
    }

    private static List<String> awaitListing(Future<List<String>> listing) throws IOException {
        try {
            return listing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Validation was interrupted.", e);
        } catch (ExecutionException e) {
            Throwable cause = causeOf(e);
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause.getMessage(), cause);
        }
    }

    private static void await(List<Future<?>> futures) throws IOException {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Validation was interrupted.", e);
            } catch (ExecutionException e) {
                Throwable cause = causeOf(e);
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IOException(cause.getMessage(), cause);
            }
        }
    }

    /** Reads and checks one file; all its diagnostics go to the collector in one call, for a stable order. */
    private void check(Job job) {
        List<Diagnostic> found = new ArrayList<>(2);
        boolean bad = false;
        SampleFacts facts = SampleFacts.unknown();
        if (job.sample() == null) {
            found.add(DiagnosticCode.ORPHAN_PREDICTION.of(
                    job.path(),
                    "No sample of the input matches this prediction file; " + "expected an image " + job.base()
                            + ".<ext> or a video frame name <video>-<frame>-<ext>.json of an input video."));
            bad = true;
        } else if (job.frame()) {
            String video = job.sample();
            Optional<Integer> count = frameCount(video);
            if (count.isPresent()) {
                int frames = count.get();
                FrameName.Parsed frame = FrameName.parse(job.base()).orElseThrow();
                String folder = PredictionsLayout.taskFolder(task) + "/";
                if (frame.index() >= frames) {
                    found.add(DiagnosticCode.FRAME_OUT_OF_RANGE.of(
                            job.path(),
                            "Frame " + frame.index() + " does not exist: "
                                    + video + " has " + frames + " frames; expected a name from " + folder
                                    + FrameName.of(video, 0, frames).predictionPath() + " to " + folder
                                    + FrameName.of(video, frames - 1, frames).predictionPath() + "."));
                    bad = true;
                } else {
                    FrameName name = FrameName.of(video, frame.index(), frames);
                    if (!frame.paddedFor(frames)) {
                        found.add(DiagnosticCode.FRAME_PADDING.of(
                                job.path(),
                                "The frame index " + frame.indexText() + " has "
                                        + Wording.count(frame.indexText().length(), "digit") + ", but " + video
                                        + " has " + frames + " frames, so it takes "
                                        + FrameName.padding(frames) + "; expected " + folder + name.predictionPath()
                                        + "."));
                        bad = true;
                    }
                    facts = SampleFacts.named(name.sampleName());
                }
            }
        } else {
            facts = imageFacts(job.sample());
        }
        if (job.sample() != null) {
            byte[] bytes = read(job.path(), found);
            if (bytes == null) {
                bad = true;
            } else {
                FileResult<PredictionFile> result = PredictionFileReader.read(
                        job.path(), bytes, schema, facts, shared.settings().options());
                found.addAll(result.diagnostics());
                bad |= !result.isValid();
            }
        }
        shared.collector().addAll(found);
        (bad ? invalid : valid).incrementAndGet();
    }

    private SampleFacts imageFacts(String image) {
        if (schema.taskType() == TaskType.CLASSIFICATION) {
            return SampleFacts.named(image); // nothing of a classification depends on the image size
        }
        try {
            ImageSize size = shared.media().imageSize(shared.input(), image);
            return SampleFacts.of(image, size.width(), size.height());
        } catch (IOException | MediaException e) {
            LocationAccessException.rethrowIfDenied(e);
            mediaProblem(
                    image,
                    DiagnosticCode.UNREADABLE.of(
                            image,
                            "The image's size cannot be read from its header, "
                                    + "so boxes and masks on it were not checked against it: " + reason(e)));
            return SampleFacts.named(image);
        }
    }

    private Optional<Integer> frameCount(String video) {
        return shared.frameCounts().computeIfAbsent(video, v -> {
            try {
                return Optional.of(shared.media().frameCount(shared.input(), v));
            } catch (IOException | MediaException e) {
                LocationAccessException.rethrowIfDenied(e);
                mediaProblem(
                        v,
                        DiagnosticCode.UNREADABLE.of(
                                v,
                                "The video's frame count cannot be read, so its frame "
                                        + "prediction names were not checked against it: " + reason(e)));
                return Optional.empty();
            }
        });
    }

    private byte @Nullable [] read(String path, List<Diagnostic> found) {
        return new PredictionsFiles(
                        shared.output(), shared.settings().options().limits().maxFileBytes())
                .read(path, found)
                .orElse(null);
    }

    /** What a task threw; the wrapper itself in the odd case it carries nothing. */
    private static Throwable causeOf(ExecutionException e) {
        Throwable cause = e.getCause();
        return cause == null ? e : cause;
    }

    private static String reason(Exception e) {
        String m = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().strip();
        return m.endsWith(".") ? m : m + ".";
    }
}
