package dev.winnow.format.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.format.BoundingBox;
import dev.winnow.format.Category;
import dev.winnow.format.Keypoints;
import dev.winnow.format.PredictionFile;
import dev.winnow.format.Probabilities;
import dev.winnow.format.RleMask;
import dev.winnow.format.Singleton;
import dev.winnow.format.TaskList;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PredictionWriterTest {

    @Test
    void taskList_writesNamesInOrder() {
        assertThat(PredictionWriter.toJson(new TaskList(List.of("b_task", "a/task"))))
                .isEqualTo("[\"b_task\",\"a/task\"]\n");
    }

    @Test
    void schema_keyOrderAndOptionalFields() {
        Category person =
                new Category(1, "person", "human", List.of("nose", "eye"), List.of(new Category.SkeletonEdge(1, 2)));
        TaskSchema schema = new TaskSchema(TaskType.KEYPOINT_DETECTION, List.of(person, Category.of(0, "bg")));
        assertThat(PredictionWriter.toJson(schema))
                .isEqualTo("{\"task_type\":\"keypoint-detection\",\"categories\":["
                        + "{\"id\":0,\"name\":\"bg\"},"
                        + "{\"id\":1,\"name\":\"person\",\"supercategory\":\"human\",\"keypoints\":[\"nose\",\"eye\"],"
                        + "\"skeleton\":[[1,2]]}]}\n");
    }

    @Test
    void detection_integralNumbersWithoutFraction() {
        PredictionFile file = PredictionFile.of(
                "sub/img.png",
                List.of(new Singleton.Detection(
                        3, new BoundingBox(140, 100.5, 80, 90), 0.8, Optional.of(Probabilities.of(0.25, 0.75)))));
        assertThat(PredictionWriter.toJson(file))
                .isEqualTo("{\"file_name\":\"sub/img.png\",\"predictions\":["
                        + "{\"category_id\":3,\"bbox\":[140,100.5,80,90],\"score\":0.8,"
                        + "\"probabilities\":[0.25,0.75]}]}\n");
    }

    @Test
    void everyVariant_keyOrder() {
        List<Singleton> singletons = List.of(
                new Singleton.Classification(0, OptionalDouble.empty(), Optional.empty()),
                new Singleton.Classification(1, OptionalDouble.of(1.0), Optional.of(Probabilities.of(0, 1))),
                new Singleton.SemanticSegment(2, RleMask.of(0, 3, 1), 0.5, Optional.empty()),
                new Singleton.InstanceSegment(2, new BoundingBox(0, 0, 2, 1), RleMask.of(2, 2), 0.25, Optional.empty()),
                new Singleton.KeypointInstance(
                        4, Keypoints.of(1.5, 2, 0.9), 0.7, Optional.of(new BoundingBox(1, 1, 3, 3)), Optional.empty()),
                new Singleton.KeypointInstance(4, Keypoints.of(), 0.7, Optional.empty(), Optional.empty()));
        assertThat(PredictionWriter.toJson(new PredictionFile(Optional.empty(), singletons)))
                .isEqualTo("{\"predictions\":["
                        + "{\"category_id\":0},"
                        + "{\"category_id\":1,\"score\":1,\"probabilities\":[0,1]},"
                        + "{\"category_id\":2,\"segmentation\":[0,3,1],\"score\":0.5},"
                        + "{\"category_id\":2,\"bbox\":[0,0,2,1],\"segmentation\":[2,2],\"score\":0.25},"
                        + "{\"category_id\":4,\"bbox\":[1,1,3,3],\"keypoints\":[1.5,2,0.9],\"score\":0.7},"
                        + "{\"category_id\":4,\"keypoints\":[],\"score\":0.7}]}\n");
    }

    @Test
    void emptyPredictions() {
        assertThat(PredictionWriter.toJson(PredictionFile.of("a.jpg", List.of())))
                .isEqualTo("{\"file_name\":\"a.jpg\",\"predictions\":[]}\n");
    }

    @Test
    void numbers_shortestRoundTripForm() {
        assertThat(number(0.1)).isEqualTo("0.1");
        assertThat(number(0.30000000000000004)).isEqualTo("0.30000000000000004");
        assertThat(number(2e23)).isEqualTo("2.0E23");
        assertThat(number(1e-4)).isEqualTo("1.0E-4");
        assertThat(number(-0.0)).isEqualTo("0");
        assertThat(number(-12.0)).isEqualTo("-12");
        assertThat(number(9007199254740991.0)).isEqualTo("9007199254740991");
        for (double v : new double[] {0.1, 1.0 / 3, 2e23, 1e-300, 123456.789, Math.PI, 9007199254740993.0}) {
            assertThat(Double.parseDouble(number(v))).isEqualTo(v);
        }
    }

    @Test
    void numbers_nonFiniteRefused() {
        assertThatThrownBy(() -> number(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("JSON has no form for the number NaN; scores, boxes and probabilities must be finite.");
        assertThatThrownBy(() -> number(Double.POSITIVE_INFINITY))
                .hasMessage(
                        "JSON has no form for the number Infinity; scores, boxes and probabilities must be finite.");
    }

    @Test
    void strings_escapedAndReadBackByJackson() {
        String name = "we\"ird\\na\nme\u0001é.png";
        byte[] json = PredictionWriter.toBytes(PredictionFile.of(name, List.of()));
        JsonNode tree = JsonMapper.builder().build().readTree(json);
        assertThat(tree.get("file_name").asString()).isEqualTo(name);
        assertThat(new String(json, StandardCharsets.UTF_8))
                .isEqualTo("{\"file_name\":\"we\\\"ird\\\\na\\nme\\u0001é.png\",\"predictions\":[]}\n");
    }

    private static String number(double v) {
        StringBuilder sb = new StringBuilder();
        PredictionWriter.appendNumber(sb, v);
        return sb.toString();
    }
}
