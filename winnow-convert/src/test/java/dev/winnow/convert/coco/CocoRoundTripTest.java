package dev.winnow.convert.coco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.convert.ConversionReport;
import dev.winnow.convert.FolderChecks;
import dev.winnow.convert.PredictionsFolder;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.format.RleMask;
import dev.winnow.format.TaskType;
import dev.winnow.format.rle.CocoRle;
import dev.winnow.format.rle.PolygonRasterizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CocoRoundTripTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private static final String DATASET = """
            {"images": [{"id": 7, "file_name": "a/one.png", "width": 6, "height": 4},
                        {"id": 9, "file_name": "two.jpg", "width": 3, "height": 5},
                        {"id": 11, "file_name": "empty.jpg", "width": 2, "height": 2}],
             "categories": [{"id": 1, "name": "cat", "supercategory": "animal"}, {"id": 4, "name": "dog"}],
             "annotations": [
               {"id": 1, "image_id": 7, "category_id": 4, "bbox": [0.1, 1.25, 3, 2.5], "score": 0.3333333333333333,
                "segmentation": [[0, 0, 4, 0, 4, 2, 0, 2], [5, 2, 6, 2, 6, 4, 5, 4]]},
               {"id": 2, "image_id": 9, "category_id": 1, "bbox": [1, 1, 1, 3], "score": 0.9,
                "segmentation": {"size": [5, 3], "counts": [6, 3, 1, 1, 4]}},
               {"id": 3, "image_id": 7, "category_id": 1, "bbox": [2, 2, 1, 1], "score": 1e-7,
                "segmentation": {"size": [4, 6], "counts": ":1="}}]}
            """;

    @Test
    void instanceSegmentation_roundTripIsExact() throws Exception {
        Path coco = dir.resolve("in.json");
        Files.writeString(coco, DATASET);
        Path folder = dir.resolve("folder");
        ConversionReport report = CocoConverter.convert(
                CocoOptions.of(coco, TaskType.INSTANCE_SEGMENTATION),
                PredictionsFolder.open(LocalDatasource.create(folder), "inst", false));
        assertThat(report.diagnostics()).isEmpty();
        assertThat(FolderChecks.errors(
                        folder,
                        "inst",
                        Map.of("a/one.png", new int[] {6, 4}, "two.jpg", new int[] {3, 5}, "empty.jpg", new int[] {2, 2
                        })))
                .isEmpty();

        Path back = dir.resolve("out/back.json");
        ConversionReport exported = CocoExporter.export(new CocoExportOptions(
                LocalDatasource.at(folder), "inst", back, false, Optional.of(coco), Optional.empty()));
        assertThat(exported.predictionFiles()).isEqualTo(3);
        assertThat(exported.singletons()).isEqualTo(3);

        JsonNode original = JSON.readTree(coco.toFile());
        JsonNode result = JSON.readTree(back.toFile());
        assertThat(result.get("categories")).isEqualTo(original.get("categories"));
        assertThat(result.get("images")).containsExactlyInAnyOrderElementsOf(original.get("images"));
        assertThat(result.get("annotations")).hasSize(3);
        for (JsonNode want : original.get("annotations")) {
            JsonNode got = find(result.get("annotations"), want.get("image_id").asLong(), want.get("bbox"));
            assertThat(got.get("category_id")).isEqualTo(want.get("category_id"));
            assertThat(got.get("score").asDouble()).isEqualTo(want.get("score").asDouble());
            for (int i = 0; i < 4; i++) {
                assertThat(got.get("bbox").get(i).asDouble())
                        .isEqualTo(want.get("bbox").get(i).asDouble());
            }
            JsonNode image = find(original.get("images"), want.get("image_id").asLong());
            int w = image.get("width").asInt();
            int h = image.get("height").asInt();
            assertThat(pixels(got.get("segmentation"), w, h)).isEqualTo(pixels(want.get("segmentation"), w, h));
        }
    }

    @Test
    void detection_resultsRoundTrip() throws Exception {
        Path coco = dir.resolve("in.json");
        Files.writeString(coco, DATASET);
        Path folder = dir.resolve("folder");
        CocoConverter.convert(
                CocoOptions.of(coco, TaskType.OBJECT_DETECTION),
                PredictionsFolder.open(LocalDatasource.create(folder), "det", false));
        Path back = dir.resolve("results.json");
        CocoExporter.export(new CocoExportOptions(
                LocalDatasource.at(folder), "det", back, true, Optional.of(coco), Optional.empty()));
        assertThat(Files.readString(back))
                .isEqualTo("[\n"
                        + "{\"image_id\":7,\"category_id\":4,\"bbox\":[0.1,1.25,3,2.5],\"score\":0.3333333333333333},\n"
                        + "{\"image_id\":7,\"category_id\":1,\"bbox\":[2,2,1,1],\"score\":1.0E-7},\n"
                        + "{\"image_id\":9,\"category_id\":1,\"bbox\":[1,1,1,3],\"score\":0.9}\n]\n");
    }

    @Test
    void keypoints_datasetExportWithoutGroundTruth() throws Exception {
        Path coco = dir.resolve("kp.json");
        Files.writeString(coco, """
                {"images": [{"id": 3, "file_name": "p.jpg", "width": 50, "height": 40}],
                 "categories": [{"id": 1, "name": "person", "keypoints": ["l", "r"], "skeleton": [[1, 2]]}],
                 "annotations": [{"image_id": 3, "category_id": 1, "keypoints": [1, 2, 0, 3.5, 4, 0.75], "score": 0.5}]}
                """);
        Path folder = dir.resolve("folder");
        CocoConverter.convert(
                CocoOptions.of(coco, TaskType.KEYPOINT_DETECTION),
                PredictionsFolder.open(LocalDatasource.create(folder), "kp", false));
        assertThat(FolderChecks.errors(folder, "kp", Map.of("p.jpg", new int[] {50, 40})))
                .isEmpty();
        Path back = dir.resolve("back.json");
        CocoExporter.export(new CocoExportOptions(
                LocalDatasource.at(folder), "kp", back, false, Optional.empty(), Optional.empty()));
        assertThat(Files.readString(back))
                .isEqualTo("{\"annotations\":[\n"
                        + "{\"id\":1,\"image_id\":1,\"category_id\":1,\"keypoints\":[1,2,0,3.5,4,0.75],"
                        + "\"num_keypoints\":1,\"area\":0,"
                        + "\"iscrowd\":0,\"score\":0.5}\n"
                        + "],\"images\":[{\"id\":1,\"file_name\":\"p.jpg\"}],\"categories\":["
                        + "{\"id\":1,\"name\":\"person\",\"keypoints\":[\"l\",\"r\"],\"skeleton\":[[1,2]]}]}\n");
    }

    @Test
    void export_unknownTaskAndMissingSizes() throws Exception {
        Path coco = dir.resolve("in.json");
        Files.writeString(coco, DATASET);
        Path folder = dir.resolve("folder");
        CocoConverter.convert(
                CocoOptions.of(coco, TaskType.INSTANCE_SEGMENTATION),
                PredictionsFolder.open(LocalDatasource.create(folder), "inst", false));
        assertThatThrownBy(() -> CocoExporter.export(new CocoExportOptions(
                        LocalDatasource.at(folder),
                        "nope",
                        dir.resolve("x.json"),
                        false,
                        Optional.empty(),
                        Optional.empty())))
                .hasMessage("The task nope is not listed in .lightly/predictions/tasks.json of " + folder + ".");
        ConversionReport report = CocoExporter.export(new CocoExportOptions(
                LocalDatasource.at(folder), "inst", dir.resolve("x.json"), false, Optional.empty(), Optional.empty()));
        assertThat(report.diagnostics())
                .extracting(d -> d.file() + ": " + d.message())
                .containsExactly(
                        ".lightly/predictions/inst/a/one.json: The masks of 'a/one.png' need the "
                                + "image's size, and neither the"
                                + " datasource (--input) nor --coco-gt is given to read it from. The file is left out.",
                        ".lightly/predictions/inst/two.json: The masks of 'two.jpg' need the image's "
                                + "size, and neither the"
                                + " datasource (--input) nor --coco-gt is given to read it from. The "
                                + "file is left out.");
        assertThat(report.predictionFiles()).isEqualTo(1);
    }

    private static JsonNode find(JsonNode list, long imageId, JsonNode bbox) {
        for (JsonNode n : list) {
            if (n.get("image_id").asLong() == imageId
                    && n.get("bbox").get(0).asDouble() == bbox.get(0).asDouble()) {
                return n;
            }
        }
        throw new AssertionError("no annotation of image " + imageId + " with bbox " + bbox);
    }

    private static JsonNode find(JsonNode images, long id) {
        for (JsonNode n : images) {
            if (n.get("id").asLong() == id) {
                return n;
            }
        }
        throw new AssertionError("no image " + id);
    }

    /** Decodes a COCO segmentation to a row-major pixel array, polygons by the same pixel-centre rule. */
    private static boolean[] pixels(JsonNode segmentation, int w, int h) {
        RleMask mask;
        if (segmentation.isArray()) {
            List<double[]> polygons = new ArrayList<>();
            for (JsonNode p : segmentation) {
                double[] xy = new double[p.size()];
                for (int i = 0; i < xy.length; i++) {
                    xy[i] = p.get(i).asDouble();
                }
                polygons.add(xy);
            }
            mask = PolygonRasterizer.rasterize(polygons, h, w);
        } else if (segmentation.get("counts").isString()) {
            mask = CocoRle.fromCompressed(h, w, segmentation.get("counts").asString())
                    .toRowMajor();
        } else {
            int[] counts = new int[segmentation.get("counts").size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = segmentation.get("counts").get(i).asInt();
            }
            // Independent column-major decode, pixel by pixel.
            boolean[] colMajor = RleMask.of(counts).decode(w * h);
            boolean[] rowMajor = new boolean[w * h];
            for (int x = 0; x < w; x++) {
                for (int y = 0; y < h; y++) {
                    rowMajor[y * w + x] = colMajor[x * h + y];
                }
            }
            return rowMajor;
        }
        return mask.decode(w * h);
    }
}
