package dev.winnow.convert.coco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.convert.ConversionException;
import dev.winnow.convert.ConversionReport;
import dev.winnow.convert.PredictionsFolder;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.TaskType;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CocoConverterTest {
    @TempDir
    Path dir;

    static final String DATASET = """
            {"info": {"year": 2024}, "licenses": [],
             "images": [{"id": 1, "file_name": "a.jpg", "width": 640, "height": 480},
                        {"id": 2, "file_name": "sub/b.png", "width": 10, "height": 8},
                        {"id": 3, "file_name": "c.jpg", "width": 5, "height": 5}],
             "annotations": [
                {"id": 10, "image_id": 1, "category_id": 1, "bbox": [140, 100.5, 80, 90], "area": 7200, "iscrowd": 0},
                {"id": 11, "image_id": 2, "category_id": 3, "bbox": [1, 2, 3, 4], "score": 0.5},
                {"id": 12, "image_id": 99, "category_id": 1, "bbox": [0, 0, 1, 1]},
                {"id": 13, "image_id": 1, "category_id": 7, "bbox": [0, 0, 1, 1]},
                {"id": 14, "image_id": 1, "category_id": 1, "bbox": [0, 0, 1]},
                {"id": 15, "image_id": 1, "category_id": 3, "bbox": [5, 6, 7, 8], "score": 0.25}],
             "categories": [{"id": 1, "name": "person", "supercategory": "human"}, {"id": 3, "name": "car"}]}
            """;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private String read(Path out, String path) throws IOException {
        return Files.readString(out.resolve(".lightly/predictions").resolve(path));
    }

    private ConversionReport convert(CocoOptions options, Path out, String task) throws Exception {
        return CocoConverter.convert(options, PredictionsFolder.open(LocalDatasource.create(out), task, false));
    }

    @Test
    void detection_dataset() throws Exception {
        Path out = dir.resolve("out");
        ConversionReport report =
                convert(CocoOptions.of(write("coco.json", DATASET), TaskType.OBJECT_DETECTION), out, "det");
        assertThat(read(out, "det/a.json"))
                .isEqualTo("{\"file_name\":\"a.jpg\",\"predictions\":["
                        + "{\"category_id\":1,\"bbox\":[140,100.5,80,90],\"score\":1},"
                        + "{\"category_id\":3,\"bbox\":[5,6,7,8],\"score\":0.25}]}\n");
        assertThat(read(out, "det/sub/b.json"))
                .isEqualTo("{\"file_name\":\"sub/b.png\",\"predictions\":["
                        + "{\"category_id\":3,\"bbox\":[1,2,3,4],\"score\":0.5}]}\n");
        assertThat(read(out, "det/c.json")).isEqualTo("{\"file_name\":\"c.jpg\",\"predictions\":[]}\n");
        assertThat(read(out, "det/schema.json"))
                .isEqualTo("{\"task_type\":\"object-detection\",\"categories\":["
                        + "{\"id\":1,\"name\":\"person\",\"supercategory\":\"human\"},{\"id\":3,\"name\":\"car\"}]}\n");
        assertThat(read(out, "tasks.json")).isEqualTo("[\"det\"]\n");
        assertThat(report.predictionFiles()).isEqualTo(3);
        assertThat(report.singletons()).isEqualTo(3);
        String label = dir.resolve("coco.json").toString();
        assertThat(report.diagnostics())
                .containsExactly(
                        Diagnostic.error(
                                "C101",
                                label,
                                "/annotations/2/image_id",
                                "The annotation refers to image id 99, which the images list does not "
                                        + "have; it is skipped."),
                        Diagnostic.error(
                                "C102",
                                label,
                                "/annotations/3/category_id",
                                "The annotation has category id 7, which the categories list does not "
                                        + "have; it is skipped."),
                        Diagnostic.error(
                                "C105",
                                label,
                                "/annotations/4/bbox",
                                "The bbox is not 4 finite numbers [x, y, width, height] with width and "
                                        + "height of 0 or more; the annotation is skipped."));
    }

    @Test
    void defaultScoreZero_reproducesReferenceScript() throws Exception {
        Path out = dir.resolve("out");
        convert(
                new CocoOptions(
                        write("coco.json", DATASET), Optional.empty(), Optional.empty(), TaskType.OBJECT_DETECTION, 0),
                out,
                "det");
        assertThat(read(out, "det/a.json"))
                .isEqualTo("{\"file_name\":\"a.jpg\",\"predictions\":["
                        + "{\"category_id\":1,\"bbox\":[140,100.5,80,90],\"score\":0},"
                        + "{\"category_id\":3,\"bbox\":[5,6,7,8],\"score\":0.25}]}\n");
    }

    @Test
    void tasksJson_mergedAndExistingTaskRefused() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve(".lightly/predictions"));
        Files.writeString(out.resolve(".lightly/predictions/tasks.json"), "[\"weather\", // comment\n \"det\",]");
        Path coco = write("coco.json", DATASET);
        convert(CocoOptions.of(coco, TaskType.OBJECT_DETECTION), out, "boxes");
        assertThat(read(out, "tasks.json")).isEqualTo("[\"weather\",\"det\",\"boxes\"]\n");
        assertThatThrownBy(() -> convert(CocoOptions.of(coco, TaskType.OBJECT_DETECTION), out, "boxes"))
                .isInstanceOf(ConversionException.class)
                .hasMessage("The task folder .lightly/predictions/boxes already exists in " + out
                        + "; pass --overwrite to replace it or choose another --task.");
        CocoConverter.convert(
                CocoOptions.of(coco, TaskType.OBJECT_DETECTION),
                PredictionsFolder.open(LocalDatasource.create(out), "boxes", true));
        assertThat(read(out, "tasks.json")).isEqualTo("[\"weather\",\"det\",\"boxes\"]\n");
    }

    @Test
    void tasksJson_malformedIsRefused() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve(".lightly/predictions"));
        Files.writeString(out.resolve(".lightly/predictions/tasks.json"), "{\"a\": 1}");
        assertThatThrownBy(() ->
                        convert(CocoOptions.of(write("coco.json", DATASET), TaskType.OBJECT_DETECTION), out, "det"))
                .hasMessage("The existing .lightly/predictions/tasks.json in " + out
                        + " is not a JSON list of task names; fix or remove it so the task can be added.");
    }

    @Test
    void resultsList_withGroundTruth() throws Exception {
        Path out = dir.resolve("out");
        Path results = write(
                "results.json", "[{\"image_id\": 2, \"category_id\": 1, \"bbox\": [0.5, 1, 2, 3], \"score\": 0.875}]");
        Path gt = write("gt.json", DATASET);
        ConversionReport report = convert(
                new CocoOptions(results, Optional.of(gt), Optional.empty(), TaskType.OBJECT_DETECTION, 1), out, "res");
        assertThat(read(out, "res/sub/b.json"))
                .isEqualTo("{\"file_name\":\"sub/b.png\",\"predictions\":["
                        + "{\"category_id\":1,\"bbox\":[0.5,1,2,3],\"score\":0.875}]}\n");
        assertThat(read(out, "res/a.json")).isEqualTo("{\"file_name\":\"a.jpg\",\"predictions\":[]}\n");
        assertThat(report.diagnostics()).isEmpty();
        assertThatThrownBy(() -> convert(CocoOptions.of(results, TaskType.OBJECT_DETECTION), out, "res2"))
                .hasMessage("The COCO file " + results + " is a results list, which names no images or categories;"
                        + " pass --coco-gt with the dataset file that does.");
    }

    static final String SEGMENTS = """
            {"images": [{"id": 1, "file_name": "m.png", "width": 4, "height": 3}],
             "categories": [{"id": 0, "name": "bg"}, {"id": 2, "name": "thing"}],
             "annotations": [
               {"image_id": 1, "category_id": 2, "segmentation": {"size": [3, 4], "counts": [4, 1, 1, 2, 1, 3]}, \
            "score": 0.5},
               {"image_id": 1, "category_id": 2, "segmentation": [[0, 0, 1, 0, 1, 3, 0, 3]], "score": 0.75},
               {"image_id": 1, "category_id": 0, "segmentation": {"size": [3, 4], "counts": "0:2"}},
               {"image_id": 1, "category_id": 0, "segmentation": {"size": [4, 4], "counts": [16]}},
               {"image_id": 1, "category_id": 0, "segmentation": [[0, 0, 1]]},
               {"image_id": 1, "category_id": 0, "segmentation": {"size": [3, 4], "counts": [5, 5]}}]}
            """;

    @Test
    void instanceSegmentation_rleListPolygonAndCompressed() throws Exception {
        Path out = dir.resolve("out");
        ConversionReport report =
                convert(CocoOptions.of(write("seg.json", SEGMENTS), TaskType.INSTANCE_SEGMENTATION), out, "inst");
        // Mask 1 (column-major 4,1,1,2,1,3) is rows 0011 / 0111 / 0001; its tight box is [1, 0, 3, 3].
        // Mask 2, the polygon x in [0, 1), y in [0, 3), is the first column.
        // Mask 3: compressed "0:2" is counts 0, 10, 2: columns 0-2 and the top of column 3, i.e. 1111|1110|1110.
        assertThat(read(out, "inst/m.json"))
                .isEqualTo("{\"file_name\":\"m.png\",\"predictions\":["
                        + "{\"category_id\":2,\"bbox\":[1,0,3,3],\"segmentation\":[2,2,1,3,3,1],\"score\":0.5},"
                        + "{\"category_id\":2,\"bbox\":[0,0,1,3],\"segmentation\":[0,1,3,1,3,1,3],\"score\":0.75},"
                        + "{\"category_id\":0,\"bbox\":[0,0,4,3],\"segmentation\":[0,7,1,3,1],\"score\":1}]}\n");
        String label = dir.resolve("seg.json").toString();
        assertThat(report.diagnostics())
                .containsExactly(
                        Diagnostic.error(
                                "C104",
                                label,
                                "/annotations/3/segmentation/size",
                                "The RLE size [4, 4] differs from the size"
                                        + " of the image 'm.png', [3, 4] (height, width); the annotation is skipped."),
                        Diagnostic.error(
                                "C103",
                                label,
                                "/annotations/4/segmentation",
                                "Polygon 0 has 3 coordinates; a polygon needs an even number (x and y "
                                        + "of each point). The annotation is skipped."),
                        Diagnostic.error(
                                "C104",
                                label,
                                "/annotations/5/segmentation/counts",
                                "The RLE counts sum to 10 pixels, but its size [3, 4] has 12. The "
                                        + "annotation is skipped."));
    }

    @Test
    void polygon_coversThePixelsCocoDraws() throws Exception {
        Path out = dir.resolve("out");
        convert(CocoOptions.of(write("rect.json", """
                {"images": [{"id": 1, "file_name": "r.png", "width": 130, "height": 40}],
                 "categories": [{"id": 1, "name": "r"}],
                 "annotations": [{"image_id": 1, "category_id": 1, "segmentation": [[98, 10, 110.5, 10, 110.5, 19.5, \
                98, 19.5]]}]}
                """), TaskType.INSTANCE_SEGMENTATION), out, "rect");
        // As pycocotools draws it: columns 98..110 of rows 10..19, 13 x 10 = 130 pixels (its area in COCO).
        StringBuilder runs = new StringBuilder("1398");
        for (int row = 10; row <= 19; row++) {
            runs.append(",13,").append(row < 19 ? 117 : 130 - 111 + 20 * 130);
        }
        assertThat(read(out, "rect/r.json"))
                .isEqualTo("{\"file_name\":\"r.png\",\"predictions\":["
                        + "{\"category_id\":1,\"bbox\":[98,10,13,10],\"segmentation\":[" + runs + "],\"score\":1}]}\n");
    }

    @Test
    void semanticSegmentation_unionPerCategory() throws Exception {
        Path out = dir.resolve("out");
        convert(CocoOptions.of(write("seg.json", SEGMENTS), TaskType.SEMANTIC_SEGMENTATION), out, "sem");
        // Category 2: rows 0011|0111|0001 united with the first column: 1011|1111|1001.
        assertThat(read(out, "sem/m.json"))
                .isEqualTo("{\"file_name\":\"m.png\",\"predictions\":["
                        + "{\"category_id\":0,\"segmentation\":[0,7,1,3,1],\"score\":1},"
                        + "{\"category_id\":2,\"segmentation\":[0,1,1,7,2,1],\"score\":0.75}]}\n");
    }

    @Test
    void keypoints_withNamesAndSkeleton() throws Exception {
        Path out = dir.resolve("out");
        String coco = """
                {"images": [{"id": 5, "file_name": "p.jpg", "width": 100, "height": 100}],
                 "categories": [{"id": 1, "name": "person", "supercategory": "person", "keypoints": ["nose", "eye"],
                                 "skeleton": [[1, 2]]}],
                 "annotations": [{"image_id": 5, "category_id": 1, "keypoints": [10, 20, 0.5, 30.5, 40, 1], "score": \
                0.9,
                                  "bbox": [1, 2, 3, 4]},
                                 {"image_id": 5, "category_id": 1, "keypoints": [10, 20]}]}
                """;
        ConversionReport report =
                convert(CocoOptions.of(write("kp.json", coco), TaskType.KEYPOINT_DETECTION), out, "kp");
        assertThat(read(out, "kp/p.json"))
                .isEqualTo("{\"file_name\":\"p.jpg\",\"predictions\":["
                        + "{\"category_id\":1,\"bbox\":[1,2,3,4],\"keypoints\":[10,20,0.5,30.5,"
                        + "40,1],\"score\":0.9}]}\n");
        assertThat(read(out, "kp/schema.json"))
                .isEqualTo("{\"task_type\":\"keypoint-detection\",\"categories\":["
                        + "{\"id\":1,\"name\":\"person\",\"supercategory\":\"person\","
                        + "\"keypoints\":[\"nose\",\"eye\"],\"skeleton\":[[1,2]]}]}\n");
        assertThat(report.diagnostics())
                .extracting(Diagnostic::message)
                .containsExactly("The keypoints are not a list of numbers x, y, v (a multiple of 3); the "
                        + "annotation is skipped.");
    }

    @Test
    void imagesWithoutSize_readFromHeadersOrReported() throws Exception {
        Path images = dir.resolve("images");
        Files.createDirectories(images);
        // A 3x2 PNG written by the JDK.
        var img = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        ImageIO.write(img, "png", images.resolve("x.png").toFile());
        String coco = """
                {"images": [{"id": 1, "file_name": "x.png"}], "categories": [{"id": 1, "name": "a"}],
                 "annotations": [{"image_id": 1, "category_id": 1, "segmentation": [[0, 0, 2, 0, 2, 2, 0, 2]]}]}
                """;
        Path file = write("nosize.json", coco);
        Path out = dir.resolve("out");
        ConversionReport missing = convert(CocoOptions.of(file, TaskType.INSTANCE_SEGMENTATION), out, "a");
        assertThat(missing.diagnostics())
                .extracting(Diagnostic::message)
                .containsExactly("The image 'x.png' has no width"
                        + " and height in the COCO file; pass --images so they can be read from "
                        + "the image itself. The annotation is skipped.");
        convert(
                new CocoOptions(
                        file,
                        Optional.empty(),
                        Optional.of(LocalDatasource.at(images)),
                        TaskType.INSTANCE_SEGMENTATION,
                        1),
                out,
                "b");
        assertThat(read(out, "b/x.json"))
                .isEqualTo("{\"file_name\":\"x.png\",\"predictions\":["
                        + "{\"category_id\":1,\"bbox\":[0,0,2,2],\"segmentation\":[0,2,1,2,1],\"score\":1}]}\n");
    }

    @Test
    void badFiles_clearMessages() throws Exception {
        Path out = dir.resolve("out");
        Path broken = write("broken.json", "{\"images\": [ {\"id\": 1,, }");
        assertThatThrownBy(() -> convert(CocoOptions.of(broken, TaskType.OBJECT_DETECTION), out, "x"))
                .isInstanceOf(ConversionException.class)
                .hasMessageStartingWith("The COCO file " + broken + " is not valid JSON at line 1, column 23: ");
        Path noImages = write("noimages.json", "{\"categories\": []}");
        assertThatThrownBy(() -> convert(CocoOptions.of(noImages, TaskType.OBJECT_DETECTION), out, "x"))
                .hasMessage(
                        "The COCO file " + noImages + " has no \"images\" list; a dataset file must name its images.");
        Path badCategory = write("badcat.json", "{\"images\": [], \"categories\": [{\"id\": 1}]}");
        assertThatThrownBy(() -> convert(CocoOptions.of(badCategory, TaskType.OBJECT_DETECTION), out, "x"))
                .hasMessage("In the COCO file " + badCategory + ", /categories/0 needs a non-empty string \"name\".");
        assertThatThrownBy(
                        () -> convert(CocoOptions.of(dir.resolve("missing.json"), TaskType.OBJECT_DETECTION), out, "x"))
                .hasMessage("The file " + dir.resolve("missing.json")
                        + " given with --annotations does not exist or is not a file.");
    }

    @Test
    void badImageEntries_skippedWithDiagnostics() throws Exception {
        String coco = """
                {"images": [{"id": 1, "file_name": "../up.jpg"}, {"id": 2, "file_name": "a.jpg"}, {"id": 2, \
                "file_name": "b.jpg"},
                            {"id": 3, "file_name": "a.png"}, {"file_name": "c.jpg"}],
                 "categories": [], "annotations": []}
                """;
        Path file = write("imgs.json", coco);
        ConversionReport report = convert(CocoOptions.of(file, TaskType.OBJECT_DETECTION), dir.resolve("out"), "x");
        assertThat(report.predictionFiles()).isEqualTo(1);
        assertThat(report.diagnostics())
                .extracting(d -> d.pointer() + " " + d.message())
                .containsExactly(
                        "/images/0/file_name The file name '../up.jpg' has an empty, '.' or '..' part; "
                                + "it must stay inside the image folder. The image is skipped.",
                        "/images/2/id The image id 2 is used by an earlier image; the image is skipped.",
                        "/images/3/file_name The file name 'a.png' maps to the same prediction file as "
                                + "an earlier image; the image is skipped.",
                        "/images/4 The image entry needs an integer \"id\" and a string \"file_name\"; "
                                + "the image is skipped.");
    }

    @Test
    void annotationsBeforeImages_streamedInEitherOrder() throws Exception {
        String coco = """
                {"annotations": [{"image_id": 4, "category_id": 2, "bbox": [1, 1, 2, 2], "score": 0.5}],
                 "categories": [{"id": 2, "name": "x"}],
                 "images": [{"id": 4, "file_name": "deep/er/i.jpg", "width": 9, "height": 9}]}
                """;
        Path out = dir.resolve("out");
        ConversionReport report =
                convert(CocoOptions.of(write("order.json", coco), TaskType.OBJECT_DETECTION), out, "o");
        assertThat(report.diagnostics()).isEmpty();
        assertThat(read(out, "o/deep/er/i.json"))
                .isEqualTo("{\"file_name\":\"deep/er/i.jpg\",\"predictions\":["
                        + "{\"category_id\":2,\"bbox\":[1,1,2,2],\"score\":0.5}]}\n");
    }

    @Test
    void detection_skipsFieldsItDoesNotReadAndReportsOddValuesExactly() throws Exception {
        String coco = """
                {"images": [{"id": 1, "file_name": "a.jpg", "width": 20, "height": 10, "coco_url": {"nested": [1, 2]}},
                            [1, 2], {"id": 2, "file_name": "b.jpg", "width": 99999999999, "height": 10},
                            {"id": 3.5, "file_name": "c.jpg"}, {"id": [4], "file_name": {"name": "d.jpg"}, "width": \
                [5]}],
                 "categories": [{"id": 1, "name": "person"}],
                 "annotations": [
                    {"id": 1, "image_id": 1, "category_id": 1, "segmentation": [["not", "a", "polygon"]], "area": 4,
                     "bbox": [1, 2, 3, 4], "iscrowd": 0},
                    {"image_id": 1, "category_id": 1, "bbox": [0, 0, 1, 1], "score": "0.5"},
                    {"image_id": 1, "category_id": 1, "bbox": [0, 0, 1, 1], "score": null},
                    {"image_id": 1, "category_id": 1, "bbox": [9, 9, 9, 9], "score": 2, "bbox": [0, 0, 2, 2], "score": \
                0.75},
                    [1, 2, 3],
                    {"image_id": 1, "category_id": 4000000000, "bbox": [0, 0, 1, 1]}]}
                """;
        Path out = dir.resolve("out");
        Path file = write("odd.json", coco);
        ConversionReport report = convert(CocoOptions.of(file, TaskType.OBJECT_DETECTION), out, "odd");

        assertThat(read(out, "odd/a.json"))
                .isEqualTo("{\"file_name\":\"a.jpg\",\"predictions\":["
                        + "{\"category_id\":1,\"bbox\":[1,2,3,4],\"score\":1},"
                        + "{\"category_id\":1,\"bbox\":[0,0,1,1],\"score\":1},"
                        + "{\"category_id\":1,\"bbox\":[0,0,2,2],\"score\":0.75}]}\n");
        assertThat(read(out, "odd/b.json")).isEqualTo("{\"file_name\":\"b.jpg\",\"predictions\":[]}\n");
        assertThat(report.predictionFiles()).isEqualTo(2);
        assertThat(report.diagnostics())
                .extracting(d -> d.code() + " " + d.pointer() + " " + d.message())
                .containsExactly(
                        "C106 /images/1 The image entry needs an integer \"id\" and a string "
                                + "\"file_name\"; the image is skipped.",
                        "C106 /images/3 The image entry needs an integer \"id\" and a string "
                                + "\"file_name\"; the image is skipped.",
                        "C106 /images/4 The image entry needs an integer \"id\" and a string "
                                + "\"file_name\"; the image is skipped.",
                        "C105 /annotations/1/score The score \"0.5\" is not a number from 0 to 1; the "
                                + "annotation is skipped.",
                        "C105 /annotations/4 The annotation is not an object; it is skipped.",
                        "C105 /annotations/5/category_id The annotation has no integer category_id; it is skipped.");
    }
}
