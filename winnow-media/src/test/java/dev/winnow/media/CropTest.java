package dev.winnow.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.format.BoundingBox;
import dev.winnow.testsupport.SampleMedia;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CropTest {
    /** Each pixel encodes its own position: R = x, G = y. */
    private static BufferedImage positions(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, x << 16 | y << 8);
            }
        }
        return image;
    }

    @Test
    void withoutPadding_takesExactlyTheBox() {
        BufferedImage image = positions(100, 80);

        BufferedImage crop = Crop.cut(image, new BoundingBox(10, 20, 30, 15), 0, new ImageSize(100, 80));

        assertThat(crop.getWidth()).isEqualTo(30);
        assertThat(crop.getHeight()).isEqualTo(15);
        assertThat(crop.getRGB(0, 0) & 0xFFFFFF).isEqualTo(10 << 16 | 20 << 8);
        assertThat(crop.getRGB(29, 14) & 0xFFFFFF).isEqualTo(39 << 16 | 34 << 8);
    }

    @Test
    void padding_growsWidthAndHeightHalfOnEachSide() {
        BoundingBox padded = Crop.paddedBox(new BoundingBox(20, 20, 40, 20), 0.5, new ImageSize(100, 80));

        assertThat(padded).isEqualTo(new BoundingBox(10, 15, 60, 30));
        BufferedImage crop = Crop.cut(positions(100, 80), new BoundingBox(20, 20, 40, 20), 0.5, new ImageSize(100, 80));
        assertThat(crop.getWidth()).isEqualTo(60);
        assertThat(crop.getHeight()).isEqualTo(30);
        assertThat(crop.getRGB(0, 0) & 0xFFFFFF).isEqualTo(10 << 16 | 15 << 8);
    }

    @Test
    void atTheBorders_isClippedToTheImage() {
        ImageSize size = new ImageSize(100, 80);

        assertThat(Crop.paddedBox(new BoundingBox(0, 0, 20, 10), 1.0, size)).isEqualTo(new BoundingBox(0, 0, 30, 15));
        assertThat(Crop.paddedBox(new BoundingBox(90, 70, 10, 10), 0.4, size))
                .isEqualTo(new BoundingBox(88, 68, 12, 12));
        BufferedImage corner = Crop.cut(positions(100, 80), new BoundingBox(90, 70, 10, 10), 0.4, size);
        assertThat(corner.getWidth()).isEqualTo(12);
        assertThat(corner.getRGB(11, 11) & 0xFFFFFF).isEqualTo(99 << 16 | 79 << 8);
    }

    @Test
    void reducedImage_scalesOriginalCoordinates() {
        // The decoded image is the 400x320 original reduced by 4.
        BufferedImage reduced = positions(100, 80);
        ImageSize original = new ImageSize(400, 320);

        Rectangle region = Crop.region(reduced, new BoundingBox(40, 80, 120, 60), 0, original);
        BufferedImage crop = Crop.cut(new DecodedImage(reduced, original), new BoundingBox(40, 80, 120, 60), 0);

        assertThat(region).isEqualTo(new Rectangle(10, 20, 30, 15));
        assertThat(crop.getRGB(0, 0) & 0xFFFFFF).isEqualTo(10 << 16 | 20 << 8);
        // Fractional edges round outwards: 41..43 original -> decoded 10..11.
        assertThat(Crop.region(reduced, new BoundingBox(41, 81, 2, 2), 0, original))
                .isEqualTo(new Rectangle(10, 20, 1, 1));
        assertThat(Crop.region(reduced, new BoundingBox(39, 79, 2, 2), 0, original))
                .isEqualTo(new Rectangle(9, 19, 2, 2));
    }

    @Test
    void cropIsACopy() {
        BufferedImage image = positions(10, 10);
        BufferedImage crop = Crop.cut(image, new BoundingBox(0, 0, 5, 5), 0, new ImageSize(10, 10));

        image.setRGB(0, 0, 0xFFFFFF);

        assertThat(crop.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0);
        assertThat(crop.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    }

    @Test
    void boxOutsideTheImage_orBadPadding_isRefused() {
        ImageSize size = new ImageSize(100, 80);

        assertThatThrownBy(() -> Crop.paddedBox(new BoundingBox(120, 10, 5, 5), 0, size))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The box [120.0, 10.0, 5.0, 5.0] has no area inside the 100x80 image.");
        assertThatThrownBy(() -> Crop.paddedBox(new BoundingBox(1, 1, 5, 5), -0.1, size))
                .hasMessage("The crop padding must be a fraction of 0 or more, but was -0.1.");
    }

    @Test
    void fromARealFrame() throws Exception {
        List<DecodedImage> frames = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        VideoDecoders.standard()
                .decode(
                        LocalDatasource.at(SampleMedia.folder()),
                        "street/tree.mp4",
                        FrameRequest.everyFrame().withStride(50),
                        (index, frame) -> {
                            indices.add(index);
                            frames.add(frame);
                            return true;
                        });

        BufferedImage crop = Crop.cut(frames.get(1), new BoundingBox(300, 200, 40, 60), 0.2);

        assertThat(indices).containsExactly(0, 50);
        assertThat(crop.getWidth()).isEqualTo(24); // 296..320, clipped at the right edge of 320
        assertThat(crop.getHeight()).isEqualTo(46); // 194..240, clipped at the bottom edge of 240
        assertThat(crop.getRGB(0, 0)).isEqualTo(frames.get(1).image().getRGB(296, 194));
    }
}
