package dev.winnow.convert;

import dev.winnow.format.Category;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.io.SchemaReader;
import dev.winnow.format.validate.FileResult;
import dev.winnow.format.validate.ValidationOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one reader of category lists, for every converter option that names classes. It takes:
 *
 * <ul>
 *   <li>the format's own {@code schema.json} (its categories, ids and keypoints kept);
 *   <li>a JSON list {@code [{"id": 0, "name": "road"}, ...]} (ids kept; {@code supercategory} kept,
 *       other fields ignored), as COCO's categories are written;
 *   <li>a JSON mapping {@code {"0": "background", "1": "aeroplane"}} (ids from the keys), as other
 *       converters write {@code class_id_to_name.json};
 *   <li>a {@code classes.txt} with one name per line (id = line number from 0, blank lines ignored
 *       at the end only);
 *   <li>the {@code names} of a YOLO {@code data.yaml} in one of its simple forms:
 * </ul>
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
 * A file is JSON when its name ends in {@code .json} or its text starts with a brace or a
 * bracket; YAML when it ends in {@code .yaml}/{@code .yml}; else a {@code classes.txt}. JSON of
 * another shape is refused with a sentence naming the forms understood (no YAML library is needed
 * for the forms above). Categories come back in ascending id order.
 */
public final class CategoryNames {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CategoryNames() {}

    /** The JSON forms every category option takes, for messages. */
    public static final String JSON_FORMS =
            "the format's schema.json, a JSON list [{\"id\": 0, \"name\": \"road\"}, ...]"
                    + " or a JSON mapping {\"0\": \"road\", ...}";

    /** The categories in {@code file}, in ascending id order. */
    public static List<Category> read(Path file) throws IOException, ConversionException {
        String text = text(file, "categories");
        if (isJson(file, text)) {
            return json(file, text, "a classes.txt (one name per line), a data.yaml with names, " + JSON_FORMS);
        }
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<String> names =
                lower.endsWith(".yaml") || lower.endsWith(".yml") ? yamlNames(text, file) : lines(text, file);
        List<Category> categories = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            categories.add(Category.of(i, names.get(i)));
        }
        return categories;
    }

    /**
     * The text of {@code file} (a byte order mark dropped); {@code what} names the file in the message when it is
     * missing.
     */
    public static String text(Path file, String what) throws IOException, ConversionException {
        if (!Files.isRegularFile(file)) {
            throw new ConversionException("The " + what + " file " + file + " does not exist or is not a file.");
        }
        return TextInputs.read(file);
    }

    /** Whether {@code text} of {@code file} is to be read as JSON: by its name, or by its first character. */
    public static boolean isJson(Path file, String text) {
        String stripped = text.stripLeading();
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                || stripped.startsWith("{")
                || stripped.startsWith("[");
    }

    /**
     * The categories of a JSON categories file: a schema.json, a list of {@code {"id", "name"}} or a
     * mapping from ids to names; {@code accepted} lists every form the option takes, for the refusal.
     */
    public static List<Category> json(Path file, String text, String accepted) throws ConversionException {
        String refusal = "; expected " + accepted + ".";
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new ConversionException("The categories file " + file + " is not well-formed JSON" + refusal);
        }
        List<Category> categories = new ArrayList<>();
        if (root.isObject() && root.has("categories")) {
            FileResult<TaskSchema> schema = SchemaReader.read(
                    file.toString(), text.getBytes(StandardCharsets.UTF_8), ValidationOptions.defaults());
            if (schema.value().isEmpty() || !schema.isValid()) {
                Diagnostic first = schema.diagnostics().stream()
                        .filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                        .findFirst()
                        .orElse(schema.diagnostics().get(0));
                throw new ConversionException("The categories file " + file + " is not a valid schema.json: "
                        + (first.pointer().isEmpty() ? "" : first.pointer() + ": ") + first.message());
            }
            categories.addAll(schema.value().get().categories());
        } else if (root.isObject() && !root.isEmpty()) {
            for (Map.Entry<String, JsonNode> e : root.properties()) {
                Integer id = parseIndex(e.getKey());
                if (id == null
                        || !e.getValue().isString()
                        || e.getValue().asString().isEmpty()) {
                    throw new ConversionException("The categories file " + file + " maps '" + e.getKey() + "' to "
                            + e.getValue() + ", but a mapping must take ids (whole numbers from 0) to names" + refusal);
                }
                categories.add(Category.of(id, e.getValue().asString()));
            }
        } else if (root.isArray() && !root.isEmpty()) {
            for (int i = 0; i < root.size(); i++) {
                JsonNode c = root.get(i);
                JsonNode id = c.path("id");
                JsonNode name = c.path("name");
                if (!c.isObject()
                        || !id.isIntegralNumber()
                        || !id.canConvertToInt()
                        || id.asInt() < 0
                        || !name.isString()
                        || name.asString().isEmpty()) {
                    throw new ConversionException("Entry " + i + " of the categories file " + file + " is " + c
                            + ", but a list must hold objects with an \"id\" (a whole number from 0) and a \"name\""
                            + refusal);
                }
                JsonNode supercategory = c.path("supercategory");
                categories.add(new Category(
                        id.asInt(),
                        name.asString(),
                        supercategory.isString() ? supercategory.asString() : null,
                        List.of(),
                        List.of()));
            }
        } else {
            String held = root.isArray() ? "an empty list" : root.isObject() ? "an empty object" : "a single value";
            throw new ConversionException("The categories file " + file + " holds " + held + refusal);
        }
        categories.sort(Comparator.comparingInt(Category::id));
        for (int i = 1; i < categories.size(); i++) {
            if (categories.get(i).id() == categories.get(i - 1).id()) {
                throw new ConversionException("The categories file " + file + " gives the id "
                        + categories.get(i).id() + " to both '"
                        + categories.get(i - 1).name() + "' and '"
                        + categories.get(i).name() + "'.");
            }
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
                        + " is empty; every line up to the last must name a category (its id is "
                        + "the line number from 0).");
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
                    throw new ConversionException("Line " + (i + 1) + " of " + file
                            + " opens a names list with '[' but does not" + " close it on the same line.");
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
                    throw new ConversionException("Line " + (j + 1) + " of " + file
                            + " is not of the form '<index>: <name>'" + " or '- <name>' inside the names list.");
                }
                if (byIndex.put(index, unquote(entry.substring(colon + 1).strip())) != null) {
                    throw new ConversionException(
                            "Line " + (j + 1) + " of " + file + " repeats the class index " + index + ".");
                }
            }
            if (!dashed.isEmpty() && !byIndex.isEmpty()) {
                throw new ConversionException(
                        "The names list of " + file + " mixes '- name' and 'index: name' entries.");
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
        throw new ConversionException(
                "The file " + file + " has no names list; expected 'names: [a, b]', or 'names:' followed by"
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

    private static @Nullable Integer parseIndex(String text) {
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
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
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
