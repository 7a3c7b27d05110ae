package dev.winnow.worker.run;

import dev.winnow.worker.report.RunCounts;
import java.nio.file.Path;
import java.util.List;

/**
 * What a finished run did: its id and folder, the HTML report's path, the counts, the selected
 * samples in order and how many errors and warnings were found.
 */
public record RunSummary(String runId, Path runFolder, Path report, RunCounts counts, List<String> selected,
                         long errors, long warnings, String stopReason) {
    public RunSummary {
        selected = List.copyOf(selected);
    }

    /** The closing lines a run prints: what was processed, found and selected, and where the results are. */
    public String toText() {
        RunCounts c = counts;
        return "Run " + runId + " finished.\n"
                + "  samples:     " + c.listed() + " listed, " + c.processed() + " processed, " + c.fromDatapool()
                + " known from earlier runs, " + c.unreadable() + " unreadable\n"
                + "  predictions: " + c.predictionFiles() + " files, " + c.invalidPredictionFiles() + " invalid; "
                + errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings") + "\n"
                + "  selected:    " + c.selected() + " of " + c.candidates() + " candidates (" + stopReason + ")\n"
                + "  results:     " + runFolder + "\n"
                + "  report:      " + report + "\n";
    }
}
