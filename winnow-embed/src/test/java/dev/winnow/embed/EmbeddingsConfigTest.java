package dev.winnow.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.config.ConfigException;
import dev.winnow.testsupport.OnnxModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EmbeddingsConfigTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path BASE = Path.of("/configs/run");

    @TempDir
    Path dir;

    private static EmbeddingsConfig parse(String json) {
        JsonNode node = JSON.readTree(json);
        return EmbeddingsConfig.parse(node, "/embeddings", BASE);
    }

    private static void assertFails(String json, String pointer, String message) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((ConfigException) e).pointer()).isEqualTo(pointer));
    }

    @Test
    void builtin() {
        assertThat(parse("{\"model\": \"builtin\"}")).isEqualTo(new EmbeddingsConfig.Builtin(64));
        assertThat(parse("{\"model\": \"builtin\", \"dimension\": 128}")).isEqualTo(new EmbeddingsConfig.Builtin(128));
        assertThat(EmbeddingsConfig.defaults()).isEqualTo(new EmbeddingsConfig.Builtin(64));
    }

    @Test
    void onnx_withDefaultsAndRelativePathResolved() {
        assertThat(parse("{\"model\": \"models/../m.onnx\"}"))
                .isEqualTo(new EmbeddingsConfig.Onnx(
                        Path.of("/configs/run/m.onnx"), 224, OnnxEmbedder.IMAGENET_MEAN, OnnxEmbedder.IMAGENET_STD));
        assertThat(parse("{\"model\": \"/abs/net.ONNX\", \"input_size\": 112, \"mean\": [0, "
                        + "0.5, 1], \"std\": [1, 2, 0.25]}"))
                .isEqualTo(new EmbeddingsConfig.Onnx(
                        Path.of("/abs/net.ONNX"), 112, List.of(0f, 0.5f, 1f), List.of(1f, 2f, 0.25f)));
    }

    @Test
    void precomputed() {
        assertThat(parse("{\"file\": \"embeddings.csv\"}"))
                .isEqualTo(new EmbeddingsConfig.Precomputed(Path.of("/configs/run/embeddings.csv")));
    }

    @Test
    void unknownKey_suggestsTheClosest() {
        assertFails(
                "{\"modle\": \"builtin\"}",
                "/embeddings/modle",
                "Unknown key 'modle' at /embeddings/modle. Did you mean 'model'?");
        assertFails(
                "{\"model\": \"builtin\", \"colour\": 1}",
                "/embeddings/colour",
                "Unknown key 'colour' at /embeddings/colour. Allowed keys there: model, file, "
                        + "dimension, input_size, mean, std.");
    }

    @Test
    void shapeErrors() {
        assertFails("[]", "/embeddings", "Expected an object at /embeddings, but found an array.");
        assertFails(
                "{}",
                "/embeddings",
                "Missing key 'model' or 'file' at /embeddings; expected {\"model\": \"builtin\"}, "
                        + "{\"model\": \"model.onnx\", \"input_size\": 224} or {\"file\": \"embeddings.csv\"}.");
        assertFails(
                "{\"model\": \"builtin\", \"file\": \"e.csv\"}",
                "/embeddings",
                "Set either 'model' or 'file' at /embeddings, not both.");
        assertFails(
                "{\"model\": 3}",
                "/embeddings/model",
                "Expected a string at /embeddings/model, but found the number 3.");
        assertFails("{\"file\": \"\"}", "/embeddings/file", "Expected a non-empty string at /embeddings/file.");
    }

    @Test
    void unknownModelName_hintsAtBuiltin() {
        assertFails(
                "{\"model\": \"bultin\"}",
                "/embeddings/model",
                "Unknown model 'bultin' at /embeddings/model; expected 'builtin' or the path of an "
                        + ".onnx file. Did you mean 'builtin'?");
        assertFails(
                "{\"model\": \"resnet.pt\"}",
                "/embeddings/model",
                "Unknown model 'resnet.pt' at /embeddings/model; expected 'builtin' or the path of an .onnx file.");
    }

    @Test
    void keysOfAnotherKindOfEmbedder_areRefused() {
        assertFails(
                "{\"model\": \"builtin\", \"input_size\": 64}",
                "/embeddings/input_size",
                "The key 'input_size' at /embeddings/input_size does not apply to the built-in "
                        + "embedder; allowed there: model, dimension.");
        assertFails(
                "{\"model\": \"m.onnx\", \"dimension\": 64}",
                "/embeddings/dimension",
                "The key 'dimension' at /embeddings/dimension does not apply to ONNX models; allowed "
                        + "there: model, input_size, mean, std.");
        assertFails(
                "{\"file\": \"e.csv\", \"mean\": [0, 0, 0]}",
                "/embeddings/mean",
                "The key 'mean' at /embeddings/mean does not apply to precomputed embeddings; allowed there: file.");
    }

    @Test
    void rangesAndChannels() {
        assertFails(
                "{\"model\": \"builtin\", \"dimension\": 1}",
                "/embeddings/dimension",
                "Expected an integer from 2 to 1024 at /embeddings/dimension, but found 1.");
        assertFails(
                "{\"model\": \"builtin\", \"dimension\": 2.5}",
                "/embeddings/dimension",
                "Expected an integer at /embeddings/dimension, but found the number 2.5.");
        assertFails(
                "{\"model\": \"m.onnx\", \"input_size\": 0}",
                "/embeddings/input_size",
                "Expected an integer from 1 to 4096 at /embeddings/input_size, but found 0.");
        assertFails(
                "{\"model\": \"m.onnx\", \"mean\": [0.5, 0.5]}",
                "/embeddings/mean",
                "Expected 3 numbers (red, green, blue) at /embeddings/mean, but found 2 values.");
        assertFails(
                "{\"model\": \"m.onnx\", \"mean\": 0.5}",
                "/embeddings/mean",
                "Expected 3 numbers (red, green, blue) at /embeddings/mean, but found the number 0.5.");
        assertFails(
                "{\"model\": \"m.onnx\", \"mean\": [0.5, \"x\", 0.5]}",
                "/embeddings/mean/1",
                "Expected a number at /embeddings/mean/1, but found the string \"x\".");
        assertFails(
                "{\"model\": \"m.onnx\", \"std\": [0.5, 0.5, 0]}",
                "/embeddings/std/2",
                "Expected a positive number at /embeddings/std/2, but found the number 0.");
    }

    @Test
    void open_givesTheMatchingSource() throws IOException {
        try (EmbeddingSource source =
                parse("{\"model\": \"builtin\", \"dimension\": 16}").open()) {
            assertThat(source).isInstanceOf(BuiltinEmbedder.class).hasToString("built-in embedder (v1, 16 dimensions)");
            assertThat(source.dimension()).isEqualTo(16);
        }
        Files.writeString(dir.resolve("e.csv"), "filenames,embedding_0,embedding_1,labels\na.jpg,1,0,0\n");
        EmbeddingsConfig file = EmbeddingsConfig.parse(JSON.readTree("{\"file\": \"e.csv\"}"), "/embeddings", dir);
        try (EmbeddingSource source = file.open()) {
            assertThat(source)
                    .isInstanceOf(PrecomputedEmbeddings.class)
                    .hasToString("embeddings from '" + dir.resolve("e.csv") + "' (1 rows, 2 dimensions)");
            assertThat(((PrecomputedEmbeddings) source).find("a.jpg"))
                    .hasValueSatisfying(row -> assertThat(row).containsExactly(1f, 0f));
        }
        OnnxModels.channelMeans(dir, "N", 32);
        EmbeddingsConfig onnx = EmbeddingsConfig.parse(
                JSON.readTree("{\"model\": \"channel-means.onnx\", \"input_size\": 32}"), "/embeddings", dir);
        try (EmbeddingSource source = onnx.open()) {
            assertThat(source)
                    .isInstanceOf(OnnxEmbedder.class)
                    .hasToString("ONNX model '" + dir.resolve("channel-means.onnx") + "' (input 32x32, 3 dimensions)");
            assertThat(((Embedder) source).inputSize()).isEqualTo(32);
        }
        EmbeddingsConfig missing =
                EmbeddingsConfig.parse(JSON.readTree("{\"model\": \"absent.onnx\"}"), "/embeddings", dir);
        assertThatThrownBy(missing::open)
                .isInstanceOf(EmbeddingException.class)
                .hasMessage("The ONNX model file '" + dir.resolve("absent.onnx") + "' does not exist.");
    }
}
