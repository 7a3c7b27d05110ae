package dev.winnow.report;

import dev.winnow.format.Diagnostic;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the run's report shows, gathered by the pipeline: counts, diagnostics, per-task class
 * counts and scores, a 2-D projection of the candidates' embeddings with the selection marked,
 * thumbnails of selected samples, a frame strip per video, and the selected crops of an
 * object-level run. Written as {@code report.json} by {@link ReportJson} and as the
 * self-contained {@code report.html} by {@link HtmlReport}.
 *
 * @param candidates   candidate sample names; score columns and {@code projection} rows follow this order
 * @param selected     the selected samples, in selection order
 * @param projection   x, y of each candidate (PCA of the embeddings), empty when there are none
 * @param isSelected   per candidate, whether it was selected
 * @param videos       one strip per video of the input, in input order; empty when there are none
 * @param objectLevel  the object-level summary when the run selected crops rather than whole samples
 */
public record RunReport(
        String runId,
        String startedAt,
        double seconds,
        String input,
        String output,
        long seed,
        RunCounts counts,
        List<Diagnostic> diagnostics,
        List<TaskSummary> tasks,
        List<String> candidates,
        List<String> selected,
        double[][] projection,
        boolean[] isSelected,
        List<Thumbnail> thumbnails,
        List<VideoStrip> videos,
        Optional<ObjectLevelSummary> objectLevel) {
    public RunReport {
        Objects.requireNonNull(runId, "runId");
        diagnostics = List.copyOf(diagnostics);
        tasks = List.copyOf(tasks);
        candidates = List.copyOf(candidates);
        selected = List.copyOf(selected);
        thumbnails = List.copyOf(thumbnails);
        videos = List.copyOf(Objects.requireNonNull(videos, "The report's videos are missing; pass an empty list."));
        Objects.requireNonNull(objectLevel, "The report's object-level summary is missing; pass Optional.empty().");
        if (isSelected.length != candidates.size()) {
            throw new IllegalArgumentException(candidates.size() + " candidates need as many selection flags, but "
                    + isSelected.length + " were given.");
        }
        Set<String> names = new HashSet<>();
        for (VideoStrip video : videos) {
            if (!names.add(video.video())) {
                throw new IllegalArgumentException(
                        "Video " + video.video() + " has more than one strip in the report.");
            }
        }
    }

    /** A report without videos and without object-level selection. */
    public RunReport(
            String runId,
            String startedAt,
            double seconds,
            String input,
            String output,
            long seed,
            RunCounts counts,
            List<Diagnostic> diagnostics,
            List<TaskSummary> tasks,
            List<String> candidates,
            List<String> selected,
            double[][] projection,
            boolean[] isSelected,
            List<Thumbnail> thumbnails) {
        this(
                runId,
                startedAt,
                seconds,
                input,
                output,
                seed,
                counts,
                diagnostics,
                tasks,
                candidates,
                selected,
                projection,
                isSelected,
                thumbnails,
                List.of(),
                Optional.empty());
    }

    public long errorCount() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public long warningCount() {
        return diagnostics.size() - errorCount();
    }
}
