package dev.winnow.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rect;
import org.junit.jupiter.api.Test;

/** The scaler against the plain definition: convert every source pixel with rgb(), then average each block in RGB. */
class YuvFrameScalerTest {

    /** A 4:2:0 picture of random samples, {@code width} x {@code height} visible from (x0, y0) in a 64 x 48 buffer. */
    private static Picture randomPicture(long seed, int x0, int y0, int width, int height) {
        Picture picture = Picture.createCropped(64, 48, ColorSpace.YUV420, new Rect(x0, y0, width, height));
        Random random = new Random(seed);
        for (int plane = 0; plane < 3; plane++) {
            random.nextBytes(picture.getPlaneData(plane));
        }
        return picture;
    }

    private static int[] expected(Picture picture, int factor) {
        int x0 = picture.getCrop().getX();
        int y0 = picture.getCrop().getY();
        int width = picture.getCroppedWidth();
        int height = picture.getCroppedHeight();
        int outWidth = (width + factor - 1) / factor;
        int outHeight = (height + factor - 1) / factor;
        long[][] sums = new long[outWidth * outHeight][4];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int sx = x + x0;
                int sy = y + y0;
                int luma = picture.getPlaneData(0)[sy * picture.getPlaneWidth(0) + sx] + 128;
                int chroma = (sy / 2) * picture.getPlaneWidth(1) + sx / 2;
                int rgb = YuvFrameScaler.rgb(
                        luma, picture.getPlaneData(1)[chroma] + 128, picture.getPlaneData(2)[chroma] + 128);
                long[] s = sums[(y / factor) * outWidth + x / factor];
                s[0] += (rgb >> 16) & 0xFF;
                s[1] += (rgb >> 8) & 0xFF;
                s[2] += rgb & 0xFF;
                s[3]++;
            }
        }
        int[] out = new int[sums.length];
        for (int o = 0; o < out.length; o++) {
            long n = sums[o][3];
            out[o] = (int) ((sums[o][0] + n / 2) / n) << 16
                    | (int) ((sums[o][1] + n / 2) / n) << 8
                    | (int) ((sums[o][2] + n / 2) / n);
        }
        return out;
    }

    @Test
    void everyFactorAndCrop_matchesThePerPixelDefinitionExactly() {
        YuvFrameScaler scaler = new YuvFrameScaler();
        // 4:2:0 crops have even sizes; factors 3 and 5 leave partial blocks at the right and bottom.
        int[][] crops = {{0, 0, 64, 48}, {2, 2, 58, 44}, {4, 2, 50, 38}, {2, 4, 14, 10}};
        for (int[] c : crops) {
            Picture picture = randomPicture(c[0] * 100 + c[2], c[0], c[1], c[2], c[3]);
            for (int factor = 1; factor <= 5; factor++) {
                BufferedImage image = scaler.toRgb(picture, factor);
                int[] actual = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
                for (int i = 0; i < actual.length; i++) {
                    actual[i] &= 0xFFFFFF;
                }
                assertThat(image.getWidth()).isEqualTo((c[2] + factor - 1) / factor);
                assertThat(image.getHeight()).isEqualTo((c[3] + factor - 1) / factor);
                assertThat(actual)
                        .as("crop %d,%d %dx%d, factor %d", c[0], c[1], c[2], c[3], factor)
                        .containsExactly(expected(picture, factor));
            }
        }
    }
}
