package dev.winnow.run.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.config.ConfigException;
import dev.winnow.embed.EmbeddingsConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunConfigParserTest {
    static final String SELECTION =
            "\"selection\": {\"n_samples\": 5, \"strategies\": [{\"input\": {\"type\": \"EMBEDDINGS\"}, "
                    + "\"strategy\": {\"type\": \"DIVERSITY\"}}]}";
    static final Path BASE = Path.of("/configs");

    static RunConfig parse(String json) {
        return RunConfigParser.parse(json, "run.json", BASE);
    }

    static void fails(String json, String pointer, String message) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((ConfigException) e).pointer()).isEqualTo(pointer));
    }

    @Test
    void minimal_takesDefaults() {
        RunConfig config = parse("{" + SELECTION + "}");
        assertThat(config.embeddings()).isEqualTo(EmbeddingsConfig.defaults());
        assertThat(config.datasource()).isEqualTo(DatasourceOptions.defaults());
        assertThat(config.seed()).isEqualTo(0L);
        assertThat(config.frameStride()).isEqualTo(1);
        assertThat(config.objectLevel()).isEmpty();
        assertThat(config.selection().strategies()).hasSize(1);
    }

    @Test
    void full_readsEveryPart() {
        RunConfig config = parse("{" + SELECTION + ", \"embeddings\": {\"file\": \"emb.csv\"}, \"seed\": 9,"
                + " \"datasource\": {\"process_all\": true, \"relevant_filenames_file\": \"lists/todo.txt\"},"
                + " \"object_level\": {\"task_name\": \"cars\", \"padding\": 0.1}, \"frame_stride\": 5}");
        assertThat(config.embeddings()).isEqualTo(new EmbeddingsConfig.Precomputed(BASE.resolve("emb.csv")));
        assertThat(config.seed()).isEqualTo(9L);
        assertThat(config.datasource()).isEqualTo(new DatasourceOptions(true, Optional.of("lists/todo.txt")));
        assertThat(config.objectLevel()).contains(new ObjectLevelOptions("cars", 0.1));
        assertThat(config.frameStride()).isEqualTo(5);
    }

    @Test
    void unknownTopLevelKey_suggestsTheClosest() {
        fails("{" + SELECTION + ", \"sede\": 3}", "/sede", "Unknown key 'sede' at /sede. Did you mean 'seed'?");
    }

    @Test
    void unknownKeyWithoutCloseMatch_listsTheAllowedKeys() {
        fails(
                "{" + SELECTION + ", \"colour\": 3}",
                "/colour",
                "Unknown key 'colour' at /colour. Allowed keys there: selection, "
                        + "embeddings, datasource, seed, object_level, frame_stride.");
    }

    @Test
    void unknownDatasourceKey_suggestsTheClosest() {
        fails(
                "{" + SELECTION + ", \"datasource\": {\"proces_all\": true}}",
                "/datasource/proces_all",
                "Unknown key 'proces_all' at /datasource/proces_all. Did you mean 'process_all'?");
    }

    @Test
    void processAllNotABoolean_isRefused() {
        fails(
                "{" + SELECTION + ", \"datasource\": {\"process_all\": \"yes\"}}",
                "/datasource/process_all",
                "Expected true or false at /datasource/process_all, but found the string \"yes\".");
    }

    @Test
    void missingSelection_isRefused() {
        fails("{\"seed\": 1}", "/selection", "Missing required key 'selection' at the top level.");
    }

    @Test
    void bothSampleCounts_areRefusedByTheSelectionParser() {
        fails(
                "{\"selection\": {\"n_samples\": 5, \"proportion_samples\": 0.1, \"strategies\": "
                        + "[{\"input\": {\"type\": \"EMBEDDINGS\"}, \"strategy\": {\"type\": \"DIVERSITY\"}}]}}",
                "/selection",
                "Set exactly one of 'n_samples' and 'proportion_samples' at /selection, not both.");
    }

    @Test
    void wrongInputStrategyPair_namesTheAllowedPairs() {
        assertThatThrownBy(() -> parse(
                        "{\"selection\": {\"n_samples\": 5, \"strategies\": [{\"input\": {\"type\": \"EMBEDDINGS\"}, "
                                + "\"strategy\": {\"type\": \"WEIGHTS\"}}]}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(
                        "Strategy WEIGHTS cannot use input EMBEDDINGS at /selection/strategies/0. Allowed pairs: ");
    }

    @Test
    void embeddingsWithUnknownKey_isRefusedWithItsPointer() {
        fails(
                "{" + SELECTION + ", \"embeddings\": {\"model\": \"builtin\", \"input_sise\": 3}}",
                "/embeddings/input_sise",
                "Unknown key 'input_sise' at /embeddings/input_sise. Did you mean 'input_size'?");
    }

    @Test
    void seedNotAnInteger_isRefused() {
        fails("{" + SELECTION + ", \"seed\": 1.5}", "/seed", "Expected an integer at /seed, but found the number 1.5.");
    }

    @Test
    void frameStrideBelowOne_isRefused() {
        fails(
                "{" + SELECTION + ", \"frame_stride\": 0}",
                "/frame_stride",
                "Expected a frame stride of 1 or more at /frame_stride, but found 0.");
    }

    @Test
    void objectLevelWithoutTask_isRefused() {
        fails(
                "{" + SELECTION + ", \"object_level\": {\"padding\": 0.1}}",
                "/object_level/task_name",
                "Missing required key 'task_name' at /object_level.");
    }

    @Test
    void malformedJson_saysWhere() {
        fails(
                "{\n  \"seed\": 1,,\n}",
                "",
                "The run configuration run.json is not valid JSON at line 2, column 13: found ','"
                        + " where a key in double quotes was expected.");
    }

    @Test
    void topLevelArray_isRefused() {
        fails("[1]", "", "Expected an object at the top level, but found an array.");
    }

    @Test
    void emptyText_isRefused() {
        fails("  ", "", "The run configuration run.json is empty; expected a JSON object with a 'selection'.");
    }

    @Test
    void bytesThatAreNotUtf8_oneSentence() {
        byte[] bytes = {'{', '"', 's', (byte) 0xc3, '"', ':', '1', '}'};
        assertThatThrownBy(() -> RunConfigParser.parse(bytes, "run.json", Path.of("base")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "The run configuration run.json is not UTF-8 text: the byte at offset 3 does not belong to a"
                                + " UTF-8 character.");
        assertThat(RunConfigParser.parse(
                                ("{" + SELECTION + "}").getBytes(StandardCharsets.UTF_8), "run.json", Path.of("base"))
                        .seed())
                .isEqualTo(parse("{" + SELECTION + "}").seed());
    }
}
