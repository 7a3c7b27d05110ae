package dev.winnow.bench.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class BuiltinEmbedderBenchmarkTest {

    @Test
    void generatedImages_areRepeatableAndDistinct() {
        assertThat(PhotoLikeImages.jpeg(3)).isEqualTo(PhotoLikeImages.jpeg(3));
        assertThat(PhotoLikeImages.jpeg(3)).isNotEqualTo(PhotoLikeImages.jpeg(4));
        BufferedImage image = PhotoLikeImages.image(0);
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(480);
    }

    @Test
    void reducedDecoding_keepsTheShortSideAtLeastTheEmbeddersSize() throws IOException {
        BufferedImage reduced = BuiltinEmbedderBenchmark.decodeReduced(PhotoLikeImages.jpeg(0), 64);
        assertThat(reduced.getWidth()).isEqualTo(92); // every 7th pixel of 640
        assertThat(reduced.getHeight()).isEqualTo(69); // and of 480
    }

    @Test
    void everyBenchmarkMethod_embedsToUnitLength() throws IOException {
        BuiltinEmbedderBenchmark benchmark = new BuiltinEmbedderBenchmark();
        benchmark.images = 2;
        benchmark.generate();
        BuiltinEmbedderBenchmark.Cursor cursor = new BuiltinEmbedderBenchmark.Cursor();
        for (float[] v : new float[][] {
            benchmark.embedAt64(cursor), benchmark.embedDecodedReduced(cursor), benchmark.decodeReducedAndEmbed(cursor)
        }) {
            double sum = 0;
            for (float x : v) {
                sum += x * x;
            }
            assertThat(v).hasSize(64);
            assertThat(Math.sqrt(sum)).isCloseTo(1.0, Assertions.within(1e-5));
        }
    }
}
