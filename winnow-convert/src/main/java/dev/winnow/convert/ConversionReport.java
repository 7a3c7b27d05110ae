package dev.winnow.convert;

import dev.winnow.format.Diagnostic;
import dev.winnow.format.validate.DiagnosticCollector;
import java.util.List;

/**
 * What a conversion wrote: the number of prediction files and singletons, and the problems met on
 * the way (annotations that were skipped, with file, JSON pointer and message). {@code diagnostics}
 * holds at most {@link DiagnosticCollector#DEFAULT_LIMIT} entries, sorted by file and position;
 * {@code diagnosticCount} counts all.
 * {@code notes} are sentences about what the target format could not take (an export's dropped
 * fields), with counts.
 */
public record ConversionReport(
        int predictionFiles, long singletons, long diagnosticCount, List<Diagnostic> diagnostics, List<String> notes) {

    public ConversionReport {
        diagnostics = List.copyOf(diagnostics);
        notes = List.copyOf(notes);
    }

    public ConversionReport(int predictionFiles, long singletons, long diagnosticCount, List<Diagnostic> diagnostics) {
        this(predictionFiles, singletons, diagnosticCount, diagnostics, List.of());
    }

    /** The report of a conversion that wrote {@code files} files holding {@code singletons} singletons. */
    public static ConversionReport of(int files, long singletons, DiagnosticCollector diagnostics) {
        return new ConversionReport(files, singletons, diagnostics.count(), diagnostics.sorted());
    }

    /** This report with {@code notes} in place of its notes. */
    public ConversionReport withNotes(List<String> notes) {
        return new ConversionReport(predictionFiles, singletons, diagnosticCount, diagnostics, notes);
    }

    /**
     * Whether the conversion converted nothing: no prediction file, or no prediction while items
     * were skipped for errors. Such a conversion publishes no task.
     */
    public boolean convertedNothing() {
        return predictionFiles == 0 || (singletons == 0 && hasErrors());
    }

    /** Whether any diagnostic is an error (an input item was skipped). */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
