package dev.winnow.media;

import dev.winnow.datasource.Datasource;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.FrameName;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.io.JacksonMessages;
import dev.winnow.format.validate.DiagnosticCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads user metadata from the output location's {@code .lightly/metadata/}: the schema
 * {@code schema.json} (a list of {@code {name, path, defaultValue, valueDataType}}) and one file per
 * sample, {@code .lightly/metadata/<sample path without extension>.json}, shaped
 * {@code {"file_name": ..., "type": "image", "metadata": {...}}}. A field's value is found in
 * {@code metadata} by its dot path; a missing or wrongly typed value takes the field's default.
 *
 * <p>Problems become diagnostics, never exceptions: a broken schema entry is an error and the entry
 * is left out; a malformed sample file, a missing value without default, or a value of the wrong
 * type is a warning and the sample goes on without it. Codes:
 * <ul>
 *   <li>{@code M001} (error) an invalid schema or schema entry;</li>
 *   <li>{@code M002} (warning) a sample's metadata file is not valid JSON of the expected shape;</li>
 *   <li>{@code M003} (warning) a value has the wrong type;</li>
 *   <li>{@code M004} (warning) a value is missing and its field has no default;</li>
 *   <li>{@code M005} (warning) a sample has no metadata file;</li>
 *   <li>{@code M006} (warning) a file's {@code file_name} names another sample.</li>
 * </ul>
 *
 * <pre>{@code
 * List<Diagnostic> diagnostics = new ArrayList<>();
 * UserMetadataReader metadata = UserMetadataReader.open(output, diagnostics);
 * Map<String, Object> values = metadata.read("a/img.jpg", diagnostics);   // by dot path
 * }</pre>
 *
 * <p>Thread-safe after {@link #open}: {@link #read} may be called from several threads, each with
 * its own diagnostics list.
 */
public final class UserMetadataReader {
    public static final String FOLDER = ".lightly/metadata/";
    public static final String SCHEMA_FILE = FOLDER + "schema.json";
    /** The largest schema or metadata file read; larger ones are reported and skipped. */
    public static final long MAX_FILE_BYTES = 1 << 20;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Datasource output;
    private final MetadataSchema schema;

    private UserMetadataReader(Datasource output, MetadataSchema schema) {
        this.output = output;
        this.schema = schema;
    }

    /** Reads the schema of {@code output}; without a schema file, no user metadata is read. */
    public static UserMetadataReader open(Datasource output, List<Diagnostic> diagnostics) throws IOException {
        if (output.stat(SCHEMA_FILE).isEmpty()) {
            return new UserMetadataReader(output, MetadataSchema.empty());
        }
        JsonNode root = parse(output, SCHEMA_FILE, DiagnosticCode.METADATA_SCHEMA_INVALID, diagnostics);
        if (root == null) {
            return new UserMetadataReader(output, MetadataSchema.empty());
        }
        if (!root.isArray()) {
            diagnostics.add(error("", "The metadata schema must be a list of fields, but it is " + kind(root) + "."));
            return new UserMetadataReader(output, MetadataSchema.empty());
        }
        List<MetadataField> fields = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            MetadataField field = field(root.get(i), "/" + i, diagnostics);
            if (field == null) {
                continue;
            }
            if (!paths.add(field.path())) {
                diagnostics.add(error(
                        "/" + i + "/path",
                        "The path '" + field.path() + "' is used by an earlier field; each field needs its own path."));
                continue;
            }
            fields.add(field);
        }
        return new UserMetadataReader(output, new MetadataSchema(fields));
    }

    private static @Nullable MetadataField field(JsonNode entry, String pointer, List<Diagnostic> diagnostics) {
        if (!entry.isObject()) {
            diagnostics.add(error(
                    pointer,
                    "A schema field must be an object with name, path and valueDataType, but it is " + kind(entry)
                            + "."));
            return null;
        }
        String name = requiredString(entry, "name", pointer, diagnostics);
        String path = requiredString(entry, "path", pointer, diagnostics);
        String typeName = requiredString(entry, "valueDataType", pointer, diagnostics);
        if (name == null || path == null || typeName == null) {
            return null;
        }
        if (!path.matches("[^.]+(\\.[^.]+)*")) {
            diagnostics.add(error(
                    pointer + "/path",
                    "The path '" + path + "' must be keys joined by dots, like 'weather.temperature'."));
            return null;
        }
        MetadataValueType type;
        try {
            type = MetadataValueType.valueOf(typeName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            diagnostics.add(error(
                    pointer + "/valueDataType",
                    "The value type '" + typeName + "' is not one of NUMERIC_INT, "
                            + "NUMERIC_FLOAT, CATEGORICAL_STRING, CATEGORICAL_INT, CATEGORICAL_BOOLEAN."));
            return null;
        }
        @Nullable Object defaultValue = null;
        JsonNode defaultNode = entry.get("defaultValue");
        if (defaultNode != null && !defaultNode.isNull()) {
            defaultValue = MetadataJson.valueOf(defaultNode, type);
            if (defaultValue == null) {
                diagnostics.add(error(
                        pointer + "/defaultValue",
                        "The default value " + MetadataJson.show(defaultNode) + " of field '" + name + "' must be "
                                + type.expectation() + " (" + type + ")."));
                return null;
            }
        }
        return new MetadataField(name, path, defaultValue, type);
    }

    private static @Nullable String requiredString(
            JsonNode entry, String key, String pointer, List<Diagnostic> diagnostics) {
        JsonNode node = entry.get(key);
        if (node == null) {
            diagnostics.add(
                    error(pointer, "The schema field has no '" + key + "'; it needs name, path and valueDataType."));
            return null;
        }
        if (!node.isString() || node.stringValue().isBlank()) {
            diagnostics.add(error(
                    pointer + "/" + key,
                    "The field's '" + key + "' must be a non-empty string, but it is " + MetadataJson.show(node)
                            + "."));
            return null;
        }
        return node.stringValue();
    }

    /** The schema read, without the entries that were invalid. */
    public MetadataSchema schema() {
        return schema;
    }

    /** Where the metadata of {@code sample} lives: its path without extension, plus {@code .json}. */
    public static String metadataFileOf(String sample) {
        return FOLDER + PredictionsLayout.stem(sample) + ".json";
    }

    /**
     * The user metadata values of {@code sample} (an image, a video, or a video frame's name, which
     * takes its video's file when it has none of its own), by
     * field path in schema order, with defaults filled in. Fields with neither a value nor a default
     * are absent.
     */
    public Map<String, Object> read(String sample, List<Diagnostic> diagnostics) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        if (schema.fields().isEmpty()) {
            return values;
        }
        String file = metadataFileOf(sample);
        String owner = sample;
        if (output.stat(file).isEmpty()) {
            // A video frame without a file of its own takes its video's.
            Optional<String> video =
                    FrameName.parse(PredictionsLayout.stem(sample)).map(FrameName.Parsed::video);
            if (video.isPresent() && output.stat(metadataFileOf(video.get())).isPresent()) {
                owner = video.get();
                file = metadataFileOf(owner);
            }
        }
        @Nullable JsonNode metadata = null;
        if (owner.equals(sample) && output.stat(file).isEmpty()) {
            diagnostics.add(DiagnosticCode.METADATA_FILE_MISSING.at(
                    file,
                    "",
                    "The sample '" + sample + "' has no metadata file; its fields take their default values."));
        } else {
            metadata = sampleMetadata(file, owner, diagnostics);
        }
        for (MetadataField field : schema.fields()) {
            @Nullable JsonNode node = metadata == null ? null : MetadataJson.at(metadata, field.path());
            @Nullable Object value = null;
            if (node != null && !node.isNull()) {
                value = MetadataJson.valueOf(node, field.type());
                if (value == null) {
                    diagnostics.add(DiagnosticCode.METADATA_WRONG_TYPE.at(
                            file,
                            "/metadata/" + field.path().replace('.', '/'),
                            "The value " + MetadataJson.show(node) + " of '" + field.path() + "' must be "
                                    + field.type().expectation() + " (" + field.type() + ")" + usingDefault(field)
                                    + "."));
                }
            } else if (metadata != null && field.defaultValue() == null) {
                diagnostics.add(DiagnosticCode.METADATA_VALUE_MISSING.at(
                        file,
                        "/metadata/" + field.path().replace('.', '/'),
                        "The value of '" + field.path()
                                + "' is missing and the field has no default; the sample has none."));
            }
            if (value == null) {
                value = field.defaultValue();
            }
            if (value != null) {
                values.put(field.path(), value);
            }
        }
        return values;
    }

    private static String usingDefault(MetadataField field) {
        return field.defaultValue() == null
                ? "; the sample has none"
                : "; the default " + field.defaultValue() + " is used";
    }

    private @Nullable JsonNode sampleMetadata(String file, String sample, List<Diagnostic> diagnostics)
            throws IOException {
        JsonNode root = parse(output, file, DiagnosticCode.METADATA_FILE_INVALID, diagnostics);
        if (root == null) {
            return null;
        }
        if (!root.isObject()
                || root.get("metadata") == null
                || !root.get("metadata").isObject()) {
            diagnostics.add(DiagnosticCode.METADATA_FILE_INVALID.at(
                    file,
                    root.isObject() ? "/metadata" : "",
                    "A metadata file must be an object with a 'metadata' object, like "
                            + "{\"file_name\": \"a.jpg\", \"type\": \"image\", \"metadata\": "
                            + "{...}}; its values are not used."));
            return null;
        }
        JsonNode fileName = root.get("file_name");
        if (fileName != null && !(fileName.isString() && fileName.stringValue().equals(sample))) {
            diagnostics.add(DiagnosticCode.METADATA_NAME_MISMATCH.at(
                    file,
                    "/file_name",
                    "The file_name " + MetadataJson.show(fileName) + " does not name the sample '" + sample
                            + "' that this file's path belongs to; its values are used anyway."));
        }
        return root.get("metadata");
    }

    private static @Nullable JsonNode parse(
            Datasource output, String file, DiagnosticCode code, List<Diagnostic> diagnostics) throws IOException {
        long size = output.stat(file).map(Datasource.FileStat::size).orElse(0L);
        if (size > MAX_FILE_BYTES) {
            diagnostics.add(code.of(
                    file,
                    "The file has " + size + " bytes, more than the limit of " + MAX_FILE_BYTES
                            + " bytes for metadata; it was not read."));
            return null;
        }
        byte[] bytes = output.readAllBytes(file, MAX_FILE_BYTES);
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || root.isMissingNode()) {
                diagnostics.add(code.of(file, "The file is empty; expected JSON."));
                return null;
            }
            return root;
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            diagnostics.add(code.at(
                    file,
                    "",
                    at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(),
                    "The file is not well-formed JSON: " + JacksonMessages.clean(e.getOriginalMessage()) + "."));
            return null;
        }
    }

    private static Diagnostic error(String pointer, String message) {
        return DiagnosticCode.METADATA_SCHEMA_INVALID.at(SCHEMA_FILE, pointer, message);
    }

    private static String kind(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isString()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return "null";
    }
}
