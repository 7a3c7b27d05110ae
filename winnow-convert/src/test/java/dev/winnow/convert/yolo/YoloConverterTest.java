package dev.winnow.convert.yolo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.convert.ConversionException;
import dev.winnow.convert.ConversionReport;
import dev.winnow.convert.FolderChecks;
import dev.winnow.convert.PredictionsFolder;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.TaskType;
import dev.winnow.testsupport.SampleMedia;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.assertj.core.groups.Tuple;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YoloConverterTest {
    @TempDir
    Path dir;

    @Test
    void realImages_sizesFromHeaders() throws Exception {
        Path images = dir.resolve("images");
        Path labels = dir.resolve("labels");
        SampleMedia.copy("street/home.jpg", images.resolve("street/home.jpg")); // 512x384
        SampleMedia.copy("street/building.jpg", images.resolve("street/building.jpg")); // 868x600
        SampleMedia.copy("pic3.png", images.resolve("pic3.png")); // 400x300
        Files.createDirectories(labels.resolve("street"));
        Files.writeString(labels.resolve("street/home.txt"), "0 0.5 0.5 0.25 0.5\n1 0.0625 0.125 0.25 0.125 0.75\n");
        Files.writeString(
                labels.resolve("pic3.txt"), "2 0.5 0.5 1 1\n\n5 0.5 0.5 0.1 0.1\n1 0.5 0.5 0.1\n0 640 0.5 0.1 0.1\n");
        Files.writeString(labels.resolve("orphan.txt"), "0 0.5 0.5 0.1 0.1\n");
        Path classes = dir.resolve("data.yaml");
        Files.writeString(classes, "names: [person, car, tree]\n");
        Path out = dir.resolve("out");

        ConversionReport report = YoloConverter.convert(
                new YoloOptions(LocalDatasource.at(labels), LocalDatasource.at(images), classes, 1.0),
                PredictionsFolder.open(LocalDatasource.create(out), "yolo", false));

        Path task = out.resolve(".lightly/predictions/yolo");
        assertThat(Files.readString(task.resolve("street/home.json")))
                .isEqualTo("{\"file_name\":\"street/home.jpg\",\"predictions\":["
                        + "{\"category_id\":0,\"bbox\":[192,96,128,192],\"score\":1},"
                        + "{\"category_id\":1,\"bbox\":[0,24,96,48],\"score\":0.75}]}\n");
        assertThat(Files.readString(task.resolve("pic3.json")))
                .isEqualTo("{\"file_name\":\"pic3.png\",\"predictions\":["
                        + "{\"category_id\":2,\"bbox\":[0,0,400,300],\"score\":1}]}\n");
        assertThat(Files.readString(task.resolve("street/building.json")))
                .isEqualTo("{\"file_name\":\"street/building.jpg\",\"predictions\":[]}\n");
        assertThat(Files.readString(task.resolve("schema.json")))
                .isEqualTo("{\"task_type\":\"object-detection\",\"categories\":["
                        + "{\"id\":0,\"name\":\"person\"},{\"id\":1,\"name\":\"car\"},{\"id\":2,"
                        + "\"name\":\"tree\"}]}\n");
        assertThat(report.predictionFiles()).isEqualTo(3);
        assertThat(report.singletons()).isEqualTo(3);
        assertThat(report.diagnostics())
                .containsExactlyInAnyOrder(
                        Diagnostic.warning(
                                "C203",
                                "orphan.txt",
                                "",
                                "The label file has no image of the same name in " + images + "; it is ignored."),
                        Diagnostic.error(
                                        "C202",
                                        "pic3.txt",
                                        "",
                                        "Line 3 has class 5, but the classes file names 3 classes (0 to 2)."
                                                + " The line is skipped.")
                                .at(3, 1),
                        Diagnostic.error(
                                        "C201",
                                        "pic3.txt",
                                        "",
                                        "Line 4 has 4 values; expected 'class x_center y_center width height"
                                                + " [confidence]'. The line is skipped.")
                                .at(4, 1),
                        Diagnostic.error(
                                        "C201",
                                        "pic3.txt",
                                        "",
                                        "Line 5 has the value 640 for x_center; YOLO values are fractions from"
                                                + " 0 to 1 of the image size. The line is skipped.")
                                .at(5, 1));
        assertThat(FolderChecks.errors(
                        out,
                        "yolo",
                        Map.of(
                                "street/home.jpg",
                                new int[] {512, 384},
                                "street/building.jpg",
                                new int[] {868, 600},
                                "pic3.png",
                                new int[] {400, 300})))
                .isEmpty();
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
        ConversionReport report = YoloConverter.convert(
                new YoloOptions(LocalDatasource.at(labels), LocalDatasource.at(images), classes, 1.0),
                PredictionsFolder.open(LocalDatasource.create(dir.resolve("out")), "y", false));
        assertThat(report.predictionFiles()).isZero();
        assertThat(report.diagnostics())
                .extracting(Diagnostic::code, Diagnostic::file)
                .containsExactly(Tuple.tuple("C204", "broken.jpg"));
        assertThat(report.diagnostics().get(0).message()).endsWith(" It gets no prediction file.");
    }

    private Path png(Path file, int w, int h) throws Exception {
        Files.createDirectories(file.getParent());
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        return file;
    }

    private YoloOptions options(
            Path labels, Path images, Path classes, @Nullable TaskType type, List<String> keypointNames)
            throws Exception {
        return new YoloOptions(
                LocalDatasource.at(labels),
                LocalDatasource.at(images),
                classes,
                1.0,
                Optional.ofNullable(type),
                keypointNames);
    }

    @Test
    void segmentationPolygons_filledAsCocoFillsThem() throws Exception {
        Path images = dir.resolve("images");
        Path labels = dir.resolve("labels");
        for (String name : List.of("a", "b", "c", "d")) {
            png(images.resolve(name + ".png"), 16, 8);
        }
        Files.createDirectories(labels);
        // Pixels (2, 2)-(10, 7), and (12, 4)-(14, 6) with confidence 0.9.
        Files.writeString(
                labels.resolve("a.txt"),
                "0 0.125 0.25 0.625 0.25 0.625 0.875 0.125 0.875\n"
                        + "1 0.75 0.5 0.875 0.5 0.875 0.75 0.75 0.75 0.9\n");
        Files.writeString(labels.resolve("b.txt"), "0 0.5 0.5 0.25 0.25\n");
        Files.writeString(labels.resolve("c.txt"), "0 0.1 0.1 0.5 0.1 0.5 0.5\n\n0 0.1 0.1 0.2 0.2\n");
        Files.writeString(labels.resolve("d.txt"), "0 0.1 0.1 0.5\n");
        Path classes = dir.resolve("classes.txt");
        Files.writeString(classes, "tree\ncar\n");
        Path out = dir.resolve("out");

        YoloOptions options = options(labels, images, classes, TaskType.INSTANCE_SEGMENTATION, List.of());
        assertThat(YoloConverter.survey(options).describe())
                .isEqualTo("Read 4 label files: 1 with boxes (YOLO detection),"
                        + " 2 with polygons (YOLO segmentation), 1 with no readable line; "
                        + "writing an instance-segmentation task.");
        ConversionReport report =
                YoloConverter.convert(options, PredictionsFolder.open(LocalDatasource.create(out), "seg", false));

        Path task = out.resolve(".lightly/predictions/seg");
        // Columns 2..9 and rows 2..6: the centre lines x + 0.5 and y + 0.5 inside the outline (40 pixels); columns 12,
        // 13 of rows 4, 5.
        assertThat(Files.readString(task.resolve("a.json")))
                .isEqualTo("{\"file_name\":\"a.png\",\"predictions\":["
                        + "{\"category_id\":0,\"bbox\":[2,2,8,5],\"segmentation\":[34,8,8,8,8,8,8,8,8,8,"
                        + "22],\"score\":1},"
                        + "{\"category_id\":1,\"bbox\":[12,4,2,2],\"segmentation\":[76,2,14,2,34],\"score\":0.9}]}\n");
        assertThat(Files.readString(task.resolve("d.json")))
                .isEqualTo("{\"file_name\":\"d.png\",\"predictions\":[]}\n");
        assertThat(task.resolve("b.json")).doesNotExist();
        assertThat(task.resolve("c.json")).doesNotExist();
        assertThat(Files.readString(task.resolve("schema.json")))
                .isEqualTo("{\"task_type\":\"instance-segmentation\","
                        + "\"categories\":[{\"id\":0,\"name\":\"tree\"},{\"id\":1,\"name\":\"car\"}]}\n");
        assertThat(report.diagnostics())
                .containsExactlyInAnyOrder(
                        Diagnostic.error(
                                        "C206",
                                        "b.txt",
                                        "",
                                        "The file holds boxes (YOLO detection labels; line 1 has 5 values), but the"
                                                + " task is instance-segmentation; --task-type "
                                                + "object-detection converts them. The file is skipped.")
                                .at(1, 1),
                        Diagnostic.error(
                                        "C205",
                                        "c.txt",
                                        "",
                                        "Line 3 holds boxes (5 values), but line 1 holds polygons; a label file"
                                                + " holds one kind of label. The file is skipped.")
                                .at(3, 1),
                        Diagnostic.error(
                                        "C201",
                                        "d.txt",
                                        "",
                                        "Line 1 has 4 values; expected 'class x1 y1 x2 y2 x3 y3 ... [confidence]'"
                                                + " (a polygon of 3 points or more). The line is skipped.")
                                .at(1, 1));
        assertThat(FolderChecks.errors(out, "seg", Map.of("a.png", new int[] {16, 8}, "d.png", new int[] {16, 8})))
                .isEmpty();

        YoloOptions guessed = options(labels, images, classes, null, List.of());
        assertThatThrownBy(() -> YoloConverter.survey(guessed))
                .isInstanceOf(ConversionException.class)
                .hasMessage("The label files hold boxes (b.txt) and polygons (a.txt); pass --task-type to "
                        + "say which to convert (files of the other kinds are then skipped).");
    }

    @Test
    void poseLabels_keypointsFromKptShape() throws Exception {
        Path images = dir.resolve("images");
        Path labels = dir.resolve("labels");
        png(images.resolve("p.png"), 16, 8);
        png(images.resolve("q.png"), 16, 8);
        Files.createDirectories(labels);
        Files.writeString(
                labels.resolve("p.txt"),
                "0 0.5 0.5 0.5 0.5 0.25 0.25 2 0.75 0.5 0 0.6\n"
                        + "0 0.5 0.5 0.5 0.5 0.25 0.25 3 0.75 0.5 0\n"
                        + "0 0.5 0.5 0.5 0.5 0.25 0.25 0.75 0.5\n");
        Path data = dir.resolve("data.yaml");
        Files.writeString(
                data, "path: ../pose\nkpt_shape: [2, 3]  # two keypoints with visibility\nnames:\n  0: person\n");
        Path out = dir.resolve("out");

        YoloOptions options = options(labels, images, data, null, List.of("head", "tail"));
        YoloConverter.Survey survey = YoloConverter.survey(options);
        assertThat(survey.describe())
                .isEqualTo("Read 1 label file: 1 with keypoints (YOLO pose); writing a keypoint-detection task.");
        ConversionReport report =
                YoloConverter.convert(options, PredictionsFolder.open(LocalDatasource.create(out), "pose", false));

        Path task = out.resolve(".lightly/predictions/pose");
        // The box 8 x 4 around (8, 4); keypoints (4, 2) visible, (12, 4) not labelled; confidence 0.6.
        assertThat(Files.readString(task.resolve("p.json")))
                .isEqualTo("{\"file_name\":\"p.png\",\"predictions\":["
                        + "{\"category_id\":0,\"bbox\":[4,2,8,4],\"keypoints\":[4,2,1,12,4,0],\"score\":0.6}]}\n");
        assertThat(Files.readString(task.resolve("q.json")))
                .isEqualTo("{\"file_name\":\"q.png\",\"predictions\":[]}\n");
        assertThat(Files.readString(task.resolve("schema.json")))
                .isEqualTo("{\"task_type\":\"keypoint-detection\","
                        + "\"categories\":[{\"id\":0,\"name\":\"person\",\"keypoints\":[\"head\",\"tail\"]}]}\n");
        assertThat(report.diagnostics())
                .containsExactly(
                        Diagnostic.error(
                                        "C201",
                                        "p.txt",
                                        "",
                                        "Line 2 has the value 3 for keypoint visibility; a visibility is 0, 1 or 2,"
                                                + " or a confidence from 0 to 1. The line is skipped.")
                                .at(2, 1),
                        Diagnostic.error(
                                        "C201",
                                        "p.txt",
                                        "",
                                        "Line 3 has 9 values; expected 'class x_center y_center width height' followed"
                                                + " by 2 keypoints of 3 values and an optional "
                                                + "confidence (11 or 12 values). The line is skipped.")
                                .at(3, 1));
        assertThat(FolderChecks.errors(out, "pose", Map.of("p.png", new int[] {16, 8}, "q.png", new int[] {16, 8})))
                .isEmpty();

        assertThatThrownBy(() -> YoloConverter.convert(
                        options(labels, images, data, null, List.of("head")),
                        PredictionsFolder.open(LocalDatasource.create(out), "pose2", false)))
                .hasMessage("--keypoint-names names 1 keypoints, but the kpt_shape of " + data + " has 2.");
        Path classes = dir.resolve("classes.txt");
        Files.writeString(classes, "person\n");
        assertThatThrownBy(() -> YoloConverter.convert(
                        options(labels, images, classes, TaskType.KEYPOINT_DETECTION, List.of()),
                        PredictionsFolder.open(LocalDatasource.create(out), "pose3", false)))
                .hasMessage(
                        "A keypoint-detection task needs the number of keypoints: --classes must be the data.yaml with"
                                + " 'kpt_shape: [K, 2]' or 'kpt_shape: [K, 3]'.");
    }

    @Test
    void classesAsJsonMapping_lineClassesAreIds() throws Exception {
        Path images = dir.resolve("images");
        Path labels = dir.resolve("labels");
        png(images.resolve("a.png"), 16, 8);
        Files.createDirectories(labels);
        Files.writeString(labels.resolve("a.txt"), "3 0.5 0.5 0.5 0.5\n1 0.5 0.5 0.5 0.5\n");
        Path classes = dir.resolve("class_id_to_name.json");
        Files.writeString(classes, "{\"0\": \"person\", \"3\": \"car\"}");
        Path out = dir.resolve("out");
        ConversionReport report = YoloConverter.convert(
                options(labels, images, classes, null, List.of()),
                PredictionsFolder.open(LocalDatasource.create(out), "det", false));
        assertThat(Files.readString(out.resolve(".lightly/predictions/det/a.json")))
                .isEqualTo("{\"file_name\":\"a.png\","
                        + "\"predictions\":[{\"category_id\":3,\"bbox\":[4,2,8,4],\"score\":1}]}\n");
        assertThat(report.diagnostics())
                .containsExactly(Diagnostic.error(
                                "C202",
                                "a.txt",
                                "",
                                "Line 2 has class 1, but the"
                                        + " classes file has the class ids 0, 3 only. The line is skipped.")
                        .at(2, 1));
    }
}
