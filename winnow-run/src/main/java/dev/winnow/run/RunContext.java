package dev.winnow.run;

import dev.winnow.datasource.Progress;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.validate.DiagnosticCollector;
import dev.winnow.select.SelectionResult;
import dev.winnow.report.RunCounts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * What every part of one run shares: the request, the pool images and videos are decoded on, the
 * run folder being written, the diagnostics found so far, the predictions loader, the listed
 * samples, and the pipeline's clock, progress listener, thread count and video decoder.
 *
 * @param winnow the output's {@code .winnow/} folder
 */
record RunContext(RunRequest request, ExecutorService pool, RunFolder folder, DiagnosticCollector diagnostics,
                  PredictionsLoader loader, RunSamples.Listing listing, Instant started, String runId, Clock clock,
                  Progress progress, int threads, VideoReaders videoDecoder, Path winnow) {

    /** Seconds since the run started. */
    double seconds() {
        return (clock.millis() - started.toEpochMilli()) / 1000.0;
    }

    /** Decodes selected samples again, for pictures. */
    SampleDecoding decoding() {
        return new SampleDecoding(request.input(), videoDecoder, pool);
    }

    /** What the finished run reports. */
    RunSummary summary(Path runPath, RunCounts counts, List<String> selected, SelectionResult result, Optional<String> objectTask) {
        return new RunSummary(runId, runPath, runPath.resolve("report.html"), counts, selected, diagnostics.errors(),
                diagnostics.warnings(),
                result == null ? "no candidates" : result.stopReason().description(), objectTask, videoDecoder.videosByDecoder());
    }
}
