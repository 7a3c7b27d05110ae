package dev.winnow.run.config;

import dev.winnow.config.ConfigException;
import dev.winnow.config.ConfigProblems;
import dev.winnow.config.ConfigReader;
import dev.winnow.embed.EmbeddingsConfig;
import dev.winnow.format.io.JacksonMessages;
import dev.winnow.select.SelectionConfig;
import dev.winnow.select.SelectionConfigParser;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code run.json} into a {@link RunConfig}. Every problem is a {@link ConfigException}
 * whose message is one sentence naming the JSON pointer, what was found and what was expected;
 * unknown keys get a "did you mean" hint. The {@code selection} and {@code embeddings} objects are
 * read by their own parsers ({@link SelectionConfigParser}, {@link EmbeddingsConfig#parse}).
 *
 * <p>Stateless and thread-safe.
 */
public final class RunConfigParser {
    static final List<String> TOP_KEYS =
            List.of("selection", "embeddings", "datasource", "seed", "object_level", "frame_stride");
    static final List<String> DATASOURCE_KEYS = List.of("process_all", "relevant_filenames_file");
    static final List<String> OBJECT_LEVEL_KEYS = List.of("task_name", "padding");

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private RunConfigParser() {}

    /**
     * Parses the bytes of a run configuration file, which must be UTF-8 text; otherwise as
     * {@link #parse(String, String, Path)}.
     */
    public static RunConfig parse(byte[] bytes, String source, Path baseDir) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer text = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        CoderResult result = decoder.decode(in, text, true);
        if (!result.isError()) {
            result = decoder.flush(text);
        }
        if (result.isError()) {
            throw new ConfigException(
                    "",
                    "The run configuration " + source + " is not UTF-8 text: the byte at offset " + in.position()
                            + " does not belong to a UTF-8 character.");
        }
        return parse(text.flip().toString(), source, baseDir);
    }

    /**
     * Parses {@code json} read from {@code source} (a file name, for messages); relative paths in it
     * (an ONNX model, an embeddings file) are resolved against {@code baseDir}.
     */
    public static RunConfig parse(String json, String source, Path baseDir) {
        JsonNode root;
        try {
            // An editor's byte order mark is not part of the JSON.
            root = MAPPER.readTree(json.startsWith("\uFEFF") ? json.substring(1) : json);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1
                    ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ConfigException(
                    "",
                    "The run configuration " + source + " is not valid JSON" + where + ": "
                            + JacksonMessages.clean(e.getOriginalMessage()) + ".");
        }
        if (root == null || root.isMissingNode()) {
            throw new ConfigException(
                    "", "The run configuration " + source + " is empty; expected a JSON object with a 'selection'.");
        }
        ConfigReader.requireObject(root, "");
        // Each part is read even when another has failed, so that every mistake is reported at once.
        ConfigProblems problems = new ConfigProblems();
        problems.check(() -> ConfigReader.checkKeys(root, "", TOP_KEYS));
        ConfigProblems.Part<SelectionConfig> selectionConfig = problems.attempt(
                () -> SelectionConfigParser.parse(ConfigReader.require(root, "", "selection"), "/selection"));
        JsonNode embeddingsNode = root.get("embeddings");
        ConfigProblems.Part<EmbeddingsConfig> embeddings =
                problems.attempt(() -> embeddingsNode == null || embeddingsNode.isNull()
                        ? EmbeddingsConfig.defaults()
                        : EmbeddingsConfig.parse(embeddingsNode, "/embeddings", baseDir));
        ConfigProblems.Part<DatasourceOptions> datasource = problems.attempt(() -> datasource(root.get("datasource")));
        ConfigProblems.Part<OptionalLong> seed = problems.attempt(() -> ConfigReader.optionalLong(root, "", "seed"));
        ConfigProblems.Part<Optional<ObjectLevelOptions>> objectLevel =
                problems.attempt(() -> objectLevel(root.get("object_level")));
        ConfigProblems.Part<OptionalInt> stride = problems.attempt(() -> frameStride(root));
        problems.throwIfAny();
        return new RunConfig(
                selectionConfig.value(),
                embeddings.value(),
                datasource.value(),
                seed.value().orElse(RunConfig.DEFAULT_SEED),
                objectLevel.value(),
                stride.value().orElse(1));
    }

    private static OptionalInt frameStride(JsonNode root) {
        OptionalInt stride = ConfigReader.optionalInt(root, "", "frame_stride");
        if (stride.isPresent() && stride.getAsInt() < 1) {
            throw new ConfigException(
                    "/frame_stride",
                    "Expected a frame stride of 1 or more at /frame_stride, but found " + stride.getAsInt() + ".");
        }
        return stride;
    }

    private static DatasourceOptions datasource(JsonNode node) {
        String at = "/datasource";
        if (node == null || node.isNull()) {
            return DatasourceOptions.defaults();
        }
        ConfigReader.requireObject(node, at);
        ConfigReader.checkKeys(node, at, DATASOURCE_KEYS);
        boolean processAll = false;
        JsonNode flag = node.get("process_all");
        if (flag != null && !flag.isNull()) {
            if (!flag.isBoolean()) {
                throw new ConfigException(
                        at + "/process_all",
                        "Expected true or false at " + at + "/process_all, but found " + ConfigReader.describe(flag)
                                + ".");
            }
            processAll = flag.booleanValue();
        }
        Optional<String> relevant = ConfigReader.optionalString(node, at, "relevant_filenames_file");
        return new DatasourceOptions(processAll, relevant);
    }

    private static Optional<ObjectLevelOptions> objectLevel(JsonNode node) {
        String at = "/object_level";
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        ConfigReader.requireObject(node, at);
        ConfigReader.checkKeys(node, at, OBJECT_LEVEL_KEYS);
        String task = ConfigReader.requireString(node, at, "task_name");
        double padding = ConfigReader.optionalNumber(node, at, "padding").orElse(0.0);
        if (padding < 0 || padding > 10) {
            throw new ConfigException(
                    at + "/padding",
                    "Expected a padding from 0 to 10 at " + at + "/padding, but found " + padding + ".");
        }
        return Optional.of(new ObjectLevelOptions(task, padding));
    }
}
