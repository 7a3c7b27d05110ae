package dev.winnow.worker.run;

import dev.winnow.format.Diagnostic;
import dev.winnow.format.PredictionFile;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.format.validate.ValidationOptions;
import dev.winnow.media.ImageHeaders;
import dev.winnow.media.ImageMetadata;
import dev.winnow.media.ImageSize;
import dev.winnow.media.MediaException;
import dev.winnow.media.MetadataField;
import dev.winnow.media.UserMetadataReader;
import dev.winnow.media.VideoDecoder;
import dev.winnow.media.VideoDecoders;
import dev.winnow.select.embed.BuiltinEmbedder;
import dev.winnow.select.embed.EmbeddingSource;
import dev.winnow.select.embed.EmbeddingsConfig;
import dev.winnow.select.scores.ActiveLearningScorer;
import dev.winnow.select.scores.ActiveLearningScores;
import dev.winnow.select.selection.EmbeddingMatrix;
import dev.winnow.select.selection.SelectionResult;
import dev.winnow.select.selection.Selector;
import dev.winnow.select.table.PredictionsTableBuilder;
import dev.winnow.worker.config.ObjectLevelOptions;
import dev.winnow.worker.config.RunConfig;
import dev.winnow.worker.datapool.Datapool;
import dev.winnow.worker.datapool.ProcessedSample;
import dev.winnow.worker.output.RunOutputs;
import dev.winnow.worker.report.CropThumbnail;
import dev.winnow.worker.report.FrameThumbnail;
import dev.winnow.worker.report.HtmlReport;
import dev.winnow.worker.report.ObjectLevelSummary;
import dev.winnow.worker.report.ReportJson;
import dev.winnow.worker.report.RunCounts;
import dev.winnow.worker.report.RunReport;
import dev.winnow.worker.report.VideoStrip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A whole run, as DESIGN §7 describes it: list the samples (images, and every k-th frame of each
 * video) → keep those the datapool does not know unchanged → read their image headers → decode,
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
    /** Warning code: an entry of a relevant-filenames file names no sample. */
    public static final String RELEVANT_UNMATCHED = RunSamples.RELEVANT_UNMATCHED;
    /** Warning code: keypoint instances without a box give no crop on object level. */
    public static final String KEYPOINTS_WITHOUT_BOX = "W103";
    /** Warning code: a box with no area inside its image gives no crop on object level. */
    public static final String CROP_WITHOUT_AREA = "W104";
    /** Where object-level runs keep their datapool, per task, inside {@code .winnow/}. */
    public static final String OBJECTS = "objects";
    /** The object-level output listing the selected crops. */
    public static final String SELECTED_CROPS = "selected_crops.csv";
    /** At most this many selected samples get a thumbnail in the report. */
    public static final int MAX_THUMBNAILS = 48;
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final RunProgress progress;
    private final int threads;
    private final VideoDecoder videoDecoder;

    /** A pipeline reading videos with the standard decoders ({@link VideoDecoders#standard()}). */
    public RunPipeline(Clock clock, RunProgress progress, int threads) {
        this(clock, progress, threads, VideoDecoders.standard());
    }

    public RunPipeline(Clock clock, RunProgress progress, int threads, VideoDecoder videoDecoder) {
        if (threads < 1) {
            throw new IllegalArgumentException("A run needs at least 1 decoding thread, but " + threads + " were given.");
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

    /** The run, reading and decoding images and videos on {@code decoders}. */
    private RunSummary run(RunRequest request, ExecutorService decoders) throws IOException {
        RunConfig config = request.config();
        Instant started = clock.instant();
        String runId = request.runId().orElse(RUN_ID.format(started));
        Path winnow = request.outputFolder().resolve(".winnow");
        RunFolder folder = RunFolder.start(winnow, runId);
        List<Diagnostic> diagnostics = new ArrayList<>();
        RunSamples.Listing listing = new RunSamples(request, videoDecoder, decoders, diagnostics).list(progress);
        PredictionsLoader loader = new PredictionsLoader(request.output(), ValidationOptions.defaults(), diagnostics, decoders);
        Stage stage = new Stage(request, decoders, folder, diagnostics, loader, listing, started, runId);
        try (EmbeddingSource source = config.embeddings().open()) {
            String embedderId = embedderId(config.embeddings(), source);
            return config.objectLevel().isPresent()
                    ? objectLevel(stage, config.objectLevel().get(), source, embedderId, winnow)
                    : imageLevel(stage, source, embedderId, winnow);
        }
    }

    /** What every part of one run shares. */
    private record Stage(RunRequest request, ExecutorService decoders, RunFolder folder, List<Diagnostic> diagnostics,
                         PredictionsLoader loader, RunSamples.Listing listing, Instant started, String runId) {
    }

    /** A run whose samples are the images and video frames themselves. */
    private RunSummary imageLevel(Stage stage, EmbeddingSource source, String embedderId, Path winnow) throws IOException {
        RunRequest request = stage.request();
        List<Diagnostic> diagnostics = stage.diagnostics();
        Datapool pool = Datapool.load(winnow);
        Set<String> earlierSelected = new HashSet<>(pool.selected());
        List<RunSample> toProcess = newOrChanged(request, stage.listing().samples(), pool, embedderId);
        List<RunSample> readable = readable(request, toProcess, stage.decoders(), diagnostics);
        EmbeddingStage.Embedded embedded = new EmbeddingStage(request.input(), videoDecoder, stage.decoders(), progress, diagnostics)
                .run(readable, source);

        // Candidates: embedded now and not selected by an earlier run.
        List<Integer> candidateRows = new ArrayList<>();
        for (int i = 0; i < embedded.samples().size(); i++) {
            if (!earlierSelected.contains(embedded.samples().get(i).name())) {
                candidateRows.add(i);
            }
        }
        int dimension = embedded.dimension();
        List<RunSample> candidates = new ArrayList<>();
        float[] candidateEmbeddings = new float[candidateRows.size() * dimension];
        List<ImageMetadata> candidateMetadata = new ArrayList<>();
        List<ImageSize> candidateSizes = new ArrayList<>();
        Map<String, ImageSize> sizeOf = new HashMap<>();
        for (int c = 0; c < candidateRows.size(); c++) {
            int row = candidateRows.get(c);
            System.arraycopy(embedded.rows(), row * dimension, candidateEmbeddings, c * dimension, dimension);
            candidates.add(embedded.samples().get(row));
            candidateMetadata.add(embedded.metadata().get(row));
            candidateSizes.add(embedded.sizes().get(row));
            sizeOf.put(embedded.samples().get(row).name(), embedded.sizes().get(row));
        }
        List<String> names = candidates.stream().map(RunSample::name).toList();

        // Predictions and scores of the candidates.
        List<LoadedTask> tasks = new ArrayList<>();
        var taskSchemas = stage.loader().tasks();
        progress.phase("Reading predictions", (long) taskSchemas.size() * names.size());
        int taskIndex = 0;
        for (var task : taskSchemas) {
            tasks.add(stage.loader().load(task.getKey(), task.getValue(), names, candidateSizes));
            progress.advance((long) ++taskIndex * names.size());
        }
        Map<String, ActiveLearningScores> scores = score(tasks, diagnostics);

        Optional<EmbeddingMatrix> earlier = earlierEmbeddings(pool, embedded.names(), embedded.rows(), embedderId, dimension);
        EmbeddingMatrix matrix = new EmbeddingMatrix(candidateEmbeddings, dimension);
        Picks picks = select(stage, names, candidates, matrix, earlier, tasks, scores, candidateMetadata, Optional.empty());

        progress.phase("Writing outputs", 0);
        RunCounts counts = new RunCounts(stage.listing().samples().size(), stage.listing().samples().size() - toProcess.size(),
                embedded.samples().size(), toProcess.size() - embedded.samples().size(), names.size(), picks.selected().size(),
                pool.selected().size(), tasks.stream().mapToInt(LoadedTask::files).sum(), tasks.stream().mapToInt(LoadedTask::invalid).sum());
        RunReportBuilder reports = new RunReportBuilder(request, stage.loader(), new SampleDecoding(request.input(), videoDecoder,
                stage.decoders()));
        RunFolder folder = stage.folder();
        folder.writeString("selected.txt", RunOutputs.selectedText(picks.selected()));
        writeSelectionFiles(folder, names, matrix, picks, tasks, scores, reports);
        RunReport report = reports.report(stage.runId(), stage.started(), seconds(stage), request.config().seed(), counts, diagnostics,
                names, candidateEmbeddings, dimension, picks.selected(), tasks, scores, sizeOf,
                bySample(candidates), videoStrips(candidates, picks.selected(), request.config().frameStride(), embedded.strips()), Optional.empty());
        Path runPath = commit(folder, diagnostics, report);

        // Only now does the datapool learn about this run.
        List<ProcessedSample> processed = embedded.samples().stream().map(RunSample::processed).toList();
        pool.updated(processed, embedded.rows(), dimension, embedderId, picks.selected()).save(winnow);
        progress.endPhase();
        return summary(stage, runPath, counts, picks.selected(), picks.result(), Optional.empty());
    }

    /** A run whose samples are the crops of one task's boxes (DESIGN §6, object level). */
    private RunSummary objectLevel(Stage stage, ObjectLevelOptions options, EmbeddingSource source, String embedderId, Path winnow)
            throws IOException {
        RunRequest request = stage.request();
        List<Diagnostic> diagnostics = stage.diagnostics();
        String task = options.taskName();
        TaskSchema schema = objectTaskSchema(stage.loader(), task);
        // Crops are cut and embedded again every run; the object pool remembers which were selected.
        Path objectFolder = winnow.resolve(OBJECTS).resolve(task);
        Datapool pool = Datapool.load(objectFolder);
        Set<String> earlierSelected = new HashSet<>(pool.selected());
        List<RunSample> readable = readable(request, stage.listing().samples(), stage.decoders(), diagnostics);
        CropStage.Cropped cropped = new CropStage(request.input(), videoDecoder, stage.decoders(), stage.loader(), progress, diagnostics)
                .run(readable, task, schema, options.padding(), source);

        int dimension = cropped.dimension();
        List<CropStage.CropSample> candidates = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < cropped.crops().size(); i++) {
            if (!earlierSelected.contains(cropped.crops().get(i).name())) {
                candidates.add(cropped.crops().get(i));
                rows.add(i);
            }
        }
        float[] candidateEmbeddings = new float[rows.size() * dimension];
        List<ImageMetadata> candidateMetadata = new ArrayList<>();
        PredictionsTableBuilder table = new PredictionsTableBuilder(task, schema);
        for (int c = 0; c < rows.size(); c++) {
            System.arraycopy(cropped.rows(), rows.get(c) * dimension, candidateEmbeddings, c * dimension, dimension);
            candidateMetadata.add(cropped.metadata().get(rows.get(c)));
            table.add(candidates.get(c).name(), PredictionFile.of(null, List.of(candidates.get(c).singleton())));
        }
        List<String> names = candidates.stream().map(CropStage.CropSample::name).toList();
        List<LoadedTask> tasks = List.of(new LoadedTask(task, schema, table.build(), cropped.files(), cropped.invalid()));
        Map<String, ActiveLearningScores> scores = score(tasks, diagnostics);

        List<String> allCrops = cropped.crops().stream().map(CropStage.CropSample::name).toList();
        Optional<EmbeddingMatrix> earlier = earlierEmbeddings(pool, allCrops, cropped.rows(), embedderId, dimension);
        EmbeddingMatrix matrix = new EmbeddingMatrix(candidateEmbeddings, dimension);
        List<RunSample> parents = candidates.stream().map(CropStage.CropSample::parent).toList();
        Picks picks = select(stage, names, parents, matrix, earlier, tasks, scores, candidateMetadata, Optional.of(task));

        progress.phase("Writing outputs", 0);
        Map<String, CropStage.CropSample> cropOf = new HashMap<>();
        candidates.forEach(c -> cropOf.put(c.name(), c));
        List<CropStage.CropSample> selectedCrops = picks.selected().stream().map(cropOf::get).toList();
        List<String> selectedParents = selectedCrops.stream().map(c -> c.parent().name()).distinct().toList();
        RunCounts counts = new RunCounts(stage.listing().samples().size(), 0, cropped.crops().size(),
                stage.listing().samples().size() - cropped.parents(), names.size(), picks.selected().size(), pool.selected().size(),
                cropped.files(), cropped.invalid());
        SampleDecoding decoding = new SampleDecoding(request.input(), videoDecoder, stage.decoders());
        RunReportBuilder reports = new RunReportBuilder(request, stage.loader(), decoding);
        RunFolder folder = stage.folder();
        folder.writeString("selected.txt", RunOutputs.selectedText(selectedParents));
        writeSelectionFiles(folder, names, matrix, picks, tasks, scores, reports);
        List<CropThumbnail> thumbnails = new CropFiles(folder, decoding, task, options.padding(), schema)
                .write(selectedCrops, MAX_THUMBNAILS);
        folder.writeString(SELECTED_CROPS, RunOutputs.selectedCropsCsv(selectedCrops.stream()
                .map(c -> CropFiles.row(c, schema)).toList()));
        ObjectLevelSummary summary = new ObjectLevelSummary(task, options.padding(), cropped.crops().size(), cropped.parents(),
                thumbnails);
        RunReport report = reports.report(stage.runId(), stage.started(), seconds(stage), request.config().seed(), counts, diagnostics,
                names, candidateEmbeddings, dimension, picks.selected(), tasks, scores, cropped.parentSizes(),
                Map.of(), List.of(), Optional.of(summary));
        Path runPath = commit(folder, diagnostics, report);

        List<ProcessedSample> processed = cropped.crops().stream()
                .map(c -> new ProcessedSample(c.name(), c.parent().size(), c.parent().lastModifiedMillis())).toList();
        pool.updated(processed, cropped.rows(), dimension, embedderId, picks.selected()).save(objectFolder);
        progress.endPhase();
        return summary(stage, runPath, counts, picks.selected(), picks.result(), Optional.of(task));
    }

    /** The schema of the task object level cuts crops from; it must be listed and hold boxes. */
    private static TaskSchema objectTaskSchema(PredictionsLoader loader, String task) throws IOException {
        List<String> listed = new ArrayList<>();
        for (Map.Entry<String, TaskSchema> entry : loader.tasks()) {
            listed.add(entry.getKey());
            if (entry.getKey().equals(task)) {
                TaskType type = entry.getValue().taskType();
                if (type != TaskType.OBJECT_DETECTION && type != TaskType.INSTANCE_SEGMENTATION && type != TaskType.KEYPOINT_DETECTION) {
                    throw new IllegalArgumentException("/object_level/task_name names the task '" + task + "' of type "
                            + type.wireName() + ", but crops come from the boxes of an object-detection, instance-segmentation "
                            + "or keypoint-detection task.");
                }
                return entry.getValue();
            }
        }
        throw new IllegalArgumentException("/object_level/task_name names the task '" + task + "', but "
                + (listed.isEmpty() ? "the output has no tasks with a valid schema in .lightly/predictions/tasks.json."
                        : "the tasks with a valid schema are: " + String.join(", ", listed) + "."));
    }

    /** The selection's result: picks in order, or null when there were no candidates. */
    private record Picks(SelectionResult result, List<String> selected) {
    }

    private Picks select(Stage stage, List<String> names, List<RunSample> userMetadataOf, EmbeddingMatrix matrix,
                         Optional<EmbeddingMatrix> earlier, List<LoadedTask> tasks, Map<String, ActiveLearningScores> scores,
                         List<ImageMetadata> metadata, Optional<String> objectTask) throws IOException {
        UserMetadataReader userMetadata = UserMetadataReader.open(stage.request().output(), stage.diagnostics());
        List<String> userKeys = userMetadata.schema().fields().stream().filter(f -> f.type().isNumeric())
                .map(MetadataField::path).toList();
        List<Map<String, Object>> userValues = new ArrayList<>(names.size());
        if (!userMetadata.schema().fields().isEmpty()) {
            progress.phase("Reading user metadata", names.size());
            Map<String, Map<String, Object>> read = new HashMap<>();
            for (int c = 0; c < names.size(); c++) {
                RunSample sample = userMetadataOf.get(c);
                Map<String, Object> values = read.get(sample.name());
                if (values == null) {
                    values = readUserMetadata(userMetadata, sample, stage.request(), stage.diagnostics());
                    read.put(sample.name(), values);
                }
                userValues.add(values);
                progress.advance(c + 1);
            }
        } else {
            names.forEach(c -> userValues.add(Map.of()));
        }
        RunSelectionInputs inputs = new RunSelectionInputs(names, matrix, earlier, tasks, scores, metadata, userKeys, userValues,
                objectTask);
        progress.phase("Selecting", 0);
        SelectionResult result = names.isEmpty() ? null
                : new Selector(threads, null).select(stage.request().config().selection(), inputs, stage.request().config().seed());
        progress.endPhase();
        List<String> selected = new ArrayList<>();
        if (result != null) {
            for (int k = 0; k < result.size(); k++) {
                selected.add(names.get(result.pick(k)));
            }
        }
        return new Picks(result, selected);
    }

    /** A frame's own metadata file when it has one, else its video's; an image's own. */
    private static Map<String, Object> readUserMetadata(UserMetadataReader reader, RunSample sample, RunRequest request,
                                                        List<Diagnostic> diagnostics) throws IOException {
        if (sample.isFrame() && request.output().stat(UserMetadataReader.metadataFileOf(sample.name())).isEmpty()) {
            return reader.read(sample.file(), diagnostics);
        }
        return reader.read(sample.name(), diagnostics);
    }

    private Map<String, ActiveLearningScores> score(List<LoadedTask> tasks, List<Diagnostic> diagnostics) {
        Map<String, ActiveLearningScores> scores = new LinkedHashMap<>();
        progress.phase("Scoring", tasks.size());
        for (int t = 0; t < tasks.size(); t++) {
            ActiveLearningScores s = ActiveLearningScorer.scoreTable(tasks.get(t).table());
            diagnostics.addAll(s.diagnostics());
            scores.put(tasks.get(t).name(), s);
            progress.advance(t + 1);
        }
        progress.endPhase();
        return scores;
    }

    private static void writeSelectionFiles(RunFolder folder, List<String> names, EmbeddingMatrix matrix, Picks picks,
                                            List<LoadedTask> tasks, Map<String, ActiveLearningScores> scores,
                                            RunReportBuilder reports) throws IOException {
        folder.writeString("selection.csv", selectionCsv(picks.selected(), picks.result()));
        folder.write("scores.csv", out -> reports.writeScoresCsv(out, names, tasks, scores));
        folder.write("embeddings.csv", out -> RunOutputs.writeEmbeddingsCsv(out, names, matrix.rows(), matrix.dimension()));
    }

    private static Path commit(RunFolder folder, List<Diagnostic> diagnostics, RunReport report) throws IOException {
        folder.writeString("diagnostics.jsonl", RunOutputs.diagnosticsJsonl(diagnostics));
        folder.writeString("report.json", ReportJson.toJson(report));
        folder.writeString("report.html", HtmlReport.render(report));
        return folder.commit();
    }

    private double seconds(Stage stage) {
        return (clock.millis() - stage.started().toEpochMilli()) / 1000.0;
    }

    private static RunSummary summary(Stage stage, Path runPath, RunCounts counts, List<String> selected, SelectionResult result,
                                      Optional<String> objectTask) {
        long errors = stage.diagnostics().stream().filter(Diagnostic::isError).count();
        return new RunSummary(stage.runId(), runPath, runPath.resolve("report.html"), counts, selected, errors,
                stage.diagnostics().size() - errors, result == null ? "no candidates" : result.stopReason().description(), objectTask);
    }

    private static Map<String, RunSample> bySample(List<RunSample> samples) {
        Map<String, RunSample> map = new HashMap<>();
        samples.forEach(s -> map.put(s.name(), s));
        return map;
    }

    /** A strip per video with candidate frames (the first {@link EmbeddingStage#STRIP_VIDEOS}), selected frames marked. */
    private static List<VideoStrip> videoStrips(List<RunSample> candidates, List<String> selected, int stride,
                                                Map<String, List<FrameThumbnail>> thumbnails) {
        Set<String> chosen = new HashSet<>(selected);
        Map<String, List<RunSample>> videos = VideoPass.byVideo(candidates);
        List<VideoStrip> strips = new ArrayList<>();
        for (Map.Entry<String, List<RunSample>> video : videos.entrySet()) {
            if (strips.size() == EmbeddingStage.STRIP_VIDEOS) {
                break;
            }
            List<RunSample> frames = video.getValue();
            List<Integer> picked = frames.stream().filter(f -> chosen.contains(f.name())).map(RunSample::frame).sorted().toList();
            strips.add(new VideoStrip(video.getKey(), frames.get(0).frameCount(), stride, picked,
                    thumbnails.getOrDefault(video.getKey(), List.of())));
        }
        return strips;
    }

    /** The samples the datapool does not know unchanged (all of them with process_all). */
    private List<RunSample> newOrChanged(RunRequest request, List<RunSample> samples, Datapool pool, String embedderId) {
        boolean all = request.config().datasource().processAll();
        List<RunSample> toProcess = new ArrayList<>();
        for (RunSample sample : samples) {
            if (all || !pool.isUnchanged(sample.name(), sample.size(), sample.lastModifiedMillis(), embedderId)) {
                toProcess.add(sample);
            }
        }
        return toProcess;
    }

    /** The samples whose image header reads (frames are checked when their video is decoded). */
    private List<RunSample> readable(RunRequest request, List<RunSample> samples, ExecutorService pool, List<Diagnostic> diagnostics)
            throws IOException {
        List<RunSample> images = samples.stream().filter(s -> !s.isFrame()).toList();
        Set<String> readable = readHeaders(request, images.stream().map(RunSample::name).toList(), pool, diagnostics).keySet();
        return samples.stream().filter(s -> s.isFrame() || readable.contains(s.name())).toList();
    }

    /** The image size of each sample whose header is readable, in sample order; the others become diagnostics. */
    private Map<String, ImageSize> readHeaders(RunRequest request, List<String> samples, ExecutorService pool,
                                               List<Diagnostic> diagnostics) throws IOException {
        progress.phase("Reading image headers", samples.size());
        List<Future<ImageSize>> headers = new ArrayList<>(samples.size());
        for (String sample : samples) {
            headers.add(pool.submit(() -> ImageHeaders.read(request.input(), sample)));
        }
        Map<String, ImageSize> sizes = new LinkedHashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            String sample = samples.get(i);
            try {
                sizes.put(sample, headers.get(i).get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while reading the header of " + sample + ".", e);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof MediaException)) {
                    throw e.getCause() instanceof IOException io ? io
                            : new IOException("Reading the header of " + sample + " failed: " + e.getCause(), e.getCause());
                }
                diagnostics.add(DiagnosticCode.UNREADABLE.of(sample, "The image cannot be read, so it is left out of the run: "
                        + e.getCause().getMessage()));
            }
            progress.advance(i + 1);
        }
        progress.endPhase();
        return sizes;
    }

    private static String selectionCsv(List<String> selected, SelectionResult result) {
        if (result == null) {
            return RunOutputs.selectionCsv(List.of(), new double[0], List.of(), new double[0][]);
        }
        int strategies = result.strategyLabels().size();
        double[][] objectives = new double[strategies][result.size()];
        double[] values = new double[result.size()];
        for (int k = 0; k < result.size(); k++) {
            values[k] = result.value(k);
            for (int s = 0; s < strategies; s++) {
                objectives[s][k] = result.objective(s, k);
            }
        }
        return RunOutputs.selectionCsv(selected, values, result.strategyLabels(), objectives);
    }

    /** Embeddings of the samples earlier runs selected: fresh ones where processed now, else the datapool's. */
    private static Optional<EmbeddingMatrix> earlierEmbeddings(Datapool pool, List<String> names, float[] embeddings,
                                                               String embedderId, int dimension) {
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

    /** A name for the embedder that changes whenever its vectors would (datapool entries of another embedder are stale). */
    static String embedderId(EmbeddingsConfig config, EmbeddingSource source) throws IOException {
        if (config instanceof EmbeddingsConfig.Builtin b) {
            return "builtin-v" + BuiltinEmbedder.VERSION + "-d" + b.dimension();
        }
        if (config instanceof EmbeddingsConfig.Onnx o) {
            return "onnx:" + o.model().toAbsolutePath() + ":" + Files.size(o.model()) + ":" + Files.getLastModifiedTime(o.model()).toMillis()
                    + ":" + o.inputSize() + ":" + o.mean() + ":" + o.std();
        }
        EmbeddingsConfig.Precomputed p = (EmbeddingsConfig.Precomputed) config;
        return "csv:" + p.file().toAbsolutePath() + ":" + Files.size(p.file()) + ":" + Files.getLastModifiedTime(p.file()).toMillis();
    }
}
