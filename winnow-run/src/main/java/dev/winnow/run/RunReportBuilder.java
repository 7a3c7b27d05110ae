package dev.winnow.run;

import dev.winnow.format.Category;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.PredictionFile;
import dev.winnow.media.ImageSize;
import dev.winnow.report.FrameThumbnail;
import dev.winnow.report.ObjectLevelSummary;
import dev.winnow.report.Projection2d;
import dev.winnow.report.RunCounts;
import dev.winnow.report.RunReport;
import dev.winnow.report.TaskSummary;
import dev.winnow.report.Thumbnail;
import dev.winnow.report.ThumbnailRenderer;
import dev.winnow.report.VideoStrip;
import dev.winnow.run.output.RunOutputs;
import dev.winnow.scores.ActiveLearningScores;
import dev.winnow.scores.ScoreName;
import dev.winnow.scores.table.PredictionFact;
import dev.winnow.scores.table.PredictionFacts;
import dev.winnow.scores.table.PredictionsTable;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Gathers a run's results into the {@link RunReport} and the scores table. */
final class RunReportBuilder {
    private final RunRequest request;
    private final PredictionsLoader loader;
    private final SampleDecoding decoding;

    RunReportBuilder(RunRequest request, PredictionsLoader loader, SampleDecoding decoding) {
        this.request = request;
        this.loader = loader;
        this.decoding = decoding;
    }

    /** {@code scores.csv}: a column {@code <task>.<score>} per task and score, a row per candidate. */
    void writeScoresCsv(
            Writer out, List<String> candidates, List<LoadedTask> tasks, Map<String, ActiveLearningScores> scores)
            throws IOException {
        List<String> headers = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        for (LoadedTask task : tasks) {
            ActiveLearningScores s = Objects.requireNonNull(scores.get(task.name()), "every task is scored");
            for (ScoreName name : s.names()) {
                headers.add(task.name() + "." + name.wireName());
                columns.add(candidateOrder(candidates, task.table(), s.column(name)));
            }
        }
        RunOutputs.writeScoresCsv(out, candidates, headers, columns);
    }

    RunReport report(
            String runId,
            Instant started,
            double seconds,
            long seed,
            RunCounts counts,
            List<Diagnostic> diagnostics,
            List<String> candidates,
            float[] embeddings,
            int dimension,
            List<String> selected,
            List<LoadedTask> tasks,
            Map<String, ActiveLearningScores> scores,
            Map<String, ImageSize> sizes,
            Map<String, RunSample> samples,
            List<VideoStrip> videos,
            Optional<ObjectLevelSummary> objectLevel)
            throws IOException {
        Set<String> selectedSet = new HashSet<>(selected);
        boolean[] isSelected = new boolean[candidates.size()];
        for (int i = 0; i < isSelected.length; i++) {
            isSelected[i] = selectedSet.contains(candidates.get(i));
        }
        List<TaskSummary> summaries = new ArrayList<>();
        for (LoadedTask task : tasks) {
            PredictionsTable table = task.table();
            double[][] counts2 = PredictionFacts.of(table).values(PredictionFact.CATEGORY_COUNT);
            int k = table.categoryCount();
            double[] before = new double[k];
            double[] after = new double[k];
            for (int i = 0; i < candidates.size(); i++) {
                int row = table.indexOf(candidates.get(i));
                for (int c = 0; c < k; c++) {
                    before[c] += counts2[row][c];
                    if (isSelected[i]) {
                        after[c] += counts2[row][c];
                    }
                }
            }
            ActiveLearningScores s = Objects.requireNonNull(scores.get(task.name()), "every task is scored");
            List<String> names = new ArrayList<>();
            List<double[]> columns = new ArrayList<>();
            for (ScoreName name : s.names()) {
                names.add(name.wireName());
                columns.add(candidateOrder(candidates, table, s.column(name)));
            }
            summaries.add(new TaskSummary(
                    task.name(),
                    task.schema().taskType().wireName(),
                    task.schema().categories().stream().map(Category::name).toList(),
                    before,
                    after,
                    names,
                    columns));
        }
        float[][] rows = new float[candidates.size()][dimension];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(embeddings, i * dimension, rows[i], 0, dimension);
        }
        Projection2d.Result plot = Projection2d.of(rows);
        double[][] projection = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            projection[i] = new double[] {plot.x()[i], plot.y()[i]};
        }
        List<Thumbnail> thumbnails = thumbnails(selected, tasks, sizes, samples);
        List<VideoStrip> strips =
                videos.stream().map(v -> withSelectedFrames(v, thumbnails)).toList();
        String startedAt = started.truncatedTo(ChronoUnit.SECONDS).toString();
        return new RunReport(
                runId,
                startedAt,
                seconds,
                request.input().description(),
                request.output().description(),
                seed,
                counts,
                diagnostics,
                summaries,
                candidates,
                selected,
                projection,
                isSelected,
                thumbnails,
                strips,
                objectLevel);
    }

    /**
     * The strip with the selected frames that have a thumbnail shown in it too (those come with
     * their predictions drawn); evenly spaced frames make up the rest, up to {@link VideoStrip#MAX_FRAMES}.
     */
    static VideoStrip withSelectedFrames(VideoStrip strip, List<Thumbnail> thumbnails) {
        Map<String, Thumbnail> bySample = new HashMap<>();
        thumbnails.forEach(t -> bySample.put(t.sample(), t));
        TreeMap<Integer, FrameThumbnail> frames = new TreeMap<>();
        for (int frame : strip.selectedFrames()) {
            Thumbnail t = bySample.get(strip.frameSample(frame));
            if (t != null && frames.size() < VideoStrip.MAX_FRAMES) {
                frames.put(frame, new FrameThumbnail(frame, t));
            }
        }
        List<FrameThumbnail> others = strip.frames().stream()
                .filter(f -> !frames.containsKey(f.frame()))
                .toList();
        int room = VideoStrip.MAX_FRAMES - frames.size();
        for (int j = 0; j < Math.min(room, others.size()); j++) {
            // Spread the kept ones over the whole video when not all fit.
            FrameThumbnail f = others.get(room >= others.size() ? j : (int) ((long) j * others.size() / room));
            frames.put(f.frame(), f);
        }
        return new VideoStrip(
                strip.video(),
                strip.frameCount(),
                strip.stride(),
                strip.selectedFrames(),
                List.copyOf(frames.values()));
    }

    /** Thumbnails of the first selected samples found in {@code samples}, predictions drawn, in selection order. */
    private List<Thumbnail> thumbnails(
            List<String> selected, List<LoadedTask> tasks, Map<String, ImageSize> sizes, Map<String, RunSample> samples)
            throws IOException {
        List<RunSample> wanted = new ArrayList<>();
        for (String name : selected.subList(0, Math.min(RunPipeline.MAX_THUMBNAILS, selected.size()))) {
            RunSample sample = samples.get(name);
            if (sample != null) {
                wanted.add(sample);
            }
        }
        Map<String, Thumbnail> rendered = decoding.map(wanted, ThumbnailRenderer.MAX_SIDE, (sample, image) -> {
            List<ThumbnailRenderer.TaskPredictions> predictions = new ArrayList<>();
            for (LoadedTask task : tasks) {
                Optional<PredictionFile> file =
                        loader.read(task.name(), task.schema(), sample.name(), sizes.get(sample.name()));
                file.ifPresent(
                        f -> predictions.add(new ThumbnailRenderer.TaskPredictions(task.name(), task.schema(), f)));
            }
            return ThumbnailRenderer.render(sample.name(), image.image(), image.original(), predictions);
        });
        List<Thumbnail> thumbnails = new ArrayList<>();
        for (RunSample sample : wanted) {
            Thumbnail t = rendered.get(sample.name());
            if (t != null) {
                thumbnails.add(t);
            }
        }
        return thumbnails;
    }

    private static double[] candidateOrder(List<String> candidates, PredictionsTable table, double[] tableOrder) {
        double[] out = new double[candidates.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = tableOrder[table.indexOf(candidates.get(i))];
        }
        return out;
    }
}
