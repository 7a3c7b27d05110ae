package dev.winnow.convert.voc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.convert.ConversionReport;
import dev.winnow.convert.FolderChecks;
import dev.winnow.convert.PredictionsFolder;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.format.Diagnostic;
import dev.winnow.testsupport.SampleMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocConverterTest {
    @TempDir
    Path dir;

    private static String voc(String fileName, String size, String... objects) {
        return "<annotation><folder>VOC</folder><filename>" + fileName + "</filename>" + size + String.join("", objects)
                + "</annotation>";
    }

    private static String object(String name, int xmin, int ymin, int xmax, int ymax) {
        return "<object><name>" + name + "</name><difficult>0</difficult><bndbox><xmin>" + xmin + "</xmin><ymin>" + ymin
                + "</ymin><xmax>" + xmax + "</xmax><ymax>" + ymax + "</ymax></bndbox></object>";
    }

    private static final String DOCTYPE_REFUSED =
            "The file declares a document type (<!DOCTYPE>); VOC files need none, and"
                    + " its entities could read other files or expand without bound, so it is not read.";

    @Test
    void externalEntities_billionLaughs_andBrokenXml_areCodedDiagnostics() throws Exception {
        Path xml = dir.resolve("xml");
        Files.createDirectories(xml);
        Files.writeString(
                xml.resolve("laughs.xml"),
                "<?xml version=\"1.0\"?>\n<!-- lol -->\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                        + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                        + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                        + "<annotation><filename>&lol3;</filename></annotation>");
        Files.writeString(
                xml.resolve("param.xml"),
                "<!doctype annotation [<!ENTITY % ext SYSTEM \"http://127.0.0.1:9/x.dtd\"> %ext;]>"
                        + "<annotation><filename>p.jpg</filename></annotation>");
        Files.writeString(xml.resolve("undeclared.xml"), "<annotation>\n<filename>&x;</filename></annotation>");
        Files.writeString(
                xml.resolve("ok.xml"),
                "<?xml version=\"1.0\"?><!-- <!DOCTYPE in a comment is harmless -->"
                        + voc("ok.jpg", "<size><width>4</width><height>4</height></size>", object("cat", 1, 1, 2, 2)));
        Path out = dir.resolve("out");
        ConversionReport report = VocConverter.convert(
                new VocOptions(LocalDatasource.at(xml), Optional.empty(), Optional.empty(), 1),
                PredictionsFolder.open(LocalDatasource.create(out), "voc", false));
        assertThat(report.diagnostics())
                .extracting(d -> d.code() + " " + d.file() + ": " + d.message())
                .containsExactlyInAnyOrder(
                        "C305 laughs.xml: " + DOCTYPE_REFUSED,
                        "C305 param.xml: " + DOCTYPE_REFUSED,
                        "C301 undeclared.xml: The file is not well-formed XML (line 2, column 14). The "
                                + "file is skipped.");
        assertThat(Files.readString(out.resolve(".lightly/predictions/voc/ok.json")))
                .isEqualTo("{\"file_name\":\"ok.jpg\",\"predictions\":[{\"category_id\":0,\"bbox\":[0,0,2,"
                        + "2],\"score\":1}]}\n");
    }

    @Test
    void sortedCategoryIds_oneBasedInclusiveCorners() throws Exception {
        Path xml = dir.resolve("xml");
        Files.createDirectories(xml.resolve("2008"));
        Files.writeString(
                xml.resolve("2008/a.xml"),
                voc(
                        "a.jpg",
                        "<size><width>100</width><height>50</height><depth>3</depth></size>",
                        object("person", 1, 1, 10, 20),
                        object("car", 50, 40, 120, 50)));
        Files.writeString(xml.resolve("b.xml"), voc("b.png", "<size><width>10</width><height>10</height></size>"));
        Files.writeString(
                xml.resolve("evil.xml"),
                "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<annotation><filename>&x;</filename></annotation>");
        Files.writeString(xml.resolve("nosize.xml"), voc("n.jpg", "", object("dog", 1, 1, 2, 2)));
        Path out = dir.resolve("out");
        ConversionReport report = VocConverter.convert(
                new VocOptions(LocalDatasource.at(xml), Optional.empty(), Optional.empty(), 1),
                PredictionsFolder.open(LocalDatasource.create(out), "voc", false));
        Path task = out.resolve(".lightly/predictions/voc");
        // Ids in sorted name order: car 0, dog 1, person 2. The car's xmax 120 is clipped to the width 100.
        assertThat(Files.readString(task.resolve("schema.json")))
                .isEqualTo("{\"task_type\":\"object-detection\",\"categories\":["
                        + "{\"id\":0,\"name\":\"car\"},{\"id\":1,\"name\":\"dog\"},{\"id\":2,\"name\":\"person\"}]}\n");
        assertThat(Files.readString(task.resolve("2008/a.json")))
                .isEqualTo("{\"file_name\":\"2008/a.jpg\",\"predictions\":["
                        + "{\"category_id\":2,\"bbox\":[0,0,10,20],\"score\":1},"
                        + "{\"category_id\":0,\"bbox\":[49,39,51,11],\"score\":1}]}\n");
        assertThat(Files.readString(task.resolve("b.json")))
                .isEqualTo("{\"file_name\":\"b.png\",\"predictions\":[]}\n");
        assertThat(Files.exists(task.resolve("n.json"))).isFalse();
        assertThat(report.diagnostics())
                .extracting(d -> d.code() + " " + d.file() + ": " + d.message())
                .containsExactlyInAnyOrder(
                        "C305 evil.xml: " + DOCTYPE_REFUSED,
                        "C302 nosize.xml: The file has no <size> with a width and height, and no "
                                + "--images were given to read them from; the file is skipped.");
        assertThat(FolderChecks.errors(
                        out, "voc", Map.of("2008/a.jpg", new int[] {100, 50}, "b.png", new int[] {10, 10})))
                .isEmpty();
    }

    @Test
    void categoriesFile_andSizesFromRealImages() throws Exception {
        Path xml = dir.resolve("xml");
        Path images = dir.resolve("images");
        SampleMedia.copy("street/home.jpg", images.resolve("street/home.jpg")); // 512x384
        Files.createDirectories(xml.resolve("street"));
        // The XML's size is wrong on purpose: the header's 512x384 wins, so the box is clipped at 512.
        Files.writeString(
                xml.resolve("street/home.xml"),
                voc(
                        "home.jpg",
                        "<size><width>1000</width><height>1000</height></size>",
                        object("window", 501, 11, 600, 30),
                        object("cat", 1, 1, 5, 5)));
        Path categories = dir.resolve("classes.txt");
        Files.writeString(categories, "door\nwindow\n");
        Path out = dir.resolve("out");
        ConversionReport report = VocConverter.convert(
                new VocOptions(
                        LocalDatasource.at(xml), Optional.of(categories), Optional.of(LocalDatasource.at(images)), 0.5),
                PredictionsFolder.open(LocalDatasource.create(out), "voc", false));
        assertThat(Files.readString(out.resolve(".lightly/predictions/voc/street/home.json")))
                .isEqualTo("{\"file_name\":\"street/home.jpg\",\"predictions\":["
                        + "{\"category_id\":1,\"bbox\":[500,10,12,20],\"score\":0.5}]}\n");
        assertThat(report.diagnostics())
                .containsExactly(Diagnostic.error(
                        "C304",
                        "street/home.xml",
                        "",
                        "Object 1 is a 'cat', which the categories file does not name; the object is skipped."));
        assertThat(FolderChecks.errors(out, "voc", Map.of("street/home.jpg", new int[] {512, 384})))
                .isEmpty();
    }
}
