package dev.winnow.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.winnow.testsupport.OnnxModels;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxEmbedderTest {

    private static final List<Float> MEAN = List.of(0.5f, 0.25f, 0.125f);
    private static final List<Float> STD = List.of(0.5f, 0.25f, 2f);

    @TempDir
    Path dir;

    /** Left half one colour, right half another. */
    private static BufferedImage halves(int width, int height, int left, int right) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, x < width / 2 ? left : right);
            }
        }
        return image;
    }

    /** The per-channel mean of the normalised input, L2-normalised: what GlobalAveragePool + Flatten gives. */
    private static float[] expectedMeans(double red, double green, double blue) {
        double[] v = {
            (red / 255 - MEAN.get(0)) / STD.get(0),
            (green / 255 - MEAN.get(1)) / STD.get(1),
            (blue / 255 - MEAN.get(2)) / STD.get(2)
        };
        double norm = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new float[] {(float) (v[0] / norm), (float) (v[1] / norm), (float) (v[2] / norm)};
    }

    @Test
    void channelMeans_matchTheNormalisedMeanColourOfEachImage() throws IOException {
        Path model = OnnxModels.channelMeans(dir, "N", 4);
        try (OnnxEmbedder embedder = OnnxEmbedder.open(model, 4, MEAN, STD)) {
            assertThat(embedder.dimension()).isEqualTo(3);
            assertThat(embedder.inputSize()).isEqualTo(4);
            float[][] rows = embedder.embed(List.of(
                    halves(8, 4, 0xC80000, 0x000064), // mean (100, 0, 50)
                    halves(2, 2, 0x204060, 0x204060), // uniform, enlarged to 4x4
                    halves(40, 12, 0xFFFFFF, 0x000000))); // mean (127.5, 127.5, 127.5)
            assertThat(rows).hasDimensions(3, 3);
            assertThat(rows[0]).containsExactly(expectedMeans(100, 0, 50), within(1e-6f));
            assertThat(rows[1]).containsExactly(expectedMeans(0x20, 0x40, 0x60), within(1e-6f));
            assertThat(rows[2]).containsExactly(expectedMeans(127.5, 127.5, 127.5), within(1e-6f));
        }
    }

    @Test
    void modelOpenedFromItsBytes_embedsAsFromTheFile_andNeedsNoFile() throws IOException {
        Path model = OnnxModels.mixedChannels(dir, new float[] {1, 0, 0, 0, 0.5f, 0.5f});
        byte[] bytes = Files.readAllBytes(model);
        Files.delete(model);
        List<BufferedImage> images = List.of(halves(6, 6, 0x336699, 0x336699), halves(8, 6, 0xFF0000, 0x00FF00));
        try (OnnxEmbedder embedder =
                OnnxEmbedder.open(bytes, "models/mixed.onnx", 6, List.of(0f, 0f, 0f), List.of(1f, 1f, 1f))) {
            assertThat(embedder.dimension()).isEqualTo(2);
            assertThat(embedder.toString()).isEqualTo("ONNX model 'models/mixed.onnx' (input 6x6, 2 dimensions)");
            float[][] rows = embedder.embed(images);
            double first = 0x33 / 255.0;
            double second = 0.5 * 0x66 / 255.0 + 0.5 * 0x99 / 255.0;
            double norm = Math.hypot(first, second);
            assertThat(rows[0])
                    .containsExactly(new float[] {(float) (first / norm), (float) (second / norm)}, within(1e-6f));
            assertThat(rows[1][0]).isCloseTo((float) (0.5 / Math.hypot(0.5, 0.25)), within(1e-6f));
        }
    }

    @Test
    void bytesThatAreNotAModel_areRefusedUnderTheModelsName() {
        byte[] notes = "these are not the weights you are looking for".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> OnnxEmbedder.open(notes, "models/notes.onnx", 224, MEAN, STD))
                .isInstanceOf(EmbeddingException.class)
                .hasMessage("The file 'models/notes.onnx' is not a valid ONNX model: it cannot be parsed as an ONNX"
                        + " protobuf.");
    }

    @Test
    void fixedBatchDimension_isFilledByPaddingTheLastBatch() throws IOException {
        Path fixed = OnnxModels.channelMeans(dir, 2, 4);
        BufferedImage a = halves(4, 4, 0x102030, 0x405060);
        BufferedImage b = halves(4, 4, 0xFF0000, 0x00FF00);
        BufferedImage c = halves(4, 4, 0x0000FF, 0x0000FF);
        try (OnnxEmbedder embedder = OnnxEmbedder.open(fixed, 4, MEAN, STD)) {
            float[][] rows = embedder.embed(List.of(a, b, c));
            assertThat(rows[0]).containsExactly(expectedMeans(0x28, 0x38, 0x48), within(1e-6f));
            assertThat(rows[1]).containsExactly(expectedMeans(127.5, 127.5, 0), within(1e-6f));
            assertThat(rows[2]).containsExactly(expectedMeans(0, 0, 255), within(1e-6f));
        }
    }

    @Test
    void convolutionWithInitializerWeights_andAnUndeclaredOutputLength() throws IOException {
        Path model = OnnxModels.mixedChannels(dir, new float[] {1, 0, 0, 0, 0.5f, 0.5f});
        try (OnnxEmbedder embedder = OnnxEmbedder.open(model, 6, List.of(0f, 0f, 0f), List.of(1f, 1f, 1f))) {
            assertThat(embedder.dimension()).isEqualTo(2);
            float[][] rows = embedder.embed(List.of(halves(6, 6, 0x336699, 0x336699)));
            double first = 0x33 / 255.0;
            double second = 0.5 * 0x66 / 255.0 + 0.5 * 0x99 / 255.0;
            double norm = Math.hypot(first, second);
            assertThat(rows[0])
                    .containsExactly(new float[] {(float) (first / norm), (float) (second / norm)}, within(1e-6f));
        }
    }

    @Test
    void answerThatIsNotANumber_isRefused() throws IOException {
        Path model = OnnxModels.logOfChannelMeans(dir);
        try (OnnxEmbedder embedder = OnnxEmbedder.open(model, 4, List.of(0f, 0f, 0f), List.of(1f, 1f, 1f))) {
            BufferedImage bright = halves(4, 4, 0xFFFFFF, 0xFFFFFF);
            assertThat(embedder.embed(List.of(bright))[0]).containsOnly(0f); // log(1) = 0 in every channel
            try (OnnxEmbedder shifted = OnnxEmbedder.open(model, 4, List.of(0.5f, 0f, 0f), List.of(1f, 1f, 1f))) {
                assertThatThrownBy(() -> shifted.embed(List.of(bright, halves(4, 4, 0x000000, 0x000000))))
                        .isInstanceOf(EmbeddingException.class)
                        .hasMessage("The ONNX model '" + model
                                + "' answered with NaN for image 1 of the batch; expected finite numbers.");
            }
        }
    }

    @Test
    void inputSizeThatDoesNotMatchTheModel_isRefused() throws IOException {
        Path model = OnnxModels.channelMeans(dir, "N", 8);
        assertThatThrownBy(() -> OnnxEmbedder.open(model, 16, MEAN, STD))
                .isInstanceOf(EmbeddingException.class)
                .hasMessage("The ONNX model '" + model + "' expects input 'images' of shape [?, 3, 8, 8], "
                        + "but the embedder feeds [N, 3, 16, 16] (input_size 16).");
    }

    @Test
    void missingFile_isRefused() {
        Path model = dir.resolve("absent.onnx");
        assertThatThrownBy(() -> OnnxEmbedder.open(model, 224, MEAN, STD))
                .isInstanceOf(EmbeddingException.class)
                .hasMessage("The ONNX model file '" + model + "' does not exist.");
    }

    @Test
    void folder_isRefused() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("model.onnx"));
        assertThatThrownBy(() -> OnnxEmbedder.open(folder, 224, MEAN, STD))
                .isInstanceOf(EmbeddingException.class)
                .hasMessage("The ONNX model path '" + folder + "' is not a file.");
    }

    @Test
    void fileThatIsNotAModel_isRefused() throws IOException {
        Path model = Files.writeString(dir.resolve("notes.onnx"), "these are not the weights you are looking for");
        assertThatThrownBy(() -> OnnxEmbedder.open(model, 224, MEAN, STD))
                .isInstanceOf(EmbeddingException.class)
                .hasMessage(
                        "The file '" + model + "' is not a valid ONNX model: it cannot be parsed as an ONNX protobuf.");
    }

    @Test
    void modelWithTwoInputs_isRefused() throws IOException {
        Path model = OnnxModels.twoInputs(dir);
        assertThatThrownBy(() -> OnnxEmbedder.open(model, 224, MEAN, STD))
                .isInstanceOf(EmbeddingException.class)
                .hasMessage("The ONNX model '" + model
                        + "' has 2 inputs (a, b); expected one image input of shape [N, 3, 224, 224].");
    }

    @Test
    void modelWithAnIntegerInput_isRefused() throws IOException {
        Path model = OnnxModels.integerInput(dir);
        assertThatThrownBy(() -> OnnxEmbedder.open(model, 8, MEAN, STD))
                .isInstanceOf(EmbeddingException.class)
                .hasMessage("The ONNX model '" + model
                        + "' takes 'images' as a tensor of INT64; expected a float tensor of shape [N, 3, 8, 8].");
    }

    @Test
    void badNormalisation_isRefusedBeforeTheFileIsOpened() {
        Path model = dir.resolve("absent.onnx");
        assertThatThrownBy(() -> OnnxEmbedder.open(model, 224, List.of(0.5f, 0.5f), STD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The mean needs 3 values (red, green, blue), but got [0.5, 0.5].");
        assertThatThrownBy(() -> OnnxEmbedder.open(model, 224, MEAN, List.of(1f, 0f, 1f)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Every std value must be positive, but got [1.0, 0.0, 1.0].");
    }
}
