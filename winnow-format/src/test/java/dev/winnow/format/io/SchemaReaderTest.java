package dev.winnow.format.io;

import static dev.winnow.format.io.TaskListReaderTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.format.Category;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import dev.winnow.format.validate.FileResult;
import dev.winnow.format.validate.ValidationOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaReaderTest {
    private static final String FILE = ".lightly/predictions/t/schema.json";

    static FileResult<TaskSchema> read(String json) {
        return SchemaReader.read(FILE, json.getBytes(StandardCharsets.UTF_8), ValidationOptions.defaults());
    }

    /** The reference's classification schema, verbatim. */
    @Test
    void referenceClassificationSchema() {
        FileResult<TaskSchema> r = read("""
                {
                    "task_type": "classification",
                    "categories": [
                        {
                            "id": 0,
                            "name": "sunny"
                        },
                        {
                            "id": 1,
                            "name": "clouded"
                        },
                        {
                            "id": 2,
                            "name": "rainy"
                        }
                    ]
                }
                """);
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.value())
                .contains(new TaskSchema(
                        TaskType.CLASSIFICATION,
                        List.of(Category.of(0, "sunny"), Category.of(1, "clouded"), Category.of(2, "rainy"))));
    }

    @Test
    void everyTaskType_andSupercategory() {
        for (TaskType type : TaskType.values()) {
            FileResult<TaskSchema> r = read("{\"task_type\": \"" + type.wireName()
                    + "\", \"categories\": [{\"id\": 5, \"name\": \"car\", \"supercategory\": "
                    + "\"vehicle\"}, {\"id\": 2, \"name\": \"person\"}]}");
            assertThat(r.diagnostics()).isEmpty();
            TaskSchema schema = r.value().orElseThrow();
            assertThat(schema.taskType()).isEqualTo(type);
            assertThat(schema.categories())
                    .containsExactly(Category.of(2, "person"), new Category(5, "car", "vehicle", List.of(), List.of()));
        }
    }

    @Test
    void keypointCategoryWithNamesAndSkeleton() {
        FileResult<TaskSchema> r = read("""
                {"task_type": "keypoint-detection", "categories": [
                  {"id": 0, "name": "person", "keypoints": ["nose", "left_eye", "right_eye"], "skeleton": [[1, 2], [1, \
                3]]}
                ]}""");
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.value().orElseThrow().categories())
                .containsExactly(new Category(
                        0,
                        "person",
                        null,
                        List.of("nose", "left_eye", "right_eye"),
                        List.of(new Category.SkeletonEdge(1, 2), new Category.SkeletonEdge(1, 3))));
    }

    @Test
    void skeletonOutsideKeypoints() {
        FileResult<TaskSchema> r = read("""
                {"task_type": "keypoint-detection", "categories": [
                  {"id": 0, "name": "person", "keypoints": ["nose", "eye"], "skeleton": [[1, 3]]}
                ]}""");
        assertThat(r.value()).isEmpty();
        assertThat(texts(r))
                .containsExactly("error E028 .lightly/predictions/t/schema.json:2:73 /categories/0/skeleton: "
                        + "The skeleton edge [1, 3] names a keypoint outside 1..2; expected indices into "
                        + "keypoints, counted from 1"
                        + " (as COCO does) or from 0.");
    }

    @Test
    void zeroBasedSkeleton_isAcceptedWithAWarning_andCountedFromOne() {
        FileResult<TaskSchema> r = read("""
                {"task_type": "keypoint-detection", "categories": [
                  {"id": 0, "name": "person", "keypoints": ["nose", "left_eye", "right_eye"], "skeleton": [[0, 1], [1, \
                2]]}
                ]}""");
        assertThat(texts(r))
                .containsExactly("warning W009 .lightly/predictions/t/schema.json:2:91 /categories/0/skeleton: "
                        + "The skeleton names keypoint 0, so its indices are taken as counted "
                        + "from 0; COCO counts them from 1.");
        assertThat(r.value().orElseThrow().categories().get(0).skeleton())
                .containsExactly(new Category.SkeletonEdge(1, 2), new Category.SkeletonEdge(2, 3));
    }

    @Test
    void oneBasedSkeleton_staysAsCoco_withoutAWord() {
        FileResult<TaskSchema> r = read("""
                {"task_type": "keypoint-detection", "categories": [
                  {"id": 0, "name": "person", "keypoints": ["nose", "left_eye", "right_eye"], "skeleton": [[1, 2], [2, \
                3]]}
                ]}""");
        assertThat(texts(r)).isEmpty();
        assertThat(r.value().orElseThrow().categories().get(0).skeleton())
                .containsExactly(new Category.SkeletonEdge(1, 2), new Category.SkeletonEdge(2, 3));
    }

    @Test
    void skeletonNamingZeroAndTheLastKeypoint_fitsNeitherCount() {
        FileResult<TaskSchema> r = read("""
                {"task_type": "keypoint-detection", "categories": [
                  {"id": 0, "name": "person", "keypoints": ["nose", "eye"], "skeleton": [[0, 1], [1, 2]]}
                ]}""");
        assertThat(r.value()).isEmpty();
        assertThat(texts(r))
                .containsExactly("error E028 .lightly/predictions/t/schema.json:2:73 /categories/0/skeleton: "
                        + "The skeleton names both keypoint 0 and keypoint 2, so its indices fit neither "
                        + "1..2 (counted from 1, as COCO"
                        + " does) nor 0..1 (counted from 0).");
    }

    @Test
    void unknownTaskType() {
        FileResult<TaskSchema> r =
                read("{\"task_type\": \"detection\", \"categories\": [{\"id\": 0, \"name\": \"a\"}]}");
        assertThat(r.value()).isEmpty();
        assertThat(texts(r))
                .containsExactly("error E027 .lightly/predictions/t/schema.json:1:15 /task_type: task_type is "
                        + "\"detection\"; expected one of classification, object-detection, semantic-segmentation, "
                        + "instance-segmentation, keypoint-detection.");
    }

    @Test
    void missingTaskTypeAndCategories() {
        FileResult<TaskSchema> r = read("{}");
        assertThat(texts(r))
                .containsExactly(
                        "error E003 .lightly/predictions/t/schema.json:1:1: The schema has no "
                                + "task_type; expected one of classification, "
                                + "object-detection, semantic-segmentation, instance-segmentation, keypoint-detection.",
                        "error E003 .lightly/predictions/t/schema.json:1:1: The schema has no "
                                + "categories; expected a list of {\"id\", \"name\"} objects.");
    }

    @Test
    void badCategories() {
        FileResult<TaskSchema> r = read("""
                {"task_type": "classification", "categories": [
                  {"id": 0, "name": "a"},
                  {"id": 0, "name": "b"},
                  {"id": -1, "name": "c"},
                  {"id": 3, "name": ""},
                  {"id": 1.5, "name": "d"},
                  {"name": "e"},
                  {"id": 4, "name": "f", "color": "red"}
                ]}""");
        assertThat(r.value()).isEmpty();
        assertThat(texts(r))
                .containsExactly(
                        "error E028 .lightly/predictions/t/schema.json:3:24 /categories/1/id: Category "
                                + "id 0 is used by categories 0 and 1; expected unique ids.",
                        "error E028 .lightly/predictions/t/schema.json:4:10 /categories/2/id: Category "
                                + "id -1 is negative; expected 0 or more.",
                        "error E028 .lightly/predictions/t/schema.json:5:21 /categories/3/name: "
                                + "Category 3 has an empty name; expected a non-empty name.",
                        "error E002 .lightly/predictions/t/schema.json:6:10 /categories/4/id: A "
                                + "category id must be a whole number, but it is a number (1.5).",
                        "error E003 .lightly/predictions/t/schema.json:7:3 /categories/5: Category 5 "
                                + "has no id; expected a whole number 0 or more.",
                        "warning W003 .lightly/predictions/t/schema.json:8:35 /categories/6/color: The "
                                + "field \"color\" is not part of a category (id, name, supercategory, "
                                + "keypoints, skeleton); it is ignored.");
    }

    @Test
    void emptyCategories() {
        FileResult<TaskSchema> r = read("{\"task_type\": \"classification\", \"categories\": []}");
        assertThat(texts(r))
                .containsExactly("error E028 .lightly/predictions/t/schema.json:1:47 /categories: categories is "
                        + "empty; expected at least one category.");
    }

    @Test
    void wrongShapes() {
        FileResult<TaskSchema> r = read("{\"task_type\": 3, \"categories\": {}, \"x\": 1}");
        assertThat(texts(r))
                .containsExactly(
                        "error E002 .lightly/predictions/t/schema.json:1:15 /task_type: task_type must "
                                + "be a string, one of classification, "
                                + "object-detection, semantic-segmentation, instance-segmentation, "
                                + "keypoint-detection, but it is a number.",
                        "error E002 .lightly/predictions/t/schema.json:1:32 /categories: categories "
                                + "must be a list of {\"id\", \"name\"} objects, but it is an object.",
                        "warning W003 .lightly/predictions/t/schema.json:1:41 /x: The field \"x\" is "
                                + "not part of a schema, which has task_type and categories; it is ignored.");
    }

    @Test
    void unknownField_strictIsAnError() {
        FileResult<TaskSchema> r = SchemaReader.read(
                FILE,
                "{\"task_type\": \"classification\", \"categories\": [{\"id\": 0, \"name\": \"a\"}], \"v\": 2}"
                        .getBytes(StandardCharsets.UTF_8),
                ValidationOptions.strictDefaults());
        assertThat(r.value()).isEmpty();
        assertThat(texts(r))
                .containsExactly("error E034 .lightly/predictions/t/schema.json:1:78 /v: The field \"v\" is not part "
                        + "of a schema, which has task_type and categories; strict mode allows no unknown fields.");
    }
}
