package dev.winnow.format.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Comma-separated text as RFC 4180 has it, for every CSV file Winnow reads or writes: commas
 * separate fields, a field holding a comma, a quote or a line break is enclosed in double quotes,
 * and a quote inside such a field is doubled. Lines end with LF when written; a record read may end
 * with CRLF. A record is one line: no file Winnow reads needs a field that spans lines.
 *
 * <p>An instance builds text line by line; {@link #split} reads one record back.
 */
public final class Csv {
    private final StringBuilder text = new StringBuilder();
    private boolean lineStarted;

    /** Appends one field to the current line, quoted when it must be. */
    public Csv field(String value) {
        if (lineStarted) {
            text.append(',');
        }
        lineStarted = true;
        text.append(quote(value));
        return this;
    }

    /** Appends a number as {@link #number} writes it. */
    public Csv field(double value) {
        return field(number(value));
    }

    /** Appends a whole number. */
    public Csv field(long value) {
        return field(Long.toString(value));
    }

    /** Ends the current line. */
    public Csv endLine() {
        text.append('\n');
        lineStarted = false;
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /**
     * {@code value} as one field: as it is, or in quotes with inner quotes doubled when it holds a comma, quote or line
     * break.
     */
    public static String quote(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + value.replace("\"", "\"\"") + '"';
            }
        }
        return value;
    }

    /**
     * The fields of one record, without its line ending (a CR left by a CRLF ending is dropped).
     *
     * @throws IllegalArgumentException saying what is wrong, in a phrase that fits after "the line
     *     cannot be read: ", when a quoted field is not closed or text follows its closing quote
     */
    public static List<String> split(String line) {
        int n = line.endsWith("\r") ? line.length() - 1 : line.length();
        List<String> fields = new ArrayList<>();
        int i = 0;
        while (true) {
            if (i < n && line.charAt(i) == '"') {
                StringBuilder field = new StringBuilder();
                int opened = i + 1;
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException(
                                "the quoted field that starts at column " + opened + " is not closed");
                    }
                    char c = line.charAt(i++);
                    if (c != '"') {
                        field.append(c);
                    } else if (i < n && line.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                if (i < n && line.charAt(i) != ',') {
                    throw new IllegalArgumentException("the quoted field that starts at column " + opened
                            + " is followed by text before the next comma");
                }
                fields.add(field.toString());
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 || comma > n ? n : comma;
                fields.add(line.substring(i, end));
                i = end;
            }
            if (i >= n) {
                return fields;
            }
            i++; // the comma
        }
    }

    /**
     * A number as Winnow's CSV and JSON outputs write it: integers without ".0", others as {@link Double#toString}, NaN
     * empty.
     */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
