package dev.winnow.format.io;

import dev.winnow.format.Diagnostic;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.format.validate.FileResult;
import dev.winnow.format.validate.ValidationOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Collects the diagnostics of one file, at most the per-file limit of them (and the first error,
 * wherever it comes); beyond it only a count is kept, so a file with a million bad singletons costs
 * no more memory than one with a hundred.
 * Not thread-safe: one per file being read.
 */
final class FileDiagnostics {
    private final String file;
    private final ValidationOptions options;
    private final List<Diagnostic> diagnostics = new ArrayList<>(2);
    private int unreported;
    private boolean hasError;

    FileDiagnostics(String file, ValidationOptions options) {
        this.file = file == null ? "" : file;
        this.options = options;
    }

    String file() {
        return file;
    }

    boolean strict() {
        return options.strict();
    }

    boolean hasError() {
        return hasError;
    }

    void add(DiagnosticCode code, String pointer, int line, int column, String message) {
        boolean error = code.severity() == Diagnostic.Severity.ERROR;
        // A file's first error is kept past the limit: a file that is not read always says why,
        // even after a hundred warnings.
        boolean firstError = error && !hasError;
        if (error) {
            hasError = true;
        }
        if (diagnostics.size() < options.limits().maxDiagnosticsPerFile() || firstError) {
            diagnostics.add(code.at(file, pointer, line, column, message));
        } else {
            unreported++;
        }
    }

    /** A problem that is a warning when reading leniently and the error {@code strictCode} in strict mode. */
    void addLenient(
            DiagnosticCode warning, DiagnosticCode strictCode, String pointer, int line, int column, String message) {
        add(options.strict() ? strictCode : warning, pointer, line, column, message);
    }

    /** How an unknown field's message ends: ignored normally, refused in strict mode. */
    String unknownFieldOutcome() {
        return options.strict() ? "; strict mode allows no unknown fields." : "; it is ignored.";
    }

    /** The result: the value only when no error was found. */
    <T> FileResult<T> result(@Nullable T value) {
        List<Diagnostic> all = diagnostics;
        if (unreported > 0) {
            all = new ArrayList<>(diagnostics);
            all.add(DiagnosticCode.MORE_IN_FILE.of(
                    file,
                    unreported + " more problem" + (unreported == 1 ? " was" : "s were")
                            + " found in this file and not reported (limit "
                            + options.limits().maxDiagnosticsPerFile()
                            + " per file)."));
        }
        return new FileResult<>(hasError ? Optional.empty() : Optional.ofNullable(value), all);
    }
}
