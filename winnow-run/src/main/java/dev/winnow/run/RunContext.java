package dev.winnow.run;

import dev.winnow.datasource.MediaCounts;
import dev.winnow.datasource.Progress;
import dev.winnow.format.validate.DiagnosticCollector;
import dev.winnow.report.RunCounts;
import dev.winnow.select.SelectionResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * What every part of one run shares: the request, the pool images and videos are decoded on, the
 * run folder being written, the diagnostics found so far, the predictions loader, the listed
 * samples, and the pipeline's clock, progress listener, thread count and video decoder.
 *
 * @param winnow the output's {@code .winnow/} folder
 * @param engine where the per-sample work is spread out; empty: on {@code pool}
 */
record RunContext(
        RunRequest request,
        ExecutorService pool,
        RunFolder folder,
        DiagnosticCollector diagnostics,
        PredictionsLoader loader,
        RunSamples.Listing listing,
        Instant started,
        String runId,
        Clock clock,
        Progress progress,
        int threads,
        VideoReaders videoDecoder,
        Path winnow,
        Optional<SampleEngine> engine) {

    /** Seconds since the run started. */
    double seconds() {
        return (clock.millis() - started.toEpochMilli()) / 1000.0;
    }

    /** Decodes selected samples again, for pictures. */
    SampleDecoding decoding() {
        return new SampleDecoding(request.input(), videoDecoder, pool);
    }

    /** What the finished run reports. */
    RunSummary summary(
            Path runPath,
            RunCounts counts,
            List<String> selected,
            @Nullable SelectionResult result,
            Optional<String> objectTask) {
        return new RunSummary(
                runId,
                runPath,
                runPath.resolve("report.html"),
                counts,
                selected,
                diagnostics.errors(),
                diagnostics.warnings(),
                result == null
                        ? noCandidates(counts, objectTask)
                        : result.stopReason().description(),
                objectTask,
                videoDecoder.videosByDecoder(),
                media());
    }

    /** The listed samples as images and videos, with the frames taken from the videos. */
    private MediaCounts media() {
        long frames = listing.samples().stream().filter(RunSample::isFrame).count();
        return new MediaCounts(listing.samples().size() - frames, listing.videos(), frames);
    }

    /** Why a run has no candidates, and how to get some. */
    static String noCandidates(RunCounts c, Optional<String> objectTask) {
        if (c.listed() == 0) {
            return "no candidates: the input has no images or videos";
        }
        if (objectTask.isPresent()) {
            return c.processed() == 0
                    ? "no candidates: no sample has a box of task '" + objectTask.get() + "'"
                    : "no candidates: all " + c.processed()
                            + " crops were selected by earlier runs; pass another --output" + " for a new datapool";
        }
        List<String> why = new ArrayList<>();
        if (c.fromDatapool() > 0) {
            why.add((c.fromDatapool() == c.listed() ? "all " + c.listed() : c.fromDatapool() + " of the " + c.listed())
                    + " samples are known from earlier runs in the datapool");
        }
        if (c.unreadable() > 0) {
            why.add(c.unreadable() + (c.unreadable() == 1 ? " sample cannot" : " samples cannot") + " be read");
        }
        int selectedBefore = c.processed() - c.candidates();
        if (selectedBefore > 0) {
            why.add(selectedBefore + (selectedBefore == 1 ? " sample processed now was" : " samples processed now were")
                    + " selected by earlier runs");
        }
        if (why.isEmpty()) {
            return "no candidates";
        }
        String reason = "no candidates: " + String.join("; ", why);
        if (c.fromDatapool() > 0) {
            return reason
                    + "; to consider them again, set \"process_all\": true under \"datasource\" in run.json, or pass"
                    + " another --output for a new datapool";
        }
        return selectedBefore > 0
                ? reason + "; pass another --output for a new datapool to select among them again"
                : reason;
    }
}
