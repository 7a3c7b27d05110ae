package dev.winnow.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.testsupport.SampleMedia;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageHeadersTest {
    @TempDir
    Path dir;

    /** Sizes measured independently with the file(1) tool. */
    @ParameterizedTest
    @CsvSource({
        "objects/baboon.jpg, 512, 512",
        "objects/butterfly.jpg, 493, 356",
        "objects/fruits.jpg, 512, 480",
        "objects/orange.jpg, 512, 512",
        "street/building.jpg, 868, 600",
        "street/home.jpg, 512, 384",
        "chessboard.png, 3595, 3723",
        "pic3.png, 400, 300",
    })
    void realImages_sizeFromHeader(String path, int width, int height) throws Exception {
        assertThat(ImageHeaders.read(LocalDatasource.at(SampleMedia.folder()), path))
                .isEqualTo(new ImageSize(width, height));
    }

    @ParameterizedTest
    @CsvSource({"png", "jpg", "gif", "bmp", "tiff"})
    void writtenImages_everyFormat(String format) throws Exception {
        BufferedImage image = new BufferedImage(37, 21, BufferedImage.TYPE_INT_RGB);
        String formatName = format.equals("jpg") ? "jpeg" : format;
        assertThat(ImageIO.write(image, formatName, dir.resolve("a." + format).toFile()))
                .isTrue();

        assertThat(ImageHeaders.read(LocalDatasource.at(dir), "a." + format)).isEqualTo(new ImageSize(37, 21));
    }

    /** WebP files encoded by ffmpeg (libwebp); file(1) reports the lossy one as 50x34. */
    @ParameterizedTest
    @CsvSource({"lossless-48x30.webp, 48, 30", "lossy-50x34.webp, 50, 34"})
    void webp_sizeFromHeader(String name, int width, int height) throws Exception {
        try (var in = ImageHeadersTest.class.getResourceAsStream("/media/" + name)) {
            Files.copy(in, dir.resolve(name));
        }

        assertThat(ImageHeaders.read(LocalDatasource.at(dir), name)).isEqualTo(new ImageSize(width, height));
    }

    @Test
    void notAnImage_namesTheFile() throws Exception {
        Files.writeString(dir.resolve("fake.jpg"), "this is text, not an image");

        assertThatThrownBy(() -> ImageHeaders.read(LocalDatasource.at(dir), "fake.jpg"))
                .isInstanceOf(MediaException.class)
                .hasMessage("The file 'fake.jpg' is not an image Winnow can read (JPEG, PNG, GIF, BMP, TIFF or WebP).");
    }

    @Test
    void truncatedImages_nameTheFile() throws Exception {
        byte[] jpeg = Files.readAllBytes(SampleMedia.folder().resolve("objects/baboon.jpg"));
        Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg, 30));
        byte[] png = Files.readAllBytes(SampleMedia.folder().resolve("pic3.png"));
        Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, 12));
        LocalDatasource source = LocalDatasource.at(dir);

        assertThatThrownBy(() -> ImageHeaders.read(source, "cut.jpg"))
                .isInstanceOf(MediaException.class)
                .hasMessage("The image 'cut.jpg' has no readable header; it is truncated or corrupt.");
        assertThatThrownBy(() -> ImageHeaders.read(source, "cut.png"))
                .isInstanceOf(MediaException.class)
                .hasMessage("The image 'cut.png' has no readable header; it is truncated or corrupt.");
    }

    @Test
    void emptyOrMissingFile() throws Exception {
        Files.write(dir.resolve("empty.png"), new byte[0]);
        LocalDatasource source = LocalDatasource.at(dir);

        assertThatThrownBy(() -> ImageHeaders.read(source, "empty.png"))
                .isInstanceOf(MediaException.class)
                .hasMessage(
                        "The file 'empty.png' is not an image Winnow can read (JPEG, PNG, GIF, BMP, TIFF or WebP).");
        assertThatThrownBy(() -> ImageHeaders.read(source, "missing.png"))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage("missing.png: no such file in " + source.description());
    }

    @Test
    void hugeDeclaredSize_isReadWithoutDecoding() throws Exception {
        // A PNG header claiming 100000 x 80000 pixels and no image data: only the header is read.
        byte[] png = Files.readAllBytes(writePng(1, 1));
        byte[] patched = Arrays.copyOf(png, 33);
        putInt(patched, 16, 100_000);
        putInt(patched, 20, 80_000);
        Files.write(dir.resolve("huge.png"), patched);

        assertThat(ImageHeaders.read(LocalDatasource.at(dir), "huge.png")).isEqualTo(new ImageSize(100_000, 80_000));
    }

    @Test
    void jpegWithFrameHeaderPastTheFirstKilobytes_isRead() throws Exception {
        // A 10 000-byte comment segment right after the start marker pushes the frame header far back.
        Path written = dir.resolve("small.jpg");
        ImageIO.write(new BufferedImage(37, 23, BufferedImage.TYPE_INT_RGB), "jpeg", written.toFile());
        byte[] jpeg = Files.readAllBytes(written);
        int segment = 10_000;
        byte[] padded = new byte[jpeg.length + 2 + segment];
        padded[0] = jpeg[0];
        padded[1] = jpeg[1];
        padded[2] = (byte) 0xFF;
        padded[3] = (byte) 0xFE;
        padded[4] = (byte) (segment >>> 8);
        padded[5] = (byte) segment;
        Arrays.fill(padded, 6, 2 + 2 + segment, (byte) 'c');
        System.arraycopy(jpeg, 2, padded, 2 + 2 + segment, jpeg.length - 2);
        Files.write(dir.resolve("commented.jpg"), padded);
        LocalDatasource source = LocalDatasource.at(dir);

        assertThat(ImageHeaders.read(source, "commented.jpg")).isEqualTo(new ImageSize(37, 23));
        assertThat(ImageHeaders.readWithImageIo(source, "commented.jpg")).isEqualTo(new ImageSize(37, 23));
    }

    private Path writePng(int width, int height) throws IOException {
        Path file = dir.resolve("w" + width + "x" + height + ".png");
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        return file;
    }

    private static void putInt(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 24);
        bytes[offset + 1] = (byte) (value >>> 16);
        bytes[offset + 2] = (byte) (value >>> 8);
        bytes[offset + 3] = (byte) value;
    }
}
