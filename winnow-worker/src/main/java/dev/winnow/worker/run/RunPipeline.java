package dev.winnow.worker.run;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.MediaKind;
import dev.winnow.datasource.RelevantFilenames;
import dev.winnow.datasource.SampleLister;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.format.validate.ValidationOptions;
import dev.winnow.media.ImageHeaders;
import dev.winnow.media.ImageSize;
import dev.winnow.media.MediaException;
import dev.winnow.media.MetadataField;
import dev.winnow.media.UserMetadataReader;
import dev.winnow.select.embed.BuiltinEmbedder;
import dev.winnow.select.embed.EmbeddingSource;
import dev.winnow.select.embed.EmbeddingsConfig;
import dev.winnow.select.scores.ActiveLearningScorer;
import dev.winnow.select.scores.ActiveLearningScores;
import dev.winnow.select.selection.EmbeddingMatrix;
import dev.winnow.select.selection.SelectionResult;
import dev.winnow.select.selection.Selector;
import dev.winnow.worker.config.DatasourceOptions;
import dev.winnow.worker.config.RunConfig;
import dev.winnow.worker.datapool.Datapool;
import dev.winnow.worker.datapool.ProcessedSample;
import dev.winnow.worker.output.RunOutputs;
import dev.winnow.worker.report.HtmlReport;
import dev.winnow.worker.report.ReportJson;
import dev.winnow.worker.report.RunCounts;
import dev.winnow.worker.report.RunReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A whole run, as DESIGN §7 describes it: list the samples → keep those the datapool does not know
 * unchanged → read their image headers → read and check the predictions → decode, measure and
 * embed → score → select → write the outputs. Unreadable images and invalid prediction files are
 * diagnostics and are left out; the run goes on.
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
    /** Warning code: videos are listed but runs do not process video frames yet. */
    public static final String VIDEOS_LEFT_OUT = "W101";
    /** Warning code: an entry of a relevant-filenames file names no sample. */
    public static final String RELEVANT_UNMATCHED = "W102";
    /** At most this many selected samples get a thumbnail in the report. */
    public static final int MAX_THUMBNAILS = 48;
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final RunProgress progress;
    private final int threads;

    public RunPipeline(Clock clock, RunProgress progress, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("A run needs at least 1 decoding thread, but " + threads + " were given.");
        }
        this.clock = clock;
        this.progress = progress;
        this.threads = threads;
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

    /** The run, reading and decoding images on {@code decoders}. */
    private RunSummary run(RunRequest request, ExecutorService decoders) throws IOException {
        RunConfig config = request.config();
        if (config.objectLevel().isPresent()) {
            throw new IllegalArgumentException("The run configuration sets object_level, but selection on object level "
                    + "is not available in this version of Winnow; remove /object_level.");
        }
        Instant started = clock.instant();
        String runId = request.runId().orElse(RUN_ID.format(started));
        Path winnow = request.outputFolder().resolve(".winnow");
        RunFolder folder = RunFolder.start(winnow, runId);
        List<Diagnostic> diagnostics = new ArrayList<>();
        Datapool pool = Datapool.load(winnow);

        progress.phase("Listing samples", 0);
        List<String> listed = listSamples(request, config.datasource(), diagnostics);
        List<String> images = new ArrayList<>();
        int videos = 0;
        for (String sample : listed) {
            if (MediaKind.of(sample).orElseThrow() == MediaKind.VIDEO) {
                videos++;
            } else {
                images.add(sample);
            }
        }
        if (videos > 0) {
            diagnostics.add(Diagnostic.warning(VIDEOS_LEFT_OUT, "", "", videos + (videos == 1 ? " video was" : " videos were")
                    + " left out: runs select among images; video frames are not processed yet."));
        }

        try (EmbeddingSource source = config.embeddings().open()) {
            String embedderId = embedderId(config.embeddings(), source);
            Set<String> earlierSelected = new HashSet<>(pool.selected());
            List<ProcessedSample> toProcess = newOrChanged(request, images, pool, embedderId);

            // Image headers: sizes for prediction checks; a sample without a readable header is left out.
            Map<String, ImageSize> sizeOf = readHeaders(request, toProcess, decoders, diagnostics);
            List<String> readable = new ArrayList<>(sizeOf.keySet());
            List<ProcessedSample> readableStats = toProcess.stream().filter(s -> sizeOf.containsKey(s.name())).toList();

            long[] byteSizes = readableStats.stream().mapToLong(ProcessedSample::size).toArray();
            EmbeddingStage.Embedded embedded = new EmbeddingStage(request.input(), decoders, progress, diagnostics)
                    .run(readable, byteSizes, source);

            // Candidates: embedded now and not selected by an earlier run.
            List<String> candidates = new ArrayList<>();
            List<Integer> candidateRows = new ArrayList<>();
            for (int i = 0; i < embedded.names().size(); i++) {
                if (!earlierSelected.contains(embedded.names().get(i))) {
                    candidates.add(embedded.names().get(i));
                    candidateRows.add(i);
                }
            }
            int dimension = embedded.dimension();
            float[] candidateEmbeddings = new float[candidates.size() * dimension];
            List<dev.winnow.media.ImageMetadata> candidateMetadata = new ArrayList<>();
            List<ImageSize> candidateSizes = new ArrayList<>();
            for (int c = 0; c < candidates.size(); c++) {
                int row = candidateRows.get(c);
                System.arraycopy(embedded.rows(), row * dimension, candidateEmbeddings, c * dimension, dimension);
                candidateMetadata.add(embedded.metadata().get(row));
                candidateSizes.add(sizeOf.get(candidates.get(c)));
            }

            // Predictions and scores of the candidates.
            PredictionsLoader loader = new PredictionsLoader(request.output(), ValidationOptions.defaults(), diagnostics, decoders);
            List<LoadedTask> tasks = new ArrayList<>();
            Map<String, ActiveLearningScores> scores = new LinkedHashMap<>();
            var taskSchemas = loader.tasks();
            progress.phase("Reading predictions", (long) taskSchemas.size() * candidates.size());
            int taskIndex = 0;
            for (var task : taskSchemas) {
                LoadedTask loaded = loader.load(task.getKey(), task.getValue(), candidates, candidateSizes);
                tasks.add(loaded);
                progress.advance((long) ++taskIndex * candidates.size());
            }
            progress.phase("Scoring", tasks.size());
            for (int t = 0; t < tasks.size(); t++) {
                ActiveLearningScores s = ActiveLearningScorer.scoreTable(tasks.get(t).table());
                diagnostics.addAll(s.diagnostics());
                scores.put(tasks.get(t).name(), s);
                progress.advance(t + 1);
            }
            progress.endPhase();

            // Selection.
            Optional<EmbeddingMatrix> earlier = earlierEmbeddings(pool, embedded, embedderId, dimension);
            UserMetadataReader userMetadata = UserMetadataReader.open(request.output(), diagnostics);
            List<String> userKeys = userMetadata.schema().fields().stream().filter(f -> f.type().isNumeric())
                    .map(MetadataField::path).toList();
            List<Map<String, Object>> userValues = new ArrayList<>(candidates.size());
            if (!userMetadata.schema().fields().isEmpty()) {
                progress.phase("Reading user metadata", candidates.size());
                for (int c = 0; c < candidates.size(); c++) {
                    userValues.add(userMetadata.read(candidates.get(c), diagnostics));
                    progress.advance(c + 1);
                }
            } else {
                candidates.forEach(c -> userValues.add(Map.of()));
            }
            RunSelectionInputs inputs = new RunSelectionInputs(candidates, new EmbeddingMatrix(candidateEmbeddings, dimension),
                    earlier, tasks, scores, candidateMetadata, userKeys, userValues);
            progress.phase("Selecting", 0);
            SelectionResult result = candidates.isEmpty() ? null
                    : new Selector(threads, null).select(config.selection(), inputs, config.seed());
            progress.endPhase();
            List<String> selected = new ArrayList<>();
            if (result != null) {
                for (int k = 0; k < result.size(); k++) {
                    selected.add(candidates.get(result.pick(k)));
                }
            }

            // Outputs.
            progress.phase("Writing outputs", 0);
            RunCounts counts = new RunCounts(listed.size(), images.size() - toProcess.size(), embedded.names().size(),
                    toProcess.size() - embedded.names().size(), candidates.size(), selected.size(), pool.selected().size(),
                    tasks.stream().mapToInt(LoadedTask::files).sum(), tasks.stream().mapToInt(LoadedTask::invalid).sum());
            RunReportBuilder reports = new RunReportBuilder(request, loader);
            folder.writeString("selected.txt", RunOutputs.selectedText(selected));
            folder.writeString("selection.csv", selectionCsv(selected, result));
            folder.write("scores.csv", out -> reports.writeScoresCsv(out, candidates, tasks, scores));
            folder.write("embeddings.csv", out -> RunOutputs.writeEmbeddingsCsv(out, candidates, candidateEmbeddings, dimension));
            folder.writeString("diagnostics.jsonl", RunOutputs.diagnosticsJsonl(diagnostics));
            double seconds = (clock.millis() - started.toEpochMilli()) / 1000.0;
            RunReport report = reports.report(runId, started, seconds, config.seed(), counts, diagnostics, candidates,
                    candidateEmbeddings, dimension, selected, tasks, scores, sizeOf);
            folder.writeString("report.json", ReportJson.toJson(report));
            folder.writeString("report.html", HtmlReport.render(report));
            Path runPath = folder.commit();

            // Only now does the datapool learn about this run.
            float[] processedRows = embedded.rows();
            List<ProcessedSample> processed = new ArrayList<>();
            Map<String, ProcessedSample> statOf = new LinkedHashMap<>();
            readableStats.forEach(s -> statOf.put(s.name(), s));
            embedded.names().forEach(n -> processed.add(statOf.get(n)));
            pool.updated(processed, processedRows, dimension, embedderId, selected).save(winnow);
            progress.endPhase();

            long errors = diagnostics.stream().filter(Diagnostic::isError).count();
            return new RunSummary(runId, runPath, runPath.resolve("report.html"), counts, selected, errors,
                    diagnostics.size() - errors, result == null ? "no candidates" : result.stopReason().description());
        }
    }

    /** The samples the datapool does not know unchanged (all of them with process_all), with their file stats. */
    private List<ProcessedSample> newOrChanged(RunRequest request, List<String> images, Datapool pool, String embedderId)
            throws IOException {
        progress.phase("Checking what is new", images.size());
        boolean all = request.config().datasource().processAll();
        List<ProcessedSample> toProcess = new ArrayList<>();
        int done = 0;
        for (String sample : images) {
            Optional<Datasource.FileStat> stat = request.input().stat(sample);
            progress.advance(++done);
            if (stat.isEmpty()) {
                continue; // deleted since listing
            }
            long size = stat.get().size();
            long modified = stat.get().lastModifiedMillis();
            if (all || !pool.isUnchanged(sample, size, modified, embedderId)) {
                toProcess.add(new ProcessedSample(sample, size, modified));
            }
        }
        progress.endPhase();
        return toProcess;
    }

    /** The image size of each sample whose header is readable, in sample order; the others become diagnostics. */
    private Map<String, ImageSize> readHeaders(RunRequest request, List<ProcessedSample> samples, ExecutorService pool,
                                               List<Diagnostic> diagnostics) throws IOException {
        progress.phase("Reading image headers", samples.size());
        List<Future<ImageSize>> headers = new ArrayList<>(samples.size());
        for (ProcessedSample sample : samples) {
            headers.add(pool.submit(() -> ImageHeaders.read(request.input(), sample.name())));
        }
        Map<String, ImageSize> sizes = new LinkedHashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            String sample = samples.get(i).name();
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
    private static Optional<EmbeddingMatrix> earlierEmbeddings(Datapool pool, EmbeddingStage.Embedded embedded,
                                                               String embedderId, int dimension) {
        if (pool.selected().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> now = new LinkedHashMap<>();
        for (int i = 0; i < embedded.names().size(); i++) {
            now.put(embedded.names().get(i), i);
        }
        boolean poolComparable = pool.embedderId().equals(embedderId) && pool.dimension() == dimension;
        List<float[]> rows = new ArrayList<>();
        for (String name : pool.selected()) {
            Integer i = now.get(name);
            if (i != null) {
                float[] row = new float[dimension];
                System.arraycopy(embedded.rows(), i * dimension, row, 0, dimension);
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

    private static List<String> listSamples(RunRequest request, DatasourceOptions options, List<Diagnostic> diagnostics)
            throws IOException {
        if (options.relevantFilenamesFile().isEmpty()) {
            SampleLister.Listing listing = SampleLister.scan(request.input(), request.output());
            for (String entry : listing.unmatchedRelevantEntries()) {
                diagnostics.add(Diagnostic.warning(RELEVANT_UNMATCHED, RelevantFilenames.PATH, "", "The entry '" + entry
                        + "' names no image or video of the input."));
            }
            return listing.samples();
        }
        String file = options.relevantFilenamesFile().get();
        if (request.output().stat(file).isEmpty()) {
            throw new IllegalArgumentException("The relevant filenames file '" + file + "' named at /datasource/relevant_filenames_file "
                    + "does not exist in the output location " + request.output().description() + ".");
        }
        RelevantFilenames relevant;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(request.output().open(file), StandardCharsets.UTF_8))) {
            relevant = RelevantFilenames.parse(reader);
        }
        List<String> all = new ArrayList<>();
        for (String path : request.input().list("")) {
            if (SampleLister.isSample(path)) {
                all.add(path);
            }
        }
        for (String entry : relevant.unmatched(all)) {
            diagnostics.add(Diagnostic.warning(RELEVANT_UNMATCHED, file, "", "The entry '" + entry + "' names no image or video of the input."));
        }
        return all.stream().filter(relevant::contains).toList();
    }
}
