package dev.winnow.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.testsupport.SampleMedia;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeaderParsersTest {
    @TempDir
    Path dir;

    @Test
    void quickPath_agreesWithImageIo_onTheRealImages() throws Exception {
        LocalDatasource samples = LocalDatasource.at(SampleMedia.folder());
        for (String path : List.of(
                "objects/baboon.jpg",
                "objects/butterfly.jpg",
                "objects/fruits.jpg",
                "objects/orange.jpg",
                "street/building.jpg",
                "street/home.jpg",
                "chessboard.png",
                "pic3.png")) {
            try (ChannelImageInputStream in = new ChannelImageInputStream(samples.openSeekable(path))) {
                ImageSize quick = HeaderParsers.tryRead(in);
                assertThat(quick).as(path).isEqualTo(ImageHeaders.readWithImageIo(samples, path));
            }
        }
    }

    @Test
    void jpegWithAThumbnailInItsExifSegment_reportsTheMainImage() throws Exception {
        BufferedImage image = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", plain);
        byte[] jpeg = plain.toByteArray();
        // An APP1 segment holding a frame header of a 16x16 thumbnail, inserted right after SOI.
        byte[] thumbnailFrame = {(byte) 0xFF, (byte) 0xC0, 0, 11, 8, 0, 16, 0, 16, 1, 1, 0x11, 0};
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        withExif.write(jpeg, 0, 2);
        withExif.write(new byte[] {(byte) 0xFF, (byte) 0xE1, 0, (byte) (2 + 6 + thumbnailFrame.length)});
        withExif.write("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        withExif.write(thumbnailFrame);
        withExif.write(jpeg, 2, jpeg.length - 2);
        Files.write(dir.resolve("exif.jpg"), withExif.toByteArray());
        LocalDatasource source = LocalDatasource.at(dir);

        assertThat(ImageHeaders.read(source, "exif.jpg")).isEqualTo(new ImageSize(48, 32));
        assertThat(ImageHeaders.readWithImageIo(source, "exif.jpg")).isEqualTo(new ImageSize(48, 32));
    }

    @Test
    void topDownBmp_hasAPositiveHeight() throws Exception {
        int width = 5;
        int height = 3;
        int rowBytes = 16; // 5 pixels x 3 bytes, padded to a multiple of 4
        ByteBuffer bmp = ByteBuffer.allocate(54 + rowBytes * height).order(ByteOrder.LITTLE_ENDIAN);
        bmp.put((byte) 'B').put((byte) 'M').putInt(bmp.capacity()).putInt(0).putInt(54);
        bmp.putInt(40)
                .putInt(width)
                .putInt(-height)
                .putShort((short) 1)
                .putShort((short) 24)
                .putInt(0)
                .putInt(rowBytes * height)
                .putInt(2835)
                .putInt(2835)
                .putInt(0)
                .putInt(0);
        Files.write(dir.resolve("topdown.bmp"), bmp.array());
        LocalDatasource source = LocalDatasource.at(dir);

        assertThat(ImageHeaders.read(source, "topdown.bmp")).isEqualTo(new ImageSize(5, 3));
        assertThat(ImageHeaders.readWithImageIo(source, "topdown.bmp")).isEqualTo(new ImageSize(5, 3));
    }

    @Test
    void pngAndBmpFromBytes_agreeWithTheStreamPath_andNeedTheWholeHeader() throws Exception {
        ImageIO.write(
                new BufferedImage(11, 6, BufferedImage.TYPE_INT_RGB),
                "png",
                dir.resolve("a.png").toFile());
        ImageIO.write(
                new BufferedImage(13, 4, BufferedImage.TYPE_INT_RGB),
                "bmp",
                dir.resolve("a.bmp").toFile());
        ImageIO.write(
                new BufferedImage(7, 9, BufferedImage.TYPE_INT_RGB),
                "gif",
                dir.resolve("a.gif").toFile());
        byte[] png = Files.readAllBytes(dir.resolve("a.png"));
        byte[] bmp = Files.readAllBytes(dir.resolve("a.bmp"));
        byte[] gif = Files.readAllBytes(dir.resolve("a.gif"));

        assertThat(HeaderParsers.tryReadPngOrBmp(png, png.length)).isEqualTo(new ImageSize(11, 6));
        assertThat(HeaderParsers.tryReadPngOrBmp(bmp, bmp.length)).isEqualTo(new ImageSize(13, 4));
        assertThat(HeaderParsers.tryReadPngOrBmp(png, 24)).isEqualTo(new ImageSize(11, 6));
        assertThat(HeaderParsers.tryReadPngOrBmp(png, 23)).isNull();
        assertThat(HeaderParsers.tryReadPngOrBmp(bmp, 25)).isNull();
        assertThat(HeaderParsers.tryReadPngOrBmp(gif, gif.length)).isNull();
        byte[] zeroWidth = png.clone();
        Arrays.fill(zeroWidth, 16, 20, (byte) 0);
        assertThat(HeaderParsers.tryReadPngOrBmp(zeroWidth, zeroWidth.length)).isNull();
        // A BMP with the 12-byte core header keeps 16-bit sizes.
        ByteBuffer core = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
        core.put((byte) 'B')
                .put((byte) 'M')
                .putInt(26)
                .putInt(0)
                .putInt(26)
                .putInt(12)
                .putShort((short) 300)
                .putShort((short) 2);
        assertThat(HeaderParsers.tryReadPngOrBmp(core.array(), 26)).isEqualTo(new ImageSize(300, 2));
    }

    @Test
    void otherFormats_areLeftToImageIo() throws Exception {
        ImageIO.write(
                new BufferedImage(7, 9, BufferedImage.TYPE_INT_RGB),
                "gif",
                dir.resolve("a.gif").toFile());
        LocalDatasource source = LocalDatasource.at(dir);

        try (ChannelImageInputStream in = new ChannelImageInputStream(source.openSeekable("a.gif"))) {
            assertThat(HeaderParsers.tryRead(in)).isNull();
        }
        assertThat(ImageHeaders.read(source, "a.gif")).isEqualTo(new ImageSize(7, 9));
    }
}
