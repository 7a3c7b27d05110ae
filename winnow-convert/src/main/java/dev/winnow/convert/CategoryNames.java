package dev.winnow.convert;

import dev.winnow.format.Category;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Category lists as training tools keep them: a {@code classes.txt} with one name per line (id =
 * line number from 0, blank lines ignored at the end only), or the {@code names} of a YOLO
 * {@code data.yaml} in one of its simple forms:
 *
 * <pre>
 * names: [person, 'traffic light', car]
 *
 * names:
 *   0: person
 *   1: traffic light
 *
 * names:
 *   - person
 *   - traffic light
 * </pre>
 *
 * Only these forms are read (no YAML library is needed for them); anything else is refused with a
 * sentence saying which forms are understood.
 */
public final class CategoryNames {
    private CategoryNames() {
    }

    /** The categories in {@code file}, chosen by its extension ({@code .yaml}/{@code .yml} or text). */
    public static List<Category> read(Path file) throws IOException, ConversionException {
        if (!Files.isRegularFile(file)) {
            throw new ConversionException("The categories file " + file + " does not exist or is not a file.");
        }
        String text = TextInputs.read(file);
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<String> names = lower.endsWith(".yaml") || lower.endsWith(".yml") ? yamlNames(text, file) : lines(text, file);
        List<Category> categories = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            categories.add(Category.of(i, names.get(i)));
        }
        return categories;
    }

    private static List<String> lines(String text, Path file) throws ConversionException {
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        for (int i = 0; i < lines.size(); i++) {
            lines.set(i, lines.get(i).strip());
            if (lines.get(i).isEmpty()) {
                throw new ConversionException("Line " + (i + 1) + " of the categories file " + file
                        + " is empty; every line up to the last must name a category (its id is the line number from 0).");
            }
        }
        if (lines.isEmpty()) {
            throw new ConversionException("The categories file " + file + " names no category.");
        }
        return lines;
    }

    static List<String> yamlNames(String text, Path file) throws ConversionException {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]);
            if (!line.startsWith("names:")) {
                continue;
            }
            String rest = line.substring("names:".length()).strip();
            if (rest.startsWith("[")) {
                if (!rest.endsWith("]")) {
                    throw new ConversionException("Line " + (i + 1) + " of " + file + " opens a names list with '[' but does not"
                            + " close it on the same line.");
                }
                List<String> names = new ArrayList<>();
                String inner = rest.substring(1, rest.length() - 1).strip();
                if (!inner.isEmpty()) {
                    for (String part : splitInline(inner)) {
                        names.add(unquote(part.strip()));
                    }
                }
                return checked(names, file);
            }
            if (!rest.isEmpty()) {
                break;
            }
            TreeMap<Integer, String> byIndex = new TreeMap<>();
            List<String> dashed = new ArrayList<>();
            for (int j = i + 1; j < lines.length; j++) {
                String raw = stripComment(lines[j]);
                if (raw.isBlank()) {
                    continue;
                }
                if (!Character.isWhitespace(lines[j].charAt(0)) && !raw.startsWith("-")) {
                    break; // the next top-level key
                }
                String entry = raw.strip();
                if (entry.startsWith("- ") || entry.equals("-")) {
                    dashed.add(unquote(entry.substring(1).strip()));
                    continue;
                }
                int colon = entry.indexOf(':');
                Integer index = colon > 0 ? parseIndex(entry.substring(0, colon).strip()) : null;
                if (index == null) {
                    throw new ConversionException("Line " + (j + 1) + " of " + file + " is not of the form '<index>: <name>'"
                            + " or '- <name>' inside the names list.");
                }
                if (byIndex.put(index, unquote(entry.substring(colon + 1).strip())) != null) {
                    throw new ConversionException("Line " + (j + 1) + " of " + file + " repeats the class index " + index + ".");
                }
            }
            if (!dashed.isEmpty() && !byIndex.isEmpty()) {
                throw new ConversionException("The names list of " + file + " mixes '- name' and 'index: name' entries.");
            }
            if (!byIndex.isEmpty()) {
                List<String> names = new ArrayList<>();
                int expected = 0;
                for (var e : byIndex.entrySet()) {
                    if (e.getKey() != expected) {
                        throw new ConversionException("The names list of " + file + " has no class " + expected
                                + "; indices must run from 0 without gaps.");
                    }
                    names.add(e.getValue());
                    expected++;
                }
                return checked(names, file);
            }
            return checked(dashed, file);
        }
        throw new ConversionException("The file " + file + " has no names list; expected 'names: [a, b]', or 'names:' followed by"
                + " lines '  0: a' or '  - a'.");
    }

    private static List<String> checked(List<String> names, Path file) throws ConversionException {
        if (names.isEmpty()) {
            throw new ConversionException("The names list of " + file + " is empty.");
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isEmpty()) {
                throw new ConversionException("Class " + i + " in the names list of " + file + " has an empty name.");
            }
        }
        return names;
    }

    private static Integer parseIndex(String text) {
        try {
            int v = Integer.parseInt(text);
            return v >= 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Splits {@code a, 'b, c', "d"} at commas outside quotes. */
    private static List<String> splitInline(String inner) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (char c : inner.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                current.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                current.append(c);
            } else if (c == ',') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** The line without a {@code #} comment outside quotes. */
    private static String stripComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
