package dev.winnow.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.format.BoundingBox;
import dev.winnow.testsupport.SampleMedia;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JPEGs with an EXIF orientation (made by exiftool from one photo) against the same photo turned
 * losslessly by jpegtran (see testdata/exif-orientation/NOTICE): Winnow sees what jpegtran wrote.
 */
class ExifOrientationTest {
    private static final Path FILES = SampleMedia.testData("exif-orientation");

    private static LocalDatasource files() throws IOException {
        return LocalDatasource.at(FILES);
    }

    private static ImageSize displayed(int orientation) {
        return orientation >= 5 ? new ImageSize(48, 64) : new ImageSize(64, 48);
    }

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8})
    void sizeFromTheHeader_isTheDisplayedSize(int orientation) throws Exception {
        String stored = "stored-" + orientation + ".jpg";
        BufferedImage storedPixels = ImageIO.read(FILES.resolve(stored).toFile());
        assertThat(new ImageSize(storedPixels.getWidth(), storedPixels.getHeight()))
                .isEqualTo(new ImageSize(64, 48));

        assertThat(ImageHeaders.read(files(), stored)).isEqualTo(displayed(orientation));
        assertThat(ImageHeaders.read(files(), "upright-" + orientation + ".jpg"))
                .isEqualTo(displayed(orientation));
    }

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8})
    void decodedPixels_areTheUprightPhoto(int orientation) throws Exception {
        DecodedImage decoded = ImageDecoder.decodeFull(files(), "stored-" + orientation + ".jpg");

        assertThat(decoded.original()).isEqualTo(displayed(orientation));
        assertThat(decoded.decodedSize()).isEqualTo(displayed(orientation));
        // Each turned file is nearest to jpegtran's turn of its own orientation, among all eight.
        int nearest = 0;
        double best = Double.MAX_VALUE;
        for (int candidate = 1; candidate <= 8; candidate++) {
            BufferedImage upright =
                    ImageIO.read(FILES.resolve("upright-" + candidate + ".jpg").toFile());
            if (upright.getWidth() == decoded.image().getWidth()
                    && upright.getHeight() == decoded.image().getHeight()) {
                double difference = meanAbsoluteDifference(decoded.image(), upright);
                if (difference < best) {
                    best = difference;
                    nearest = candidate;
                }
            }
        }
        assertThat(nearest).isEqualTo(orientation);
        assertThat(best).as("mean difference to jpegtran's turn").isLessThan(2.0);
    }

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8})
    void fileInMemory_givesTheOrientationAndPixelsOfTheChannelRead(int orientation) throws Exception {
        String stored = "stored-" + orientation + ".jpg";
        byte[] file = Files.readAllBytes(FILES.resolve(stored));
        assertThat(ExifOrientation.read(file)).isEqualTo(orientation);
        try (SeekableByteChannel in = files().openSeekable(stored)) {
            assertThat(ExifOrientation.read(in)).isEqualTo(orientation);
        }
        assertThat(ExifOrientation.read(Arrays.copyOf(file, 40))).isEqualTo(ExifOrientation.AS_STORED);
        assertThat(ExifOrientation.read(Files.readAllBytes(FILES.resolve("upright-" + orientation + ".jpg"))))
                .isEqualTo(ExifOrientation.AS_STORED);

        DecodedImage inMemory = ImageDecoder.decode(files(), stored, 24);
        DecodedImage streamed = ImageDecoder.decode(files(), stored, 24, 0);
        assertThat(inMemory.original()).isEqualTo(displayed(orientation));
        assertThat(streamed.original()).isEqualTo(displayed(orientation));
        assertThat(pixels(inMemory.image())).isEqualTo(pixels(streamed.image()));
    }

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {6, 8})
    void reducedDecodeAndCrops_workInDisplayedPixels(int orientation) throws Exception {
        DecodedImage reduced = ImageDecoder.decode(files(), "stored-" + orientation + ".jpg", 24);
        DecodedImage upright = ImageDecoder.decode(files(), "upright-" + orientation + ".jpg", 24);

        assertThat(reduced.original()).isEqualTo(new ImageSize(48, 64));
        assertThat(reduced.decodedSize()).isEqualTo(new ImageSize(24, 32));
        BoundingBox lowerLeft = new BoundingBox(4, 36, 20, 24); // inside 48 x 64, outside 64 x 48
        BufferedImage crop = Crop.cut(reduced, lowerLeft, 0);
        BufferedImage reference = Crop.cut(upright, lowerLeft, 0);
        assertThat(new ImageSize(crop.getWidth(), crop.getHeight())).isEqualTo(new ImageSize(10, 12));
        assertThat(meanAbsoluteDifference(crop, reference)).isLessThan(4.0);
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static double meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                sum += Math.abs((p >> 16 & 255) - (q >> 16 & 255))
                        + Math.abs((p >> 8 & 255) - (q >> 8 & 255))
                        + Math.abs((p & 255) - (q & 255));
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
