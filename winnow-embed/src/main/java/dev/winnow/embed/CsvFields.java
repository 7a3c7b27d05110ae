package dev.winnow.embed;

import java.util.ArrayList;
import java.util.List;

/**
 * Splitting and quoting of one line of a comma-separated file as RFC 4180 has it: a field that
 * holds a comma or a quote is enclosed in quotes, with inner quotes doubled. Fields never span
 * lines here (file names with line breaks are refused when writing).
 */
final class CsvFields {

    private CsvFields() {
    }

    /** The fields of one line, or {@code null} when a quoted field is not closed. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            if (i < n && line.charAt(i) == '"') {
                StringBuilder field = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        return null;
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                fields.add(field.toString());
                if (i < n && line.charAt(i) != ',') {
                    return null;
                }
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                fields.add(line.substring(i, end));
                i = end;
            }
            if (i >= n) {
                return fields;
            }
            i++; // the comma
        }
    }

    /** {@code value} as one CSV field, quoted only when it must be. */
    static String quote(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
