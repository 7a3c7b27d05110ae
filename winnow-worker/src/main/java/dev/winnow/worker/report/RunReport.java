package dev.winnow.worker.report;

import dev.winnow.format.Diagnostic;
import java.util.List;
import java.util.Objects;

/**
 * Everything the run's report shows, gathered by the pipeline: counts, diagnostics, per-task class
 * counts and scores, a 2-D projection of the candidates' embeddings with the selection marked, and
 * thumbnails of selected samples. Written as {@code report.json} by {@link ReportJson} and as the
 * self-contained {@code report.html} by {@link HtmlReport}.
 *
 * @param candidates   candidate sample names; score columns and {@code projection} rows follow this order
 * @param selected     the selected samples, in selection order
 * @param projection   x, y of each candidate (PCA of the embeddings), empty when there are none
 * @param isSelected   per candidate, whether it was selected
 */
public record RunReport(String runId, String startedAt, double seconds, String input, String output, long seed,
                        RunCounts counts, List<Diagnostic> diagnostics, List<TaskSummary> tasks,
                        List<String> candidates, List<String> selected, double[][] projection, boolean[] isSelected,
                        List<Thumbnail> thumbnails) {
    public RunReport {
        Objects.requireNonNull(runId, "runId");
        diagnostics = List.copyOf(diagnostics);
        tasks = List.copyOf(tasks);
        candidates = List.copyOf(candidates);
        selected = List.copyOf(selected);
        thumbnails = List.copyOf(thumbnails);
        if (isSelected.length != candidates.size()) {
            throw new IllegalArgumentException(candidates.size() + " candidates need as many selection flags, but "
                    + isSelected.length + " were given.");
        }
    }

    public long errorCount() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public long warningCount() {
        return diagnostics.size() - errorCount();
    }
}
