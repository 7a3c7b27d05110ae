package dev.winnow.run;

import dev.winnow.embed.EmbeddingSource;
import dev.winnow.format.validate.DiagnosticCollector;
import dev.winnow.media.ImageMetadata;
import dev.winnow.media.ImageSize;
import dev.winnow.report.FrameThumbnail;
import dev.winnow.report.RunCounts;
import dev.winnow.report.RunReport;
import dev.winnow.report.VideoStrip;
import dev.winnow.run.datapool.Datapool;
import dev.winnow.run.datapool.ProcessedSample;
import dev.winnow.run.output.RunOutputs;
import dev.winnow.scores.ActiveLearningScores;
import dev.winnow.select.EmbeddingMatrix;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A run whose samples are the images and video frames themselves: new or changed samples are
 * embedded, candidates are those no earlier run selected, every task's predictions are read and
 * scored for them, and the selection picks among them.
 */
final class ImageLevelRun {
    private ImageLevelRun() {}

    /** Runs the selection described by {@code ctx} over images and frames. */
    static RunSummary run(RunContext ctx, EmbeddingSource source, String embedderId) throws IOException {
        RunRequest request = ctx.request();
        RunSelection selection = new RunSelection(ctx);
        DiagnosticCollector diagnostics = ctx.diagnostics();
        Datapool pool = Datapool.load(ctx.winnow(), RunFolder.completedIn(ctx.winnow()));
        Set<String> earlierSelected = new HashSet<>(pool.selected());
        List<RunSample> toProcess = newOrChanged(request, ctx.listing().samples(), pool, embedderId);
        // No header pass first: decoding reports unreadable files and gives each sample's size.
        EmbeddingStage.Embedded embedded = SampleRows.embed(ctx, toProcess, source);

        // Candidates: embedded now and not selected by an earlier run.
        int[] candidateRows = IntStream.range(0, embedded.samples().size())
                .filter(i -> !earlierSelected.contains(embedded.samples().get(i).name()))
                .toArray();
        int dimension = embedded.dimension();
        EmbeddingMatrix matrix = new EmbeddingMatrix(embedded.rows(), dimension).select(candidateRows);
        float[] candidateEmbeddings = matrix.rows();
        List<RunSample> candidates = new ArrayList<>();
        List<ImageMetadata> candidateMetadata = new ArrayList<>();
        List<ImageSize> candidateSizes = new ArrayList<>();
        Map<String, ImageSize> sizeOf = new HashMap<>();
        for (int row : candidateRows) {
            candidates.add(embedded.samples().get(row));
            candidateMetadata.add(embedded.metadata().get(row));
            candidateSizes.add(embedded.sizes().get(row));
            sizeOf.put(embedded.samples().get(row).name(), embedded.sizes().get(row));
        }
        List<String> names = candidates.stream().map(RunSample::name).toList();

        // Predictions and scores of the candidates.
        List<LoadedTask> tasks = new ArrayList<>();
        var taskSchemas = ctx.loader().tasks();
        ctx.progress().phase("Reading predictions", (long) taskSchemas.size() * names.size());
        int taskIndex = 0;
        for (var task : taskSchemas) {
            tasks.add(ctx.loader().load(task.getKey(), task.getValue(), names, candidateSizes));
            ctx.progress().advance((long) ++taskIndex * names.size());
        }
        Map<String, ActiveLearningScores> scores = selection.score(tasks);

        Optional<EmbeddingMatrix> earlier =
                RunSelection.earlierEmbeddings(pool, embedded.names(), embedded.rows(), embedderId, dimension);
        RunSelection.Picks picks = selection.select(
                names, candidates, matrix, earlier, tasks, scores, candidateMetadata, Optional.empty());

        ctx.progress().phase("Writing outputs", 0);
        RunCounts counts = new RunCounts(
                ctx.listing().samples().size(),
                ctx.listing().samples().size() - toProcess.size(),
                embedded.samples().size(),
                toProcess.size() - embedded.samples().size(),
                names.size(),
                picks.selected().size(),
                pool.selected().size(),
                tasks.stream().mapToInt(LoadedTask::files).sum(),
                tasks.stream().mapToInt(LoadedTask::invalid).sum());
        RunReportBuilder reports = new RunReportBuilder(
                request, ctx.loader(), new SampleDecoding(request.input(), ctx.videoDecoder(), ctx.pool()));
        RunFolder folder = ctx.folder();
        folder.writeString("selected.txt", RunOutputs.selectedText(picks.selected()));
        RunFiles.writeSelectionFiles(folder, names, matrix, picks, tasks, scores, reports);
        RunReport report = reports.report(
                ctx.runId(),
                ctx.started(),
                ctx.seconds(),
                request.config().seed(),
                counts,
                diagnostics.sorted(),
                names,
                candidateEmbeddings,
                dimension,
                picks.selected(),
                tasks,
                scores,
                sizeOf,
                bySample(candidates),
                videoStrips(candidates, picks.selected(), request.config().frameStride(), embedded.strips()),
                Optional.empty());
        // The datapool's next generation is staged first; it counts once the run folder is complete
        // (the one moment a kill decides on), and CURRENT follows.
        List<ProcessedSample> processed =
                embedded.samples().stream().map(RunSample::processed).toList();
        Datapool.Staged staged = pool.updated(processed, embedded.rows(), dimension, embedderId, picks.selected())
                .stage(ctx.winnow(), ctx.runId());
        Path runPath = RunFiles.commit(folder, diagnostics.sorted(), report);
        staged.publish();
        ctx.progress().endPhase();
        return ctx.summary(runPath, counts, picks.selected(), picks.result(), Optional.empty());
    }

    private static Map<String, RunSample> bySample(List<RunSample> samples) {
        Map<String, RunSample> map = new HashMap<>();
        samples.forEach(s -> map.put(s.name(), s));
        return map;
    }

    /**
     * A strip per video with candidate frames (the first {@link EmbeddingStage#STRIP_VIDEOS}), selected frames marked.
     */
    private static List<VideoStrip> videoStrips(
            List<RunSample> candidates,
            List<String> selected,
            int stride,
            Map<String, List<FrameThumbnail>> thumbnails) {
        Set<String> chosen = new HashSet<>(selected);
        Map<String, List<RunSample>> videos = VideoPass.byVideo(candidates);
        List<VideoStrip> strips = new ArrayList<>();
        for (Map.Entry<String, List<RunSample>> video : videos.entrySet()) {
            if (strips.size() == EmbeddingStage.STRIP_VIDEOS) {
                break;
            }
            List<RunSample> frames = video.getValue();
            List<Integer> picked = frames.stream()
                    .filter(f -> chosen.contains(f.name()))
                    .map(RunSample::frame)
                    .sorted()
                    .toList();
            strips.add(new VideoStrip(
                    video.getKey(),
                    frames.get(0).frameCount(),
                    stride,
                    picked,
                    thumbnails.getOrDefault(video.getKey(), List.of())));
        }
        return strips;
    }

    /** The samples the datapool does not know unchanged (all of them with process_all). */
    private static List<RunSample> newOrChanged(
            RunRequest request, List<RunSample> samples, Datapool pool, String embedderId) {
        boolean all = request.config().datasource().processAll();
        List<RunSample> toProcess = new ArrayList<>();
        for (RunSample sample : samples) {
            if (all || !pool.isUnchanged(sample.name(), sample.size(), sample.lastModifiedMillis(), embedderId)) {
                toProcess.add(sample);
            }
        }
        return toProcess;
    }
}
