package dev.winnow.run;

import dev.winnow.datasource.OutputLock;
import dev.winnow.datasource.OutputLockedException;
import dev.winnow.datasource.Progress;
import dev.winnow.embed.BuiltinEmbedder;
import dev.winnow.embed.EmbeddingSource;
import dev.winnow.embed.EmbeddingsConfig;
import dev.winnow.format.Category;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import dev.winnow.format.validate.DiagnosticCollector;
import dev.winnow.format.validate.ValidationOptions;
import dev.winnow.media.ImageMetadata;
import dev.winnow.media.UserMetadataReader;
import dev.winnow.media.VideoDecoder;
import dev.winnow.media.VideoDecoders;
import dev.winnow.run.config.ObjectLevelOptions;
import dev.winnow.run.config.RunConfig;
import dev.winnow.run.datapool.Datapool;
import dev.winnow.scores.ActiveLearningScorer;
import dev.winnow.select.SelectionException;
import dev.winnow.select.SelectionNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A whole run, as DESIGN §7 describes it: list the samples (images, and every k-th frame of each
 * video) → keep those the datapool does not know unchanged → decode (which finds unreadable files),
 * measure and embed → read and check the predictions → score → select → write the outputs.
 * Unreadable images and videos and invalid prediction files are diagnostics and are left out; the
 * run goes on.
 *
 * <p>On object level ({@code object_level} in {@code run.json}) the samples are the boxes of one
 * task: every image and frame is decoded, its boxes are cut out as crops, and the crops are
 * embedded, scored and selected; {@code selected.txt} then lists the crops' parents,
 * {@code selected_crops.csv} the crops, and the selected crops are written as PNG files under
 * {@code crops/<task>/} of the run folder.
 *
 * <p>Nothing a run writes is visible until it is complete: the run folder is built under a
 * temporary name and renamed into place ({@link RunFolder}), and only then is the datapool's next
 * generation saved ({@link Datapool#save}). A run killed at any point leaves the previous state
 * intact, so running again gives the same selection.
 *
 * <pre>{@code
 * RunSummary summary = new RunPipeline(Clock.systemUTC(), ConsoleProgress.standard(), 2).run(request);
 * }</pre>
 *
 * <p>The clock (for the default run id and timings), the progress listener and the number of
 * decoding threads are injected. One pipeline runs one run at a time.
 */
public final class RunPipeline {
    /** How many diagnostics a run keeps for {@code diagnostics.jsonl} and the report; the rest are counted. */
    public static final int MAX_DIAGNOSTICS = 100_000;
    /** Where object-level runs keep their datapool, per task, inside {@code .winnow/}. */
    public static final String OBJECTS = "objects";
    /** The object-level output listing the selected crops. */
    public static final String SELECTED_CROPS = "selected_crops.csv";
    /** At most this many selected samples get a thumbnail in the report. */
    public static final int MAX_THUMBNAILS = 48;

    private static final DateTimeFormatter RUN_ID =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final Progress progress;
    private final int threads;
    private final VideoDecoder videoDecoder;
    private final Optional<SampleEngine> engine;

    /** A pipeline reading videos with the standard decoders ({@link VideoDecoders#standard()}). */
    public RunPipeline(Clock clock, Progress progress, int threads) {
        this(clock, progress, threads, VideoDecoders.standard());
    }

    public RunPipeline(Clock clock, Progress progress, int threads, VideoDecoder videoDecoder) {
        this(clock, progress, threads, videoDecoder, Optional.empty());
    }

    /**
     * A pipeline whose per-sample work (decoding, embedding, cutting crops) is computed by {@code
     * engine} in partitions, a cluster's executors say; listing, selection and outputs stay here.
     */
    public RunPipeline(Clock clock, Progress progress, int threads, SampleEngine engine) {
        this(clock, progress, threads, VideoDecoders.standard(), Optional.of(engine));
    }

    private RunPipeline(
            Clock clock, Progress progress, int threads, VideoDecoder videoDecoder, Optional<SampleEngine> engine) {
        this.engine = engine;
        if (threads < 1) {
            throw new IllegalArgumentException(
                    "A run needs at least 1 decoding thread, but " + threads + " were given.");
        }
        this.clock = clock;
        this.progress = progress;
        this.threads = threads;
        this.videoDecoder = videoDecoder;
    }

    /** Runs {@code request} to the end and returns what it did. */
    public RunSummary run(RunRequest request) throws IOException {
        ExecutorService decoders = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "winnow-decode");
            t.setDaemon(true);
            return t;
        });
        try {
            return run(request, decoders);
        } finally {
            decoders.shutdownNow();
        }
    }

    /** The output's lock, so that two runs never write one output at once; a refusal names the holder. */
    private static OutputLock lock(Path outputFolder) throws IOException {
        try {
            return OutputLock.acquire(outputFolder, "winnow run");
        } catch (OutputLockedException e) {
            throw new RunFailedException(e.getMessage());
        }
    }

    /**
     * The names the run's selection may use: the listed tasks with a valid schema (on object level its
     * task alone), their categories and scores, and the metadata keys. Empty on object level when its
     * task is not listed or has no boxes, which the object-level run reports in its own words.
     */
    private static Optional<SelectionNames> selectionNames(RunRequest request, PredictionsLoader loader)
            throws IOException {
        Optional<String> objectTask = request.config().objectLevel().map(ObjectLevelOptions::taskName);
        Map<String, List<String>> categories = new LinkedHashMap<>();
        Map<String, Set<String>> scores = new LinkedHashMap<>();
        for (Map.Entry<String, TaskSchema> task : loader.tasks()) {
            if (objectTask.isPresent() && !objectTask.get().equals(task.getKey())) {
                continue;
            }
            TaskType type = task.getValue().taskType();
            if (objectTask.isPresent()
                    && type != TaskType.OBJECT_DETECTION
                    && type != TaskType.INSTANCE_SEGMENTATION
                    && type != TaskType.KEYPOINT_DETECTION) {
                return Optional.empty();
            }
            categories.put(
                    task.getKey(),
                    task.getValue().categories().stream().map(Category::name).toList());
            Set<String> names = new LinkedHashSet<>();
            ActiveLearningScorer.forTaskType(task.getValue().taskType())
                    .scoreNames()
                    .forEach(n -> names.add(n.wireName()));
            scores.put(task.getKey(), names);
        }
        if (objectTask.isPresent() && categories.isEmpty()) {
            return Optional.empty();
        }
        Set<String> keys = new LinkedHashSet<>(ImageMetadata.KEYS);
        // The metadata schema's own problems are reported when the selection reads the metadata.
        UserMetadataReader.open(request.output(), new ArrayList<>()).schema().fields().stream()
                .filter(f -> f.type().isNumeric())
                .forEach(f -> keys.add(f.path()));
        return Optional.of(new SelectionNames(categories, scores, keys));
    }

    /** The run, reading and decoding images and videos on {@code decoders}. */
    private RunSummary run(RunRequest request, ExecutorService decoders) throws IOException {
        Instant started = clock.instant();
        String runId = request.runId().orElse(RUN_ID.format(started));
        Path winnow = request.outputFolder().resolve(".winnow");
        // Every name the selection uses is checked against tasks.json and the schemas before anything is listed or
        // decoded; the loader of the run itself reports the files' problems.
        PredictionsLoader names = new PredictionsLoader(
                request.output(), ValidationOptions.defaults(), new DiagnosticCollector(), decoders);
        Optional<SelectionNames> known = selectionNames(request, names);
        if (known.isPresent()) {
            try {
                known.get().check(request.config().selection());
            } catch (SelectionException e) {
                Optional<String> hint = names.tasks().isEmpty()
                        ? PredictionsElsewhere.hint(request.input(), request.output())
                        : Optional.empty();
                if (hint.isPresent()) {
                    throw new SelectionException(e.getMessage() + "\n" + hint.get());
                }
                throw e;
            }
        }
        try (OutputLock lock = lock(request.outputFolder())) {
            lock.tookOver()
                    .ifPresent(owner -> progress.message("Took over the lock " + lock.file() + " left by "
                            + owner.describe() + ", which no longer runs."));
            RunFolder folder = RunFolder.start(winnow, runId);
            try {
                return run(request, decoders, folder, started, runId, winnow);
            } finally {
                // A failed run leaves no staging folder behind.
                folder.discardUnlessCommitted();
            }
        }
    }

    private RunSummary run(
            RunRequest request, ExecutorService decoders, RunFolder folder, Instant started, String runId, Path winnow)
            throws IOException {
        RunConfig config = request.config();
        DiagnosticCollector diagnostics = new DiagnosticCollector(MAX_DIAGNOSTICS);
        VideoReaders videos = new VideoReaders(videoDecoder);
        RunSamples.Listing listing = new RunSamples(request, videos, decoders, diagnostics).list(progress);
        PredictionsLoader loader =
                new PredictionsLoader(request.output(), ValidationOptions.defaults(), diagnostics, decoders);
        RunContext ctx = new RunContext(
                request,
                decoders,
                folder,
                diagnostics,
                loader,
                listing,
                started,
                runId,
                clock,
                progress,
                threads,
                videos,
                winnow,
                engine);
        try (EmbeddingSource source = config.embeddings().open()) {
            String embedderId = embedderId(config.embeddings(), source);
            return config.objectLevel().isPresent()
                    ? ObjectLevelRun.run(ctx, config.objectLevel().get(), source, embedderId)
                    : ImageLevelRun.run(ctx, source, embedderId);
        }
    }

    /**
     * A name for the embedder that changes whenever its vectors would (datapool entries of another embedder are stale).
     */
    static String embedderId(EmbeddingsConfig config, EmbeddingSource source) throws IOException {
        if (config instanceof EmbeddingsConfig.Builtin b) {
            return "builtin-v" + BuiltinEmbedder.VERSION + "-d" + b.dimension();
        }
        if (config instanceof EmbeddingsConfig.Onnx o) {
            return "onnx:" + o.model().toAbsolutePath() + ":" + Files.size(o.model()) + ":"
                    + Files.getLastModifiedTime(o.model()).toMillis() + ":" + o.inputSize() + ":" + o.mean() + ":"
                    + o.std();
        }
        EmbeddingsConfig.Precomputed p = (EmbeddingsConfig.Precomputed) config;
        // A bucket's object is known by its location, not by the path of this run's local copy.
        String name =
                p.name().equals(p.file().toString()) ? p.file().toAbsolutePath().toString() : p.name();
        return "csv:" + name + ":" + Files.size(p.file()) + ":"
                + Files.getLastModifiedTime(p.file()).toMillis();
    }
}
