package dev.winnow.convert.probmaps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.convert.ConversionReport;
import dev.winnow.convert.FolderChecks;
import dev.winnow.convert.PredictionsFolder;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.format.Diagnostic;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbabilityMapsConverterTest {
    @TempDir
    Path dir;

    /** Writes a .npy file the way NumPy does: magic, version 1.0, padded header dict, raw values. */
    static void npy(Path file, String descr, boolean fortran, int[] shape, byte[] data) throws Exception {
        String shapeText = Arrays.stream(shape)
                        .mapToObj(Integer::toString)
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("")
                + (shape.length == 1 ? "," : "");
        StringBuilder header = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': "
                + (fortran ? "True" : "False") + ", 'shape': (" + shapeText + "), }");
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8);
        out.write(header.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(data);
        Files.createDirectories(file.getParent());
        Files.write(file, out.toByteArray());
    }

    static byte[] f4(float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    /** float16 bits of values that binary16 holds exactly (0, 1 and powers of two down to 2^-14, and their sums). */
    static byte[] f2(float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            int bits = Float.floatToIntBits(v);
            int exp = ((bits >>> 23) & 0xff);
            short h = v == 0 ? 0 : (short) (((bits >>> 16) & 0x8000) | ((exp - 112) << 10) | ((bits >>> 13) & 0x3ff));
            b.putShort(h);
        }
        return b.array();
    }

    // C x H x W = 3 x 2 x 2, C order. Labels: 0 1 / 2 0.
    static final float[] CHW = {
        0.5f, 0.25f, 0.125f, 0.75f, // class 0
        0.25f, 0.5f, 0.125f, 0.125f, // class 1
        0.25f, 0.25f, 0.75f, 0.125f
    }; // class 2

    private Path categories() throws Exception {
        Path file = dir.resolve("classes.txt");
        Files.writeString(file, "bg\nroad\ncar\n");
        return file;
    }

    private ConversionReport convert(Path maps, Optional<Path> images, boolean channelsLast, String task)
            throws Exception {
        return convert(maps, images, channelsLast, task, categories());
    }

    private ConversionReport convert(
            Path maps, Optional<Path> images, boolean channelsLast, String task, Path categories) throws Exception {
        return ProbabilityMapsConverter.convert(
                new ProbabilityMapsConverter.Options(
                        LocalDatasource.at(maps),
                        images.map(p -> {
                            try {
                                return (Datasource) LocalDatasource.at(p);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }),
                        categories,
                        channelsLast,
                        ProbabilityMaps.Aggregation.MEDIAN,
                        false),
                PredictionsFolder.open(LocalDatasource.create(dir.resolve("out")), task, false));
    }

    private static final String EXPECTED = "\"predictions\":["
            + "{\"category_id\":0,\"segmentation\":[0,1,2,1],\"score\":0.625,\"probabilities\":[0.625,0.1875,0.1875]},"
            + "{\"category_id\":1,\"segmentation\":[1,1,2],\"score\":0.5,\"probabilities\":[0.25,0.5,0.25]},"
            + "{\"category_id\":2,\"segmentation\":[2,1,1],\"score\":0.75,\"probabilities\":[0.125,0.125,0.75]}]}\n";

    @Test
    void float32ChannelsFirst_float16ChannelsLast_fortranOrder_allAgree() throws Exception {
        Path maps = dir.resolve("maps");
        npy(maps.resolve("a/chw.npy"), "<f4", false, new int[] {3, 2, 2}, f4(CHW));
        float[] hwc = new float[12];
        float[] fortran = new float[12];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 2; x++) {
                    float v = CHW[c * 4 + y * 2 + x];
                    hwc[(y * 2 + x) * 3 + c] = v;
                    fortran[c + 3 * (y + 2 * x)] = v;
                }
            }
        }
        npy(maps.resolve("b/hwc16.npy"), "<f2", false, new int[] {2, 2, 3}, f2(hwc));
        Path out = dir.resolve("out");
        ConversionReport report = convert(maps, Optional.empty(), false, "pm");
        // The channels-last file has shape (2, 2, 3): read as C x H x W it has 2 classes, which is refused.
        assertThat(report.diagnostics())
                .containsExactly(Diagnostic.error(
                        "C601",
                        "b/hwc16.npy",
                        "",
                        "The array has shape (2, 2, 3), so 2 classes (first dimension), but the "
                                + "categories file names 3. The map is skipped."));
        assertThat(Files.readString(out.resolve(".lightly/predictions/pm/a/chw.json")))
                .isEqualTo("{\"file_name\":\"a/chw.png\"," + EXPECTED);

        Path maps2 = dir.resolve("maps2");
        npy(maps2.resolve("b/hwc16.npy"), "<f2", false, new int[] {2, 2, 3}, f2(hwc));
        npy(maps2.resolve("c/fortran.npy"), "<f4", true, new int[] {2, 2, 3}, f4(hwcFortran(hwc)));
        ConversionReport last = convert(maps2, Optional.empty(), true, "pm2");
        assertThat(last.diagnostics()).isEmpty();
        assertThat(Files.readString(out.resolve(".lightly/predictions/pm2/b/hwc16.json")))
                .isEqualTo("{\"file_name\":\"b/hwc16.png\"," + EXPECTED);
        assertThat(Files.readString(out.resolve(".lightly/predictions/pm2/c/fortran.json")))
                .isEqualTo("{\"file_name\":\"c/fortran.png\"," + EXPECTED);
        assertThat(FolderChecks.errors(
                        out, "pm2", Map.of("b/hwc16.png", new int[] {2, 2}, "c/fortran.png", new int[] {2, 2})))
                .isEmpty();
    }

    /** H x W x C values laid out first index fastest. */
    private static float[] hwcFortran(float[] hwc) {
        float[] f = new float[12];
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 2; x++) {
                for (int c = 0; c < 3; c++) {
                    f[y + 2 * (x + 2 * c)] = hwc[(y * 2 + x) * 3 + c];
                }
            }
        }
        return f;
    }

    @Test
    void badFiles_andSizeAgainstImageHeader() throws Exception {
        Path maps = dir.resolve("maps");
        Path images = dir.resolve("images");
        Files.createDirectories(images);
        ImageIO.write(
                new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB),
                "png",
                images.resolve("ok.png").toFile());
        ImageIO.write(
                new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB),
                "jpg",
                images.resolve("wide.jpg").toFile());
        ImageIO.write(
                new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB),
                "png",
                images.resolve("f8.png").toFile());
        ImageIO.write(
                new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB),
                "png",
                images.resolve("short.png").toFile());
        ImageIO.write(
                new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB),
                "png",
                images.resolve("flat.png").toFile());
        npy(maps.resolve("ok.npy"), "<f4", false, new int[] {3, 2, 2}, f4(CHW));
        npy(maps.resolve("wide.npy"), "<f4", false, new int[] {3, 2, 2}, f4(CHW));
        npy(maps.resolve("f8.npy"), "<f8", false, new int[] {3, 2, 2}, new byte[96]);
        npy(maps.resolve("short.npy"), "<f4", false, new int[] {3, 2, 2}, new byte[40]);
        npy(maps.resolve("flat.npy"), "<f4", false, new int[] {2, 6}, f4(CHW));
        npy(maps.resolve("nomatch.npy"), "<f4", false, new int[] {3, 2, 2}, f4(CHW));
        // Headers promising far more than the file has: one whose byte count would overflow a long.
        ImageIO.write(
                new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB),
                "png",
                images.resolve("huge.png").toFile());
        ImageIO.write(
                new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB),
                "png",
                images.resolve("vast.png").toFile());
        npy(maps.resolve("huge.npy"), "<f4", false, new int[] {3, 100_000, 100_000}, f4(CHW));
        npy(
                maps.resolve("vast.npy"),
                "<f2",
                false,
                new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE},
                f4(CHW));
        ConversionReport report = convert(maps, Optional.of(images), false, "pm");
        assertThat(report.predictionFiles()).isEqualTo(1);
        assertThat(report.diagnostics())
                .extracting(d -> d.file() + ": " + d.message())
                .containsExactlyInAnyOrder(
                        "nomatch.npy: The map has no image of the same name in " + images + "; it is ignored.",
                        "wide.npy: The map is 2x2 pixels (W x H), but the image 'wide.jpg' is 3x2. The map is skipped.",
                        "f8.npy: The array's dtype is '<f8'; probability maps must be float32 ('<f4') "
                                + "or float16 ('<f2'). The map is skipped.",
                        "short.npy: The file is truncated: its header declares shape (3, 2, 2) of <f4, "
                                + "48 bytes of data, but only 40 bytes follow the header. The map is skipped.",
                        "flat.npy: The array has shape (2, 6); a probability map has 3 dimensions, C x "
                                + "H x W (or H x W x C with --channels-last). The map is skipped.",
                        "huge.npy: The file is truncated: its header declares shape (3, 100000, "
                                + "100000) of <f4, 120000000000 bytes"
                                + " of data, but only 48 bytes follow the header. The map is skipped.",
                        "vast.npy: The file is truncated: its header declares shape (2147483647, "
                                + "2147483647, 2147483647) of <f2, more"
                                + " bytes of data than any file holds, but only 48 bytes follow the "
                                + "header. The map is skipped.");
        assertThat(FolderChecks.errors(dir.resolve("out"), "pm", Map.of("ok.png", new int[] {2, 2})))
                .isEmpty();
    }

    @Test
    void categoriesAsJsonListOrMapping_idsKept() throws Exception {
        Path maps = dir.resolve("maps");
        npy(maps.resolve("a.npy"), "<f4", false, new int[] {3, 2, 2}, f4(CHW));
        Path list = dir.resolve("cats.json");
        Files.writeString(
                list,
                "[{\"id\": 7, \"name\": \"car\"}, {\"id\": 0, \"name\": \"bg\"}, {\"id\": 4, \"name\": \"road\"}]");
        assertThat(convert(maps, Optional.empty(), false, "list", list).diagnostics())
                .isEmpty();
        Path mapping = dir.resolve("class_id_to_name.json");
        Files.writeString(mapping, "{\"0\": \"bg\", \"4\": \"road\", \"7\": \"car\"}");
        assertThat(convert(maps, Optional.empty(), false, "mapping", mapping).diagnostics())
                .isEmpty();
        // Channels 0, 1, 2 are the categories in id order: 0, 4, 7.
        String expected = "{\"file_name\":\"a.png\","
                + EXPECTED.replace("\"category_id\":1", "\"category_id\":4")
                        .replace("\"category_id\":2", "\"category_id\":7");
        Path out = dir.resolve("out/.lightly/predictions");
        assertThat(Files.readString(out.resolve("list/a.json"))).isEqualTo(expected);
        assertThat(Files.readString(out.resolve("mapping/a.json"))).isEqualTo(expected);
        assertThat(Files.readString(out.resolve("list/schema.json")))
                .isEqualTo(Files.readString(out.resolve("mapping/schema.json")))
                .contains("{\"id\":4,\"name\":\"road\"}");
    }

    @Test
    void halfFloats() {
        assertThat(NpyArray.halfToFloat((short) 0x3C00)).isEqualTo(1.0f);
        assertThat(NpyArray.halfToFloat((short) 0x3800)).isEqualTo(0.5f);
        assertThat(NpyArray.halfToFloat((short) 0xC000)).isEqualTo(-2.0f);
        assertThat(NpyArray.halfToFloat((short) 0x0001)).isEqualTo(0x1p-24f);
        assertThat(NpyArray.halfToFloat((short) 0x7C00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(NpyArray.halfToFloat((short) 0x3555)).isEqualTo(0.333251953125f);
    }
}
