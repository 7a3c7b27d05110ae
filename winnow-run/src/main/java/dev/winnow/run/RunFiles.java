package dev.winnow.run;

import dev.winnow.format.Diagnostic;
import dev.winnow.report.HtmlReport;
import dev.winnow.report.ReportJson;
import dev.winnow.report.RunReport;
import dev.winnow.run.output.RunOutputs;
import dev.winnow.scores.ActiveLearningScores;
import dev.winnow.select.EmbeddingMatrix;
import dev.winnow.select.SelectionResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Writes the files every run has, whatever its samples are. */
final class RunFiles {
    private RunFiles() {}

    /** {@code selection.csv}, {@code scores.csv} and {@code embeddings.csv} of the candidates. */
    static void writeSelectionFiles(
            RunFolder folder,
            List<String> names,
            EmbeddingMatrix matrix,
            RunSelection.Picks picks,
            List<LoadedTask> tasks,
            Map<String, ActiveLearningScores> scores,
            RunReportBuilder reports)
            throws IOException {
        folder.writeString("selection.csv", selectionCsv(picks.selected(), picks.result()));
        folder.write("scores.csv", out -> reports.writeScoresCsv(out, names, tasks, scores));
        folder.write(
                "embeddings.csv", out -> RunOutputs.writeEmbeddingsCsv(out, names, matrix.rows(), matrix.dimension()));
    }

    /** The last files, {@code diagnostics.jsonl} and the reports; then the run folder appears. */
    static Path commit(RunFolder folder, List<Diagnostic> diagnostics, RunReport report) throws IOException {
        folder.writeString("diagnostics.jsonl", RunOutputs.diagnosticsJsonl(diagnostics));
        folder.writeString("report.json", ReportJson.toJson(report));
        folder.writeString("report.html", HtmlReport.render(report));
        return folder.commit();
    }

    private static String selectionCsv(List<String> selected, @Nullable SelectionResult result) {
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
}
