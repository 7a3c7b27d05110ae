package dev.winnow.convert.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV record into fields (RFC 4180): commas separate fields, a field in double quotes
 * may hold commas, and {@code ""} inside quotes is one quote. Records spanning lines are not
 * supported (file names and numbers never need them).
 */
final class CsvLines {
    private CsvLines() {
    }

    /** The fields of {@code line}; throws {@link IllegalArgumentException} for an unclosed quote. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed");
        }
        fields.add(field.toString());
        return fields;
    }
}
