package dev.winnow.format.validate;

import dev.winnow.format.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text form of a list of diagnostics for a person to read: a code met at most {@link #FEW}
 * times is shown diagnostic by diagnostic; a code met more often is one line with its count, its
 * meaning and the first {@link #FEW} places, where its first diagnostic would be. Machine-readable
 * output lists every diagnostic instead.
 */
public final class DiagnosticGroups {
    /** How many of one code are shown one by one, and how many places a grouped line names. */
    public static final int FEW = 3;

    private DiagnosticGroups() {}

    /** The lines for {@code diagnostics}, in their order. */
    @SuppressWarnings("ReferenceEquality") // the group's line goes where its first diagnostic itself stood
    public static List<String> lines(List<Diagnostic> diagnostics) {
        Map<String, List<Diagnostic>> byCode = new LinkedHashMap<>();
        for (Diagnostic d : diagnostics) {
            byCode.computeIfAbsent(d.severity() + " " + d.code(), k -> new ArrayList<>())
                    .add(d);
        }
        List<String> lines = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            List<Diagnostic> same = byCode.getOrDefault(d.severity() + " " + d.code(), List.of(d));
            if (same.size() <= FEW) {
                lines.add(d.toText());
            } else if (same.get(0) == d) {
                lines.add(grouped(same));
            }
        }
        return lines;
    }

    private static String grouped(List<Diagnostic> same) {
        Diagnostic first = same.get(0);
        String meaning =
                DiagnosticCode.byCode(first.code()).map(DiagnosticCode::meaning).orElse(first.message());
        StringBuilder sb = new StringBuilder();
        sb.append(first.severity().label())
                .append(' ')
                .append(first.code())
                .append(" (")
                .append(same.size())
                .append(" times): ")
                .append(meaning)
                .append(" First at ");
        for (int i = 0; i < FEW; i++) {
            sb.append(i == 0 ? "" : ", ").append(place(same.get(i)));
        }
        return sb.append("; the first says: ").append(first.message()).toString();
    }

    private static String place(Diagnostic d) {
        String at = d.file().isEmpty() ? "(no file)" : d.file();
        if (d.line() > 0) {
            at += ":" + d.line() + ":" + d.column();
        }
        return d.pointer().isEmpty() ? at : at + " " + d.pointer();
    }
}
