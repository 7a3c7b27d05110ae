package dev.winnow.validate;

import dev.winnow.datasource.MediaCounts;
import dev.winnow.format.Diagnostic;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of validating a predictions folder: one summary per checked task, the diagnostics
 * kept (sorted by file, then line and column; at most the configured number) and totals over all
 * diagnostics found, kept or not. Immutable.
 *
 * @param sampleCount samples of the input (after {@code relevant_filenames.txt})
 * @param errorCount errors found in all, including suppressed ones
 * @param warningCount warnings found in all, including suppressed ones
 * @param suppressed diagnostics found beyond the limit and not kept
 * @param media the samples as images and videos, with the videos' frames
 */
public record ValidationReport(
        int sampleCount,
        List<TaskOutcome> tasks,
        List<Diagnostic> diagnostics,
        long errorCount,
        long warningCount,
        long suppressed,
        MediaCounts media) {

    public ValidationReport {
        tasks = List.copyOf(tasks);
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * One task's counts.
     *
     * @param taskType the schema's task type name, or null when the task has no valid schema
     * @param failed whether the task failed: no valid schema, or every one of its files invalid
     */
    public record TaskOutcome(
            String name,
            @Nullable String taskType,
            long filesChecked,
            long validFiles,
            long invalidFiles,
            long samplesWithoutPredictions,
            boolean failed) {}

    public boolean hasErrors() {
        return errorCount > 0;
    }

    public long filesChecked() {
        return tasks.stream().mapToLong(TaskOutcome::filesChecked).sum();
    }

    public long validFiles() {
        return tasks.stream().mapToLong(TaskOutcome::validFiles).sum();
    }

    public long invalidFiles() {
        return tasks.stream().mapToLong(TaskOutcome::invalidFiles).sum();
    }

    public long samplesWithoutPredictions() {
        return tasks.stream().mapToLong(TaskOutcome::samplesWithoutPredictions).sum();
    }
}
