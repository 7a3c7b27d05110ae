package dev.winnow.convert.yolo;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YoloConverterTest {
    @TempDir
    Path dir;

    @Test
    void realImages_sizesFromHeaders() throws Exception {
        Path images = dir.resolve("images");
        Path labels = dir.resolve("labels");
        SampleMedia.copy("street/home.jpg", images.resolve("street/home.jpg"));       // 512x384
        SampleMedia.copy("street/building.jpg", images.resolve("street/building.jpg")); // 868x600
        SampleMedia.copy("pic3.png", images.resolve("pic3.png"));                     // 400x300
        Files.createDirectories(labels.resolve("street"));
        Files.writeString(labels.resolve("street/home.txt"), "0 0.5 0.5 0.25 0.5\n1 0.0625 0.125 0.25 0.125 0.75\n");
        Files.writeString(labels.resolve("pic3.txt"), "2 0.5 0.5 1 1\n\n5 0.5 0.5 0.1 0.1\n1 0.5 0.5 0.1\n0 640 0.5 0.1 0.1\n");
        Files.writeString(labels.resolve("orphan.txt"), "0 0.5 0.5 0.1 0.1\n");
        Path classes = dir.resolve("data.yaml");
        Files.writeString(classes, "names: [person, car, tree]\n");
        Path out = dir.resolve("out");

        ConversionReport report = YoloConverter.convert(new YoloOptions(LocalDatasource.at(labels), LocalDatasource.at(images),
                classes, 1.0), PredictionsFolder.open(LocalDatasource.create(out), "yolo", false));

        Path task = out.resolve(".lightly/predictions/yolo");
        assertThat(Files.readString(task.resolve("street/home.json"))).isEqualTo("{\"file_name\":\"street/home.jpg\",\"predictions\":["
                + "{\"category_id\":0,\"bbox\":[192,96,128,192],\"score\":1},"
                + "{\"category_id\":1,\"bbox\":[0,24,96,48],\"score\":0.75}]}\n");
        assertThat(Files.readString(task.resolve("pic3.json"))).isEqualTo("{\"file_name\":\"pic3.png\",\"predictions\":["
                + "{\"category_id\":2,\"bbox\":[0,0,400,300],\"score\":1}]}\n");
        assertThat(Files.readString(task.resolve("street/building.json")))
                .isEqualTo("{\"file_name\":\"street/building.jpg\",\"predictions\":[]}\n");
        assertThat(Files.readString(task.resolve("schema.json"))).isEqualTo("{\"task_type\":\"object-detection\",\"categories\":["
                + "{\"id\":0,\"name\":\"person\"},{\"id\":1,\"name\":\"car\"},{\"id\":2,\"name\":\"tree\"}]}\n");
        assertThat(report.predictionFiles()).isEqualTo(3);
        assertThat(report.singletons()).isEqualTo(3);
        assertThat(report.diagnostics()).containsExactlyInAnyOrder(
                Diagnostic.warning("C203", "orphan.txt", "", "The label file has no image of the same name in " + images
                        + "; it is ignored."),
                Diagnostic.error("C202", "pic3.txt", "", "Line 3 has class 5, but the classes file names 3 classes (0 to 2)."
                        + " The line is skipped.").at(3, 1),
                Diagnostic.error("C201", "pic3.txt", "", "Line 4 has 4 values; expected 'class x_center y_center width height"
                        + " [confidence]'. The line is skipped.").at(4, 1),
                Diagnostic.error("C201", "pic3.txt", "", "Line 5 has the value 640 for x_center; YOLO values are fractions from"
                        + " 0 to 1 of the image size. The line is skipped.").at(5, 1));
        assertThat(FolderChecks.errors(out, "yolo", Map.of("street/home.jpg", new int[] {512, 384},
                "street/building.jpg", new int[] {868, 600}, "pic3.png", new int[] {400, 300}))).isEmpty();
    }

    @Test
    void unreadableImage_reportedAndSkipped() throws Exception {
        Path images = dir.resolve("images");
        Path labels = dir.resolve("labels");
        Files.createDirectories(images);
        Files.createDirectories(labels);
        Files.writeString(images.resolve("broken.jpg"), "not a jpeg");
        Path classes = dir.resolve("classes.txt");
        Files.writeString(classes, "a\n");
        ConversionReport report = YoloConverter.convert(new YoloOptions(LocalDatasource.at(labels), LocalDatasource.at(images),
                classes, 1.0), PredictionsFolder.open(LocalDatasource.create(dir.resolve("out")), "y", false));
        assertThat(report.predictionFiles()).isZero();
        assertThat(report.diagnostics()).extracting(Diagnostic::code, Diagnostic::file).containsExactly(
                org.assertj.core.groups.Tuple.tuple("C204", "broken.jpg"));
        assertThat(report.diagnostics().get(0).message()).endsWith(" It gets no prediction file.");
    }
}
