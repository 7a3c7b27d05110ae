package dev.winnow.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.winnow.testsupport.SampleMedia;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class BuiltinEmbedderTest {

    private static final List<String> SAMPLES = List.of(
            "objects/baboon.jpg",
            "objects/butterfly.jpg",
            "objects/fruits.jpg",
            "objects/orange.jpg",
            "street/building.jpg",
            "street/home.jpg",
            "chessboard.png",
            "pic3.png");

    private final BuiltinEmbedder embedder = BuiltinEmbedder.create();

    /** A deterministic test card: colour ramps, a bright disc and diagonal stripes. */
    private static BufferedImage testCard(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = 255 * x / width;
                int g = 255 * y / height;
                int b = ((x + 2 * y) / 7) % 2 == 0 ? 40 : 200;
                double dx = x - width * 0.3;
                double dy = y - height * 0.6;
                if (dx * dx + dy * dy < height * height / 16.0) {
                    r = g = b = 250;
                }
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    private static float norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        return (float) Math.sqrt(sum);
    }

    @Test
    void shape_andUnitLength() {
        assertThat(embedder.dimension()).isEqualTo(64);
        assertThat(embedder.inputSize()).isEqualTo(64);
        float[] v = embedder.embed(testCard(80, 60));
        assertThat(v).hasSize(64);
        assertThat(norm(v)).isCloseTo(1f, within(1e-6f));
        assertThat(BuiltinEmbedder.withDimension(2).embed(testCard(80, 60))).hasSize(2);
        assertThat(embedder).hasToString("built-in embedder (v1, 64 dimensions)");
    }

    @Test
    void values_areFixedAcrossRunsAndMachines() {
        // Pinned: a change here changes every stored embedding and must bump BuiltinEmbedder.VERSION.
        float[] v = embedder.embed(testCard(80, 60));
        assertThat(new float[] {v[0], v[1], v[2], v[63]}).containsExactly(PINNED);
        assertThat(BuiltinEmbedder.create().embed(testCard(80, 60))).containsExactly(v);
    }

    private static final float[] PINNED = {0.177936f, -0.059869684f, -0.005071273f, 0.2812605f};

    @Test
    void batch_givesTheSameRowsAsSingleImages_inOrder() {
        List<BufferedImage> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(testCard(40 + i, 30 + 2 * i));
        }
        float[][] rows = embedder.embed(batch);
        assertThat(rows).hasNumberOfRows(20);
        for (int i = 0; i < 20; i++) {
            assertThat(rows[i]).containsExactly(embedder.embed(batch.get(i)));
        }
        assertThat(embedder.embed(List.of())).isEmpty();
    }

    @Test
    void mirroredImage_hasTheSameEmbedding() {
        BufferedImage card = testCard(96, 64);
        assertThat(embedder.embed(ImageVariants.mirrored(card))).containsExactly(embedder.embed(card), within(1e-6f));
    }

    @Test
    void tinyAndUniformImages_areEmbedded() {
        BufferedImage pixel = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        pixel.setRGB(0, 0, 0xFF0000);
        BufferedImage black = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        assertThat(norm(embedder.embed(pixel))).isCloseTo(1f, within(1e-6f));
        assertThat(norm(embedder.embed(black))).isCloseTo(1f, within(1e-6f));
        BufferedImage green = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        green.setRGB(0, 0, 0x00FF00);
        assertThat(ImageVariants.distance(embedder.embed(pixel), embedder.embed(green)))
                .isGreaterThan(0.5);
    }

    @Test
    void dimensionOutOfRange_isRefused() {
        assertThatThrownBy(() -> BuiltinEmbedder.withDimension(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The built-in embedder's dimension must lie between 2 and 1024, but was 1.");
        assertThatThrownBy(() -> BuiltinEmbedder.withDimension(1025))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The built-in embedder's dimension must lie between 2 and 1024, but was 1025.");
    }

    @Test
    void realPhotos_alteredCopiesStayNearestToTheirSource_andDifferentPhotosAreFarApart() throws IOException {
        Path root = SampleMedia.folder();
        List<BufferedImage> sources = new ArrayList<>();
        List<float[]> embedded = new ArrayList<>();
        for (String sample : SAMPLES) {
            BufferedImage image = ImageIO.read(root.resolve(sample).toFile());
            if (image.getWidth() > 1024) { // the chessboard is 3595 pixels wide; its details survive an 8x reduction
                image = ImageVariants.scaled(image, image.getWidth() / 8, image.getHeight() / 8);
            }
            sources.add(image);
            embedded.add(embedder.embed(image));
        }
        double closestPair = Double.MAX_VALUE;
        for (int i = 0; i < sources.size(); i++) {
            for (int j = i + 1; j < sources.size(); j++) {
                closestPair = Math.min(closestPair, ImageVariants.distance(embedded.get(i), embedded.get(j)));
            }
        }
        assertThat(closestPair)
                .as("distance between the two most alike different photos")
                .isGreaterThan(0.6);

        List<String> failures = new ArrayList<>();
        double largestOwn = 0;
        for (int i = 0; i < sources.size(); i++) {
            for (Map.Entry<String, BufferedImage> variant :
                    variants(sources.get(i)).entrySet()) {
                float[] v = embedder.embed(variant.getValue());
                double own = ImageVariants.distance(v, embedded.get(i));
                largestOwn = Math.max(largestOwn, own);
                for (int j = 0; j < sources.size(); j++) {
                    double other = ImageVariants.distance(v, embedded.get(j));
                    if (j != i && other <= own) {
                        failures.add(SAMPLES.get(i) + " " + variant.getKey() + ": " + own + " from its source, " + other
                                + " from " + SAMPLES.get(j));
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(largestOwn)
                .as("largest distance of an altered copy from its source")
                .isLessThan(closestPair);
    }

    private static Map<String, BufferedImage> variants(BufferedImage image) throws IOException {
        Map<String, BufferedImage> variants = new LinkedHashMap<>();
        variants.put("mirrored", ImageVariants.mirrored(image));
        for (double fraction : new double[] {0.8, 0.85, 0.9}) {
            for (double[] at : new double[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {0.5, 0.5}}) {
                variants.put(
                        "crop " + fraction + " at " + at[0] + "," + at[1],
                        ImageVariants.cropped(image, fraction, at[0], at[1]));
            }
        }
        variants.put("brighter", ImageVariants.recoloured(image, 1.1f, 0, 0, 0));
        variants.put("darker", ImageVariants.recoloured(image, 0.9f, 0, 0, 0));
        variants.put("warmer", ImageVariants.recoloured(image, 1f, 12, 0, -12));
        variants.put("greener", ImageVariants.recoloured(image, 1f, -10, 10, 0));
        variants.put("jpeg quality 0.5", ImageVariants.reencoded(image, 0.5f));
        variants.put("quarter size", ImageVariants.scaled(image, image.getWidth() / 4, image.getHeight() / 4));
        return variants;
    }
}
