package dev.winnow.convert.masks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.convert.ConversionReport;
import dev.winnow.convert.FolderChecks;
import dev.winnow.convert.PredictionsFolder;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.format.Diagnostic;
import dev.winnow.testsupport.SampleMedia;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasksConverterTest {
    @TempDir
    Path dir;

    // 4x3 label map:
    // 0 0 2 2
    // 0 2 2 2
    // 5 5 5 2
    private static final int[] LABELS = {0, 0, 2, 2, 0, 2, 2, 2, 5, 5, 5, 2};

    private void grey(Path file) throws Exception {
        BufferedImage img = new BufferedImage(4, 3, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSamples(0, 0, 4, 3, 0, LABELS);
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    private void indexed(Path file) throws Exception {
        byte[] r = new byte[8];
        byte[] g = new byte[8];
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            r[i] = (byte) (200 - 20 * i); // colours that are not the indices
            g[i] = (byte) (10 * i);
            b[i] = (byte) 77;
        }
        BufferedImage img =
                new BufferedImage(4, 3, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(3, 8, r, g, b));
        img.getRaster().setSamples(0, 0, 4, 3, 0, LABELS);
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    private static final String EXPECTED = "\"predictions\":["
            + "{\"category_id\":0,\"segmentation\":[0,2,2,1,7],\"score\":1},"
            + "{\"category_id\":2,\"segmentation\":[2,2,1,3,3,1],\"score\":1},"
            + "{\"category_id\":5,\"segmentation\":[8,3,1],\"score\":1}]}\n";

    @Test
    void greyAndPaletteMasks_indicesAreClasses() throws Exception {
        Path masks = dir.resolve("masks");
        grey(masks.resolve("a/grey.png"));
        indexed(masks.resolve("indexed.png"));
        Path out = dir.resolve("out");
        ConversionReport report = MasksConverter.convert(
                new MasksConverter.Options(LocalDatasource.at(masks), Optional.empty(), Optional.empty()),
                PredictionsFolder.open(LocalDatasource.create(out), "sem", false));
        Path task = out.resolve(".lightly/predictions/sem");
        assertThat(Files.readString(task.resolve("a/grey.json")))
                .isEqualTo("{\"file_name\":\"a/grey.png\"," + EXPECTED);
        assertThat(Files.readString(task.resolve("indexed.json")))
                .isEqualTo("{\"file_name\":\"indexed.png\"," + EXPECTED);
        assertThat(Files.readString(task.resolve("schema.json")))
                .isEqualTo("{\"task_type\":\"semantic-segmentation\",\"categories\":["
                        + "{\"id\":0,\"name\":\"class_0\"},{\"id\":2,\"name\":\"class_2\"},"
                        + "{\"id\":5,\"name\":\"class_5\"}]}\n");
        assertThat(report.diagnostics()).isEmpty();
        assertThat(FolderChecks.errors(
                        out, "sem", Map.of("a/grey.png", new int[] {4, 3}, "indexed.png", new int[] {4, 3})))
                .isEmpty();
    }

    @Test
    void colourMasks_throughPalette_andImagesMatchedBySize() throws Exception {
        Path masks = dir.resolve("masks");
        Path images = dir.resolve("images");
        BufferedImage rgb = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        int[] colours = {0x000000, 0, 0xFF0000, 0, 0, 0x00FF00};
        for (int i = 0; i < LABELS.length; i++) {
            rgb.setRGB(i % 4, i / 4, colours[LABELS[i]]);
        }
        Files.createDirectories(masks.resolve("street"));
        ImageIO.write(rgb, "png", masks.resolve("street/x.png").toFile());
        ImageIO.write(
                new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB),
                "jpg",
                Files.createDirectories(images.resolve("street"))
                        .resolve("x.jpg")
                        .toFile());
        SampleMedia.copy("street/home.jpg", images.resolve("street/home.jpg"));
        grey(masks.resolve("street/home.png"));
        grey(masks.resolve("lonely.png"));
        Path palette = dir.resolve("palette.txt");
        Files.writeString(palette, "# id name r g b\n0 background 0 0 0\n2 road 255 0 0\n5 car 0 255 0\n");
        Path out = dir.resolve("out");
        ConversionReport report = MasksConverter.convert(
                new MasksConverter.Options(
                        LocalDatasource.at(masks), Optional.of(palette), Optional.of(LocalDatasource.at(images))),
                PredictionsFolder.open(LocalDatasource.create(out), "sem", false));
        assertThat(Files.readString(out.resolve(".lightly/predictions/sem/street/x.json")))
                .isEqualTo("{\"file_name\":\"street/x.jpg\"," + EXPECTED);
        assertThat(report.diagnostics())
                .containsExactlyInAnyOrder(
                        Diagnostic.warning(
                                "C403",
                                "lonely.png",
                                "",
                                "The mask has no image of the same name in " + images + "; it is ignored."),
                        Diagnostic.error(
                                "C402",
                                "street/home.png",
                                "",
                                "The mask is 4x3 pixels, but its image 'street/home.jpg' is 512x384;"
                                        + " it is skipped."));
        assertThat(Files.readString(out.resolve(".lightly/predictions/sem/schema.json")))
                .isEqualTo("{\"task_type\":"
                        + "\"semantic-segmentation\",\"categories\":[{\"id\":0,\"name\":\"background\"},"
                        + "{\"id\":2,\"name\":\"road\"},"
                        + "{\"id\":5,\"name\":\"car\"}]}\n");
    }

    @Test
    void unknownColour_andBadPalette() throws Exception {
        Path masks = dir.resolve("masks");
        BufferedImage rgb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(1, 0, 0x0A0B0C);
        Files.createDirectories(masks);
        ImageIO.write(rgb, "png", masks.resolve("m.png").toFile());
        Path palette = dir.resolve("palette.txt");
        Files.writeString(palette, "0 bg 0 0 0\n");
        ConversionReport report = MasksConverter.convert(
                new MasksConverter.Options(LocalDatasource.at(masks), Optional.of(palette), Optional.empty()),
                PredictionsFolder.open(LocalDatasource.create(dir.resolve("out")), "sem", false));
        assertThat(report.diagnostics())
                .containsExactly(Diagnostic.error(
                        "C404",
                        "m.png",
                        "",
                        "The pixel at x=1, y=0 has the"
                                + " colour (10, 11, 12), which the palette file does not map to "
                                + "a class; the mask is skipped."));
        Files.writeString(palette, "0 bg 0 0 0\n1 car\n");
        assertThatThrownBy(() -> MaskPalette.read(palette))
                .hasMessage("The palette file " + palette + " gives colours to some"
                        + " classes but not to all; give every class a colour (colour masks) or none (index masks).");
        Files.writeString(palette, "0 bg 0 300 0\n");
        assertThatThrownBy(() -> MaskPalette.read(palette))
                .hasMessage("Line 1 of the palette file " + palette
                        + " has the green '300'; expected a whole number from 0 to 255.");
    }

    /** A VOC-style palette PNG: classes 0 and 2 with the void value 255 on the border between them. */
    private void vocStyle(Path file) throws Exception {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        r[2] = (byte) 128;
        r[255] = (byte) 224;
        g[255] = (byte) 224;
        b[255] = (byte) 192;
        BufferedImage img =
                new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 256, r, g, b));
        img.getRaster().setSamples(0, 0, 4, 2, 0, new int[] {0, 255, 2, 2, 0, 0, 255, 2});
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    private ConversionReport convertVoc(Path masks, Optional<Path> palette, OptionalInt ignore, String task)
            throws Exception {
        return MasksConverter.convert(
                new MasksConverter.Options(LocalDatasource.at(masks), palette, Optional.empty(), ignore),
                PredictionsFolder.open(LocalDatasource.create(dir.resolve("out")), task, false));
    }

    @Test
    void vocVoid_ignoredByDefault_keptWithNone() throws Exception {
        Path masks = dir.resolve("masks");
        vocStyle(masks.resolve("2007_000032.png"));
        Path task = dir.resolve("out/.lightly/predictions");
        MasksConverter.convert(
                new MasksConverter.Options(LocalDatasource.at(masks), Optional.empty(), Optional.empty()),
                PredictionsFolder.open(LocalDatasource.create(dir.resolve("out")), "voc", false));
        assertThat(Files.readString(task.resolve("voc/2007_000032.json")))
                .isEqualTo("{\"file_name\":\"2007_000032.png\","
                        + "\"predictions\":[{\"category_id\":0,\"segmentation\":[0,1,3,2,2],\"score\":1},"
                        + "{\"category_id\":2,\"segmentation\":[2,2,3,1],\"score\":1}]}\n");
        assertThat(Files.readString(task.resolve("voc/schema.json")))
                .isEqualTo("{\"task_type\":\"semantic-segmentation\","
                        + "\"categories\":[{\"id\":0,\"name\":\"class_0\"},{\"id\":2,\"name\":\"class_2\"}]}\n");

        convertVoc(masks, Optional.empty(), OptionalInt.empty(), "all");
        assertThat(Files.readString(task.resolve("all/schema.json")))
                .endsWith("{\"id\":255,\"name\":\"class_255\"}]}\n");
        assertThat(Files.readString(task.resolve("all/2007_000032.json")))
                .contains("{\"category_id\":255,\"segmentation\":[1,1,4,1,1],\"score\":1}");
    }

    @Test
    void classIdToNameMapping_asPalette_andTheIgnoredIndexNamed() throws Exception {
        Path masks = dir.resolve("masks");
        vocStyle(masks.resolve("m.png"));
        Path names = dir.resolve("class_id_to_name.json");
        Files.writeString(names, "{\"0\": \"background\", \"1\": \"aeroplane\", \"2\": \"bicycle\"}");
        assertThat(convertVoc(masks, Optional.of(names), OptionalInt.of(255), "named")
                        .diagnostics())
                .isEmpty();
        assertThat(Files.readString(dir.resolve("out/.lightly/predictions/named/schema.json")))
                .isEqualTo("{\"task_type\":"
                        + "\"semantic-segmentation\",\"categories\":[{\"id\":0,\"name\":\"background\"},"
                        + "{\"id\":1,\"name\":\"aeroplane\"},"
                        + "{\"id\":2,\"name\":\"bicycle\"}]}\n");
        Path withVoid = dir.resolve("with-void.json");
        Files.writeString(withVoid, "{\"0\": \"background\", \"2\": \"bicycle\", \"255\": \"void\"}");
        assertThatThrownBy(() -> convertVoc(masks, Optional.of(withVoid), OptionalInt.of(255), "void"))
                .hasMessage("The palette file " + withVoid
                        + " names class 255, whose pixels are ignored (--ignore-index 255);"
                        + " pass --ignore-index none to keep it as a class, or leave it out of the palette.");
        Path names2 = dir.resolve("names.json");
        Files.writeString(names2, "[\"background\", \"bicycle\"]");
        assertThatThrownBy(() -> MaskPalette.read(names2))
                .hasMessage("Entry 0 of the categories file " + names2
                        + " is \"background\", but a list must hold objects with an \"id\" (a whole "
                        + "number from 0) and a \"name\"; expected"
                        + " lines '<id> <name>' or '<id> <name> <r> <g> <b>', the format's schema.json, a JSON list"
                        + " [{\"id\": 0, \"name\": \"road\"}, ...] or a JSON mapping {\"0\": \"road\", ...}.");
    }
}
