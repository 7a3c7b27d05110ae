package dev.winnow.scores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes scores as CSV: a header {@code sample,<score names in column order>}, then one line per
 * sample in sample order. Values are written with {@link Double#toString(double)}, which reads back
 * to the very same double. A sample name holding a comma, quote or line break is quoted as
 * RFC 4180 says. Lines end with {@code \n}.
 *
 * <pre>{@code
 * try (Writer out = Files.newBufferedWriter(path)) {
 *     ScoresCsv.write(scores, out);
 * }
 * }</pre>
 */
public final class ScoresCsv {
    private ScoresCsv() {}

    /** Writes the header line and one line per sample to {@code out}. */
    public static void write(ActiveLearningScores scores, Appendable out) throws IOException {
        List<ScoreName> names = scores.names();
        out.append("sample");
        for (ScoreName name : names) {
            out.append(',').append(name.wireName());
        }
        out.append('\n');
        StringBuilder line = new StringBuilder(128);
        for (int i = 0; i < scores.sampleCount(); i++) {
            line.setLength(0);
            appendField(line, scores.sampleName(i));
            for (int c = 0; c < names.size(); c++) {
                line.append(',').append(scores.valueAt(i, c));
            }
            line.append('\n');
            out.append(line);
        }
    }

    /** The whole CSV as one string; for small score tables and tests. */
    public static String toCsv(ActiveLearningScores scores) {
        StringBuilder sb = new StringBuilder();
        try {
            write(scores, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    private static void appendField(StringBuilder line, String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            line.append(field);
            return;
        }
        line.append('"').append(field.replace("\"", "\"\"")).append('"');
    }
}
