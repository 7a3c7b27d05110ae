package dev.winnow.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class RgbPlanesTest {

    private static BufferedImage row(int... rgb) {
        BufferedImage image = new BufferedImage(rgb.length, 1, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < rgb.length; x++) {
            image.setRGB(x, 0, rgb[x]);
        }
        return image;
    }

    @Test
    void uniformImage_resamplesToExactlyItsColour() {
        BufferedImage image = new BufferedImage(37, 23, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 23; y++) {
            for (int x = 0; x < 37; x++) {
                image.setRGB(x, y, 0x10A0F0);
            }
        }
        RgbPlanes planes = RgbPlanes.resample(image, 8);
        for (int i = 0; i < 64; i++) {
            assertThat(planes.red[i]).isCloseTo(0x10, Assertions.within(1e-4f));
            assertThat(planes.green[i]).isCloseTo(0xA0, Assertions.within(1e-4f));
            assertThat(planes.blue[i]).isCloseTo(0xF0, Assertions.within(1e-4f));
        }
    }

    @Test
    void shrinking_weighsPartlyCoveredPixelsByTheirCoveredFraction() {
        // Three pixels into two: each target covers 1.5 source pixels.
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        int[] reds = {0, 90, 180};
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                image.setRGB(x, y, reds[x] << 16);
            }
        }
        RgbPlanes planes = RgbPlanes.resample(image, 2);
        assertThat(planes.red).containsExactly(30f, 150f, 30f, 150f);
        assertThat(planes.green).containsOnly(0f);
    }

    @Test
    void sameSize_isACopy_andEnlarging_repeatsPixels() {
        assertThat(RgbPlanes.resample(row(0x000001, 0x0000FF), 2).blue).containsExactly(1f, 255f, 1f, 255f);
        assertThat(RgbPlanes.resample(row(0xFF0000), 3).red).containsOnly(255f);
    }

    @Test
    void imageTypes_giveTheSameColours() {
        BufferedImage reference = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        BufferedImage bgr = new BufferedImage(4, 4, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage argb = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
        byte[] palette = {0, (byte) 200};
        BufferedImage indexed = new BufferedImage(
                4, 4, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(1, 2, palette, palette, new byte[] {0, 50}));
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                int rgb = (x + y) % 2 == 0 ? 0xC8C832 : 0x000000;
                reference.setRGB(x, y, rgb);
                bgr.setRGB(x, y, rgb);
                argb.setRGB(x, y, 0x80000000 | rgb); // alpha is ignored
                indexed.setRGB(x, y, rgb);
            }
        }
        RgbPlanes expected = RgbPlanes.resample(reference, 4);
        for (BufferedImage image : new BufferedImage[] {bgr, argb, indexed}) {
            RgbPlanes planes = RgbPlanes.resample(image, 4);
            assertThat(planes.red).containsExactly(expected.red);
            assertThat(planes.green).containsExactly(expected.green);
            assertThat(planes.blue).containsExactly(expected.blue);
        }
    }

    @Test
    void greyImage_usesTheStoredValuesWithoutGammaConversion() {
        BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 128);
        grey.getRaster().setSample(1, 0, 0, 64);
        RgbPlanes planes = RgbPlanes.resample(grey, 2);
        assertThat(planes.red).containsExactly(128f, 64f, 128f, 64f);
        assertThat(planes.green).containsExactly(128f, 64f, 128f, 64f);
        assertThat(planes.blue).containsExactly(128f, 64f, 128f, 64f);
    }

    @Test
    void subImage_readsOnlyItsOwnPixels() {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                image.setRGB(x, y, (x * 60) << 16 | (y * 60));
            }
        }
        RgbPlanes planes = RgbPlanes.resample(image.getSubimage(2, 1, 2, 2), 2);
        assertThat(planes.red).containsExactly(120f, 180f, 120f, 180f);
        assertThat(planes.blue).containsExactly(60f, 60f, 120f, 120f);
    }
}
