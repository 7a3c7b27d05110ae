package dev.winnow.run;

import dev.winnow.datasource.MediaCounts;
import dev.winnow.report.RunCounts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a finished run did: its id and folder, the HTML report's path, the counts, the selected
 * samples in order and how many errors and warnings were found.
 *
 * @param objectTask       on object level, the task whose boxes were the samples (then {@code selected}
 *                         and the processed, candidate and selected counts are crops)
 * @param videosByDecoder  how many videos each video decoder ("FFmpeg", "JCodec") decoded in this run
 */
public record RunSummary(
        String runId,
        Path runFolder,
        Path report,
        RunCounts counts,
        List<String> selected,
        long errors,
        long warnings,
        String stopReason,
        Optional<String> objectTask,
        Map<String, Integer> videosByDecoder,
        MediaCounts media) {
    public RunSummary {
        selected = List.copyOf(selected);
        objectTask = objectTask == null ? Optional.empty() : objectTask;
        videosByDecoder = Collections.unmodifiableMap(new TreeMap<>(videosByDecoder));
    }

    /** The closing lines a run prints: what was processed, found and selected, and where the results are. */
    public String toText() {
        return toText(runFolder.toString(), report.toString());
    }

    /** Like {@link #toText()}, naming the results and report by the given locations (a bucket's, for example). */
    public String toText(String results, String reportLocation) {
        RunCounts c = counts;
        String samples = objectTask.isPresent()
                ? "  samples:     " + c.listed() + " listed (" + media.describe() + "), " + c.unreadable()
                        + " unreadable\n" + "  crops:       " + c.processed() + " boxes of task '" + objectTask.get()
                        + "' cut and embedded\n"
                : "  samples:     " + c.listed() + " listed (" + media.describe() + "), " + c.processed()
                        + " processed, " + c.fromDatapool() + " known from earlier runs, " + c.unreadable()
                        + " unreadable\n";
        return "Run " + runId + " finished.\n"
                + samples
                + videos()
                + "  predictions: " + c.predictionFiles() + " files, " + c.invalidPredictionFiles() + " invalid; "
                + errors + (errors == 1 ? " error, " : " errors, ") + warnings
                + (warnings == 1 ? " warning" : " warnings") + "\n"
                + "  selected:    " + c.selected() + " of " + c.candidates() + " candidates (" + stopReason + ")\n"
                + "  results:     " + results + "\n"
                + "  report:      " + reportLocation + "\n";
    }

    /** "  videos:      2 read by FFmpeg, 1 by JCodec", or nothing when no video was decoded. */
    private String videos() {
        if (videosByDecoder.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        videosByDecoder.forEach(
                (decoder, count) -> parts.add(count + (parts.isEmpty() ? " read by " : " by ") + decoder));
        return "  videos:      " + String.join(", ", parts) + "\n";
    }
}
