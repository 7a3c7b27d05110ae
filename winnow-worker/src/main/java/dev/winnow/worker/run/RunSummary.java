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
}
