package dev.winnow.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.testsupport.SampleMedia;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageDecoderTest {
    @TempDir
    Path dir;

    @Test
    void reducesByTheLargestFactorKeepingTheTarget() throws Exception {
        LocalDatasource samples = LocalDatasource.at(SampleMedia.folder());

        DecodedImage home = ImageDecoder.decode(samples, "street/home.jpg", 224);
        DecodedImage building = ImageDecoder.decode(samples, "street/building.jpg", 224);
        DecodedImage chessboard = ImageDecoder.decode(samples, "chessboard.png", 224);

        assertThat(home.decodedSize()).isEqualTo(new ImageSize(512, 384)); // 384 / 224 = 1: no reduction
        assertThat(home.original()).isEqualTo(new ImageSize(512, 384));
        assertThat(building.decodedSize()).isEqualTo(new ImageSize(434, 300)); // factor 2
        assertThat(chessboard.decodedSize()).isEqualTo(new ImageSize(225, 233)); // factor 16 of 3595x3723
        assertThat(chessboard.original()).isEqualTo(new ImageSize(3595, 3723));
        assertThat(chessboard.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(building.scaleX()).isEqualTo(434.0 / 868);
    }

    @Test
    void targetSize_keepsBothSidesAtLeastThatLarge() throws Exception {
        DecodedImage image = ImageDecoder.decode(
                LocalDatasource.at(SampleMedia.folder()), "street/building.jpg", new ImageSize(300, 200));

        assertThat(image.decodedSize()).isEqualTo(new ImageSize(434, 300)); // min(868/300, 600/200) = 2
    }

    @Test
    void subsampledPixels_areTheFullImagesPixels() throws Exception {
        LocalDatasource samples = LocalDatasource.at(SampleMedia.folder());
        BufferedImage full = ImageDecoder.decodeFull(samples, "pic3.png").image();
        BufferedImage half = ImageDecoder.decode(samples, "pic3.png", 150).image();

        assertThat(half.getWidth()).isEqualTo(200);
        assertThat(half.getHeight()).isEqualTo(150);
        for (int y = 0; y < 150; y += 7) {
            for (int x = 0; x < 200; x += 5) {
                assertThat(half.getRGB(x, y)).isEqualTo(full.getRGB(2 * x, 2 * y));
            }
        }
        assertThat(full.getRGB(10, 10) & 0xFFFFFF)
                .isEqualTo(ImageIO.read(samples.root().resolve("pic3.png").toFile())
                                .getRGB(10, 10)
                        & 0xFFFFFF);
    }

    @Test
    void greyAndAlphaImages_keepTheirStoredValues() throws Exception {
        BufferedImage grey = new BufferedImage(4, 3, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(1, 1, 0, 100);
        ImageIO.write(grey, "png", dir.resolve("grey.png").toFile());
        BufferedImage argb = new BufferedImage(4, 3, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(2, 1, 0x00_40_80_C0); // fully transparent, colour kept
        argb.setRGB(3, 2, 0x80_10_20_30);
        ImageIO.write(argb, "png", dir.resolve("alpha.png").toFile());
        LocalDatasource source = LocalDatasource.at(dir);

        BufferedImage greyRgb = ImageDecoder.decodeFull(source, "grey.png").image();
        BufferedImage alphaRgb = ImageDecoder.decodeFull(source, "alpha.png").image();

        assertThat(greyRgb.getRGB(1, 1) & 0xFFFFFF).isEqualTo(0x646464);
        assertThat(greyRgb.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0);
        assertThat(alphaRgb.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(alphaRgb.getRGB(2, 1) & 0xFFFFFF).isEqualTo(0x4080C0);
        assertThat(alphaRgb.getRGB(3, 2) & 0xFFFFFF).isEqualTo(0x102030);
    }

    @ParameterizedTest
    @CsvSource({"png", "jpg", "gif", "bmp", "tiff"})
    void everyWritableFormat_decodesReduced(String format) throws Exception {
        // Left half red, right half blue; 40x30 reduced by 3 for a short side of at least 10.
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                image.setRGB(x, y, x < 20 ? 0xFF0000 : 0x0000FF);
            }
        }
        ImageIO.write(
                image,
                format.equals("jpg") ? "jpeg" : format,
                dir.resolve("a." + format).toFile());

        DecodedImage decoded = ImageDecoder.decode(LocalDatasource.at(dir), "a." + format, 10);

        assertThat(decoded.decodedSize()).isEqualTo(new ImageSize(14, 10));
        assertThat(decoded.original()).isEqualTo(new ImageSize(40, 30));
        if (format.equals("jpg")) {
            // JPEG is lossy: the colours come back near, not equal.
            int left = decoded.image().getRGB(2, 5);
            int right = decoded.image().getRGB(11, 5);
            assertThat(left >> 16 & 255).isGreaterThan(200);
            assertThat(left & 255).isLessThan(50);
            assertThat(right & 255).isGreaterThan(200);
            assertThat(right >> 16 & 255).isLessThan(50);
        } else {
            // Lossless: decoded pixel (x, y) is original pixel (3x, 3y), red while 3x < 20.
            for (int y = 0; y < 10; y++) {
                for (int x = 0; x < 14; x++) {
                    assertThat(decoded.image().getRGB(x, y) & 0xFFFFFF)
                            .as("pixel (%d, %d)", x, y)
                            .isEqualTo(3 * x < 20 ? 0xFF0000 : 0x0000FF);
                }
            }
        }
    }

    @Test
    void webp_decodesReduced() throws Exception {
        try (var in = ImageDecoderTest.class.getResourceAsStream("/media/lossy-50x34.webp")) {
            Files.copy(in, dir.resolve("a.webp"));
        }

        DecodedImage decoded = ImageDecoder.decode(LocalDatasource.at(dir), "a.webp", 17);

        assertThat(decoded.decodedSize()).isEqualTo(new ImageSize(25, 17));
        assertThat(decoded.original()).isEqualTo(new ImageSize(50, 34));
        assertThat(decoded.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    }

    @Test
    void truncatedJpeg_isAMediaException() throws Exception {
        byte[] jpeg = Files.readAllBytes(SampleMedia.folder().resolve("objects/baboon.jpg"));
        Files.write(dir.resolve("half.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));

        assertThatThrownBy(() -> ImageDecoder.decode(LocalDatasource.at(dir), "half.jpg", 64))
                .isInstanceOf(MediaException.class)
                .hasMessage("The image 'half.jpg' could not be decoded completely; it is truncated or corrupt "
                        + "(Truncated File - Missing EOI marker).");
    }

    @Test
    void truncatedPng_isAMediaException() throws Exception {
        byte[] png = Files.readAllBytes(SampleMedia.folder().resolve("pic3.png"));
        Files.write(dir.resolve("half.png"), Arrays.copyOf(png, png.length / 2));

        assertThatThrownBy(() -> ImageDecoder.decode(LocalDatasource.at(dir), "half.png", 64))
                .isInstanceOf(MediaException.class)
                .hasMessage("The image 'half.png' could not be decoded; it is truncated or corrupt.");
    }

    @Test
    void hugeDeclaredSize_isRefusedBeforeDecoding() throws Exception {
        ImageIO.write(
                new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB),
                "png",
                dir.resolve("one.png").toFile());
        byte[] png = Files.readAllBytes(dir.resolve("one.png"));
        putInt(png, 16, 100_000);
        putInt(png, 20, 80_000);
        Files.write(dir.resolve("huge.png"), png);
        LocalDatasource source = LocalDatasource.at(dir);

        assertThatThrownBy(() -> ImageDecoder.decodeFull(source, "huge.png"))
                .isInstanceOf(MediaException.class)
                .hasMessage(
                        "The image 'huge.png' declares 100000x80000 = 8000000000 pixels, more than the pixel budget of "
                                + "268435456; it is not decoded.");
        // Subsampling would make the result small, but every row would still be inflated: refused alike.
        assertThatThrownBy(() -> ImageDecoder.decode(source, "huge.png", 224))
                .isInstanceOf(MediaException.class)
                .hasMessage(
                        "The image 'huge.png' declares 100000x80000 = 8000000000 pixels, more than the pixel budget of "
                                + "268435456; it is not decoded.");
    }

    @Test
    void pngAndJpegHeadersClaimingBillionsOfPixels_areRefusedWithLittleAllocation() throws Exception {
        // The PNG signature and an IHDR chunk declaring 100,000 x 100,000 pixels, 8-bit grey: 33 bytes, no pixel data.
        byte[] png = {
            (byte) 0x89,
            'P',
            'N',
            'G',
            '\r',
            '\n',
            0x1a,
            '\n',
            0,
            0,
            0,
            13,
            'I',
            'H',
            'D',
            'R',
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            8,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0
        };
        putInt(png, 16, 100_000);
        putInt(png, 20, 100_000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        putInt(png, 29, (int) crc.getValue());
        Files.write(dir.resolve("bomb.png"), png);
        // A baseline JPEG frame header declaring 65,000 x 65,000 pixels and nothing after it.
        byte[] jpeg = {
            (byte) 0xff,
            (byte) 0xd8,
            (byte) 0xff,
            (byte) 0xc0,
            0,
            11,
            8,
            (byte) 0xfd,
            (byte) 0xe8,
            (byte) 0xfd,
            (byte) 0xe8,
            1,
            1,
            0x11,
            0,
            (byte) 0xff,
            (byte) 0xd9
        };
        Files.write(dir.resolve("bomb.jpg"), jpeg);
        LocalDatasource source = LocalDatasource.at(dir);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        ImageIO.write(
                new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB),
                "png",
                dir.resolve("warm.png").toFile());
        ImageIO.write(
                new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB),
                "jpg",
                dir.resolve("warm.jpg").toFile());
        ImageDecoder.decode(source, "warm.png", 1); // readers loaded before measuring
        ImageDecoder.decode(source, "warm.jpg", 1);

        long before = threads.getCurrentThreadAllocatedBytes();
        assertThatThrownBy(() -> ImageDecoder.decode(source, "bomb.png", 224))
                .isInstanceOf(MediaException.class)
                .hasMessage("The image 'bomb.png' declares 100000x100000 = 10000000000 pixels, more than "
                        + "the pixel budget of 268435456; it is not decoded.");
        assertThatThrownBy(() -> ImageDecoder.decodeFull(source, "bomb.jpg"))
                .isInstanceOf(MediaException.class)
                .hasMessage(
                        "The image 'bomb.jpg' declares 65000x65000 = 4225000000 pixels, more than the pixel budget of "
                                + "268435456; it is not decoded.");
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // Decoding either would need gigabytes; refusing them costs the readers' buffers only.
        assertThat(allocated).isLessThan(32L << 20);
    }

    private static void putInt(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 24);
        bytes[offset + 1] = (byte) (value >>> 16);
        bytes[offset + 2] = (byte) (value >>> 8);
        bytes[offset + 3] = (byte) value;
    }
}
