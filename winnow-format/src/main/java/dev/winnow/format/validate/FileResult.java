package dev.winnow.format.validate;

import dev.winnow.format.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of reading one file: its value when the file has no error, and every diagnostic
 * found (warnings may accompany a value). Immutable.
 *
 * @param <T> what the file holds: a {@code TaskList}, {@code TaskSchema} or {@code PredictionFile}
 */
public record FileResult<T>(Optional<T> value, List<Diagnostic> diagnostics) {

    public FileResult {
        value = value == null ? Optional.empty() : value;
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean isValid() {
        return value.isPresent();
    }

    public long errorCount() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public long warningCount() {
        return diagnostics.size() - errorCount();
    }
}
