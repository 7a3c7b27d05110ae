package dev.winnow.format;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * One problem found in the input: how bad it is, a stable code, the file as a datasource path, a
 * JSON pointer into it (empty for the whole file), the 1-based line and column where known (0
 * otherwise) and one sentence saying what is wrong and what was expected.
 */
public record Diagnostic(
        Severity severity, String code, String file, String pointer, int line, int column, String message)
        implements Serializable {

    public enum Severity {
        ERROR,
        WARNING;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        file = file == null ? "" : file;
        pointer = pointer == null ? "" : pointer;
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic error(String code, String file, String pointer, String message) {
        return new Diagnostic(Severity.ERROR, code, file, pointer, 0, 0, message);
    }

    public static Diagnostic warning(String code, String file, String pointer, String message) {
        return new Diagnostic(Severity.WARNING, code, file, pointer, 0, 0, message);
    }

    public Diagnostic at(int line, int column) {
        return new Diagnostic(severity, code, file, pointer, line, column, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The text form: {@code error E012 path/a.json:3:17 /predictions/0/bbox: message}. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(severity.label()).append(' ').append(code);
        if (!file.isEmpty()) {
            sb.append(' ').append(file);
            if (line > 0) {
                sb.append(':').append(line).append(':').append(column);
            }
        }
        if (!pointer.isEmpty()) {
            sb.append(' ').append(pointer);
        }
        sb.append(": ").append(message);
        return sb.toString();
    }
}
