package dev.winnow.bench.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.winnow.format.BoundingBox;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CropEmbedBenchmarkTest {
    private static CropEmbedBenchmark benchmark;

    @BeforeAll
    static void setUp() throws Exception {
        benchmark = new CropEmbedBenchmark();
        benchmark.setUp();
    }

    @Test
    void theFrameIsAFullSizeDecoded640x480Frame_closeToTheSceneThatWasEncoded() {
        BufferedImage decoded = benchmark.frame.image();
        assertThat(decoded.getWidth()).isEqualTo(640);
        assertThat(decoded.getHeight()).isEqualTo(480);
        assertThat(benchmark.frame.original().width()).isEqualTo(640);
        assertThat(benchmark.frame.original().height()).isEqualTo(480);
        BufferedImage encoded =
                MovingObjectsDataset.frame(MovingObjectsDataset.clips(1, 42).get(0), 0);
        BufferedImage other =
                MovingObjectsDataset.frame(MovingObjectsDataset.clips(1, 43).get(0), 0);
        // H.264 is lossy, most of all on the fine texture: a few levels per channel on average, far less
        // than against the scene of another seed.
        assertThat(meanDifference(decoded, encoded)).isLessThan(10.0);
        assertThat(meanDifference(decoded, other)).isGreaterThan(20.0);
    }

    private static double meanDifference(BufferedImage a, BufferedImage b) {
        long difference = 0;
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    difference += Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF));
                }
            }
        }
        return difference / (640.0 * 480 * 3);
    }

    @Test
    void boxesHaveSidesOf20To200Pixels_insideTheFrame_in32BatchesOf32() {
        assertThat(benchmark.boxes)
                .hasSize(32)
                .allSatisfy(batch -> assertThat(batch).hasSize(32));
        for (List<BoundingBox> batch : benchmark.boxes) {
            for (BoundingBox box : batch) {
                assertThat(box.width()).isBetween(20.0, 200.0);
                assertThat(box.height()).isBetween(20.0, 200.0);
                assertThat(box.x() + box.width()).isLessThanOrEqualTo(640.0);
                assertThat(box.y() + box.height()).isLessThanOrEqualTo(480.0);
            }
        }
    }

    @Test
    void cut_givesTheFramesPixelsOfTheBoxWidenedBy10Percent() {
        CropEmbedBenchmark.Cursor cursor = new CropEmbedBenchmark.Cursor();
        List<BufferedImage> crops = benchmark.cut(cursor);
        assertThat(crops).hasSize(32);
        assertThat(cursor.next).isEqualTo(1);
        BoundingBox box = benchmark.boxes.get(0).get(0);
        int x0 = (int) Math.max(0, Math.floor(box.x() - box.width() * 0.05));
        int y0 = (int) Math.max(0, Math.floor(box.y() - box.height() * 0.05));
        int x1 = (int) Math.min(640, Math.ceil(box.x() + box.width() * 1.05));
        int y1 = (int) Math.min(480, Math.ceil(box.y() + box.height() * 1.05));
        BufferedImage crop = crops.get(0);
        assertThat(crop.getWidth()).isEqualTo(x1 - x0);
        assertThat(crop.getHeight()).isEqualTo(y1 - y0);
        for (int y = 0; y < crop.getHeight(); y++) {
            for (int x = 0; x < crop.getWidth(); x++) {
                assertThat(crop.getRGB(x, y)).isEqualTo(benchmark.frame.image().getRGB(x0 + x, y0 + y));
            }
        }
    }

    @Test
    void embed_andCutAndEmbed_giveTheSameUnitVectorsForTheSameBatch_andTheCursorWrapsAround() {
        CropEmbedBenchmark.Cursor first = new CropEmbedBenchmark.Cursor();
        CropEmbedBenchmark.Cursor second = new CropEmbedBenchmark.Cursor();
        float[][] embedded = benchmark.embed(first);
        float[][] cutAndEmbedded = benchmark.cutAndEmbed(second);
        assertThat(embedded).hasNumberOfRows(32);
        assertThat(cutAndEmbedded).isDeepEqualTo(embedded);
        for (float[] vector : embedded) {
            double sum = 0;
            for (float v : vector) {
                sum += v * v;
            }
            assertThat(vector).hasSize(64);
            assertThat(Math.sqrt(sum)).isCloseTo(1.0, within(1e-5));
        }
        for (int i = 1; i < 32; i++) {
            first.advance();
        }
        assertThat(first.next).isZero();
    }
}
