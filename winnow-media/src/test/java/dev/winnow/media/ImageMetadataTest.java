package dev.winnow.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.testsupport.SampleMedia;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageMetadataTest {

    private static BufferedImage greys(int[][] values) {
        BufferedImage image = new BufferedImage(values[0].length, values.length, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < values.length; y++) {
            for (int x = 0; x < values[0].length; x++) {
                int v = values[y][x];
                image.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return image;
    }

    @Test
    void flatImage_hasNoSharpnessContrastOrSnr() {
        BufferedImage flat = new BufferedImage(10, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 10; x++) {
                flat.setRGB(x, y, 51 << 16 | 102 << 8 | 153);
            }
        }

        ImageMetadata metadata = ImageMetadata.of(new DecodedImage(flat, new ImageSize(100, 80)), 1234);

        assertThat(metadata).isEqualTo(new ImageMetadata(100, 80, 1234, 0, 0, 0.2, 0.4, 0.6, 0));
    }

    @Test
    void checkerboard_valuesByHand() {
        // One-pixel black/white checkerboard: every interior Laplacian is +-4*255 = +-1020, mean 0.
        int[][] board = new int[4][4];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                board[y][x] = (x + y) % 2 == 0 ? 0 : 255;
            }
        }

        ImageMetadata metadata = ImageMetadata.of(new DecodedImage(greys(board), new ImageSize(4, 4)), 99);

        assertThat(metadata.sharpness()).isEqualTo(1020.0 * 1020.0);
        assertThat(metadata.snr()).isEqualTo(1.0); // mean 127.5, standard deviation 127.5
        assertThat(metadata.contrast()).isEqualTo(0.5);
        assertThat(metadata.meanRed()).isEqualTo(0.5);
        assertThat(metadata.meanGreen()).isEqualTo(0.5);
        assertThat(metadata.meanBlue()).isEqualTo(0.5);
    }

    @Test
    void ramp_valuesByHand() {
        // Middle row 0,10,20,30,40: Laplacians -20, -40, -60 -> variance (400 + 0 + 400) / 3.
        int[][] ramp = {{0, 0, 0, 0, 0}, {0, 10, 20, 30, 40}, {0, 0, 0, 0, 0}};

        ImageMetadata metadata = ImageMetadata.of(new DecodedImage(greys(ramp), new ImageSize(5, 3)), 1);

        assertThat(metadata.sharpness()).isCloseTo(800.0 / 3, within(1e-12));
        double mean = 100.0 / 15;
        double std = Math.sqrt(3000.0 / 15 - mean * mean);
        assertThat(metadata.snr()).isCloseTo(mean / std, within(1e-12));
        assertThat(metadata.contrast()).isCloseTo(std / 255, within(1e-12));
    }

    @Test
    void colouredPixels_useBt601Grey() {
        BufferedImage red = new BufferedImage(1, 2, BufferedImage.TYPE_INT_RGB);
        red.setRGB(0, 0, 0xFF0000);
        red.setRGB(0, 1, 0x000000);

        ImageMetadata metadata = ImageMetadata.of(new DecodedImage(red, new ImageSize(1, 2)), 1);

        // grey values 76.245 and 0: mean 38.1225, standard deviation 38.1225
        assertThat(metadata.snr()).isEqualTo(1.0);
        assertThat(metadata.contrast()).isCloseTo(38.1225 / 255, within(1e-15));
        assertThat(metadata.sharpness()).isEqualTo(0.0); // too small for a 3x3 Laplacian
        assertThat(metadata.meanRed()).isEqualTo(0.5);
    }

    @Test
    void realImage_matchesAPlainReferenceComputation() throws Exception {
        DecodedImage image = ImageDecoder.decode(LocalDatasource.at(SampleMedia.folder()), "objects/fruits.jpg", 100);
        BufferedImage pixels = image.image();
        int w = pixels.getWidth();
        int h = pixels.getHeight();
        double[][] grey = new double[h][w];
        double sum = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = pixels.getRGB(x, y);
                grey[y][x] = (0.299 * (p >> 16 & 255) + 0.587 * (p >> 8 & 255) + 0.114 * (p & 255));
                sum += grey[y][x];
            }
        }
        double mean = sum / (w * h);
        double squares = 0;
        for (double[] row : grey) {
            for (double v : row) {
                squares += (v - mean) * (v - mean);
            }
        }
        double std = Math.sqrt(squares / (w * h));
        List<Double> laplacians = new ArrayList<>();
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                laplacians.add(grey[y - 1][x] + grey[y + 1][x] + grey[y][x - 1] + grey[y][x + 1] - 4 * grey[y][x]);
            }
        }
        double lapMean =
                laplacians.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double lapVariance = laplacians.stream()
                .mapToDouble(v -> (v - lapMean) * (v - lapMean))
                .average()
                .orElseThrow();

        ImageMetadata metadata = ImageMetadata.of(image, 55);

        assertThat(image.decodedSize()).isEqualTo(new ImageSize(128, 120)); // factor 4 of 512x480
        assertThat(metadata.width()).isEqualTo(512);
        assertThat(metadata.height()).isEqualTo(480);
        assertThat(metadata.sharpness()).isCloseTo(lapVariance, within(1e-6));
        assertThat(metadata.snr()).isCloseTo(mean / std, within(1e-9));
        assertThat(metadata.contrast()).isCloseTo(std / 255, within(1e-9));
        assertThat(metadata.sharpness()).isGreaterThan(10);
    }

    @Test
    void asMap_namesEveryKeyInOrder() {
        ImageMetadata metadata = new ImageMetadata(3, 4, 5, 6.5, 7.5, 0.1, 0.2, 0.3, 0.4);

        assertThat(metadata.asMap())
                .containsExactly(
                        Map.entry("lightly.width", 3.0),
                        Map.entry("lightly.height", 4.0),
                        Map.entry("lightly.sizeInBytes", 5.0),
                        Map.entry("lightly.sharpness", 6.5),
                        Map.entry("lightly.snr", 7.5),
                        Map.entry("lightly.meanRed", 0.1),
                        Map.entry("lightly.meanGreen", 0.2),
                        Map.entry("lightly.meanBlue", 0.3),
                        Map.entry("lightly.contrast", 0.4));
    }
}
