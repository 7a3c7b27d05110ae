package dev.winnow.convert;

import dev.winnow.format.Diagnostic;
import java.util.List;

/**
 * What a conversion wrote: the number of prediction files and singletons, and the problems met on
 * the way (annotations that were skipped, with file, JSON pointer and message). {@code diagnostics}
 * holds at most {@link DiagnosticCollector#MAX_KEPT} entries; {@code diagnosticCount} counts all.
 */
public record ConversionReport(int predictionFiles, long singletons, long diagnosticCount, List<Diagnostic> diagnostics) {

    public ConversionReport {
        diagnostics = List.copyOf(diagnostics);
    }

    /** Whether any diagnostic is an error (an input item was skipped). */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
