package dev.winnow.run.output;

/** Builds RFC 4180 CSV text: fields with a comma, quote or line break are quoted, quotes doubled. */
public final class CsvText {
    private final StringBuilder text = new StringBuilder();
    private boolean lineStarted;

    /** Appends one field to the current line. */
    public CsvText field(String value) {
        if (lineStarted) {
            text.append(',');
        }
        lineStarted = true;
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            text.append('"').append(value.replace("\"", "\"\"")).append('"');
        } else {
            text.append(value);
        }
        return this;
    }

    /** Appends a number in its shortest exact decimal form ({@link Double#toString} without a trailing ".0"). */
    public CsvText field(double value) {
        return field(number(value));
    }

    public CsvText field(long value) {
        return field(Long.toString(value));
    }

    /** Ends the current line. */
    public CsvText endLine() {
        text.append('\n');
        lineStarted = false;
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** A number as written in Winnow's CSV and JSON outputs: integers without ".0", others as {@link Double#toString}. */
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
