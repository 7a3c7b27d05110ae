package dev.winnow.convert;

import dev.winnow.format.Diagnostic;
import dev.winnow.format.validate.DiagnosticCollector;
import java.util.List;

/**
 * What a conversion wrote: the number of prediction files and singletons, and the problems met on
 * the way (annotations that were skipped, with file, JSON pointer and message). {@code diagnostics}
 * holds at most {@link DiagnosticCollector#DEFAULT_LIMIT} entries, sorted by file and position;
 * {@code diagnosticCount} counts all.
 */
public record ConversionReport(int predictionFiles, long singletons, long diagnosticCount, List<Diagnostic> diagnostics) {

    public ConversionReport {
        diagnostics = List.copyOf(diagnostics);
    }

    /** The report of a conversion that wrote {@code files} files holding {@code singletons} singletons. */
    public static ConversionReport of(int files, long singletons, DiagnosticCollector diagnostics) {
        return new ConversionReport(files, singletons, diagnostics.count(), diagnostics.sorted());
    }

    /** Whether any diagnostic is an error (an input item was skipped). */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
