package dev.winnow.format.io;

import static dev.winnow.format.io.TaskListReaderTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.format.BoundingBox;
import dev.winnow.format.Category;
import dev.winnow.format.Keypoints;
import dev.winnow.format.PredictionFile;
import dev.winnow.format.Probabilities;
import dev.winnow.format.RleMask;
import dev.winnow.format.Singleton;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import dev.winnow.format.validate.FileResult;
import dev.winnow.format.validate.SampleFacts;
import dev.winnow.format.validate.ValidationLimits;
import dev.winnow.format.validate.ValidationOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PredictionFileReaderTest {
    private static final String F = ".lightly/predictions/t/my_image.json";
    private static final TaskSchema WEATHER = new TaskSchema(
            TaskType.CLASSIFICATION,
            List.of(Category.of(0, "sunny"), Category.of(1, "clouded"), Category.of(2, "rainy")));
    private static final TaskSchema PEOPLE =
            new TaskSchema(TaskType.OBJECT_DETECTION, List.of(Category.of(0, "person"), Category.of(1, "car")));
    private static final TaskSchema CARS = new TaskSchema(
            TaskType.SEMANTIC_SEGMENTATION, List.of(Category.of(0, "background"), Category.of(1, "car")));
    private static final TaskSchema INSTANCES =
            new TaskSchema(TaskType.INSTANCE_SEGMENTATION, List.of(Category.of(0, "person"), Category.of(1, "car")));
    private static final TaskSchema POSES = new TaskSchema(
            TaskType.KEYPOINT_DETECTION,
            List.of(new Category(
                    0, "person", null, List.of("nose", "left_eye"), List.of(new Category.SkeletonEdge(1, 2)))));

    static FileResult<PredictionFile> read(String json, TaskSchema schema, SampleFacts facts) {
        return read(json, schema, facts, ValidationOptions.defaults());
    }

    static FileResult<PredictionFile> read(
            String json, TaskSchema schema, SampleFacts facts, ValidationOptions options) {
        return PredictionFileReader.read(F, json.getBytes(StandardCharsets.UTF_8), schema, facts, options);
    }

    /** A detection file with one singleton made of {@code fields}, read against a 200 x 150 image. */
    static FileResult<PredictionFile> detection(String fields) {
        return read("{\"predictions\": [{" + fields + "}]}", PEOPLE, SampleFacts.of("my_image.png", 200, 150));
    }

    // ---- the reference's examples -------------------------------------------------------------

    /** The reference's classification example, verbatim, comment included. */
    @Test
    void referenceClassificationExample() {
        FileResult<PredictionFile> r = read("""
                {
                    "file_name": "my_image.png",
                    "predictions": [ // classes: [sunny, clouded, rainy]
                        {
                            "category_id": 0,
                            "probabilities": [0.8, 0.1, 0.1]
                        }
                    ]
                }
                """, WEATHER, SampleFacts.named("my_image.png"));
        assertThat(texts(r))
                .containsExactly("warning W001 .lightly/predictions/t/my_image.json:3:22: A // comment is not "
                        + "JSON; it was skipped.");
        assertThat(r.value())
                .contains(PredictionFile.of(
                        "my_image.png",
                        List.of(new Singleton.Classification(
                                0, OptionalDouble.empty(), Optional.of(Probabilities.of(0.8, 0.1, 0.1))))));
    }

    /**
     * The reference's object-detection example. It elides two boxes as {@code [...]}, which is not
     * JSON; here they are replaced by the concrete boxes [10, 20, 30, 40] and [0, 0, 50, 60].
     */
    @Test
    void referenceDetectionExample_placeholdersReplaced() {
        FileResult<PredictionFile> r = read("""
                {
                    "file_name": "my_image.png",
                    "predictions": [ // classes: [person, car]
                        {
                            "category_id": 0,
                            "bbox": [140, 100, 80, 90], // x, y, w, h coordinates in pixels
                            "score": 0.8
                        },
                        {
                            "category_id": 1,
                            "bbox": [10, 20, 30, 40],
                            "score": 0.9
                        },
                        {
                            "category_id": 0,
                            "bbox": [0, 0, 50, 60],
                            "score": 0.5
                        }
                    ]
                }
                """, PEOPLE, SampleFacts.of("my_image.png", 640, 480));
        assertThat(texts(r))
                .containsExactly(
                        "warning W001 .lightly/predictions/t/my_image.json:3:22: A // comment is not "
                                + "JSON; it was skipped.",
                        "warning W001 .lightly/predictions/t/my_image.json:6:41: A // comment is not "
                                + "JSON; it was skipped.");
        assertThat(r.value().orElseThrow().predictions())
                .containsExactly(
                        new Singleton.Detection(0, new BoundingBox(140, 100, 80, 90), 0.8, Optional.empty()),
                        new Singleton.Detection(1, new BoundingBox(10, 20, 30, 40), 0.9, Optional.empty()),
                        new Singleton.Detection(0, new BoundingBox(0, 0, 50, 60), 0.5, Optional.empty()));
    }

    /**
     * The reference's semantic-segmentation example. Its masks end in {@code ...} (not JSON); here
     * they are completed for a 20 x 20 image: [100, 80, 90, 85, 45] and [300, 100] both sum to 400.
     * Its trailing comma after the last singleton stays and gives a warning.
     */
    @Test
    void referenceSegmentationExample_placeholdersReplaced() {
        FileResult<PredictionFile> r = read("""
                {
                    "file_name": "my_image.png",
                    "predictions": [ // classes: [background, car]
                        {
                            "category_id": 0,
                            "segmentation": [100, 80, 90, 85, 45], //run length encoded binary segmentation mask
                            "score": 0.8
                        },
                        {
                            "category_id": 1,
                            "segmentation": [300, 100],
                            "score": 0.9
                        },
                    ]
                }
                """, CARS, SampleFacts.of("my_image.png", 20, 20));
        assertThat(texts(r))
                .containsExactly(
                        "warning W001 .lightly/predictions/t/my_image.json:3:22: A // comment is not "
                                + "JSON; it was skipped.",
                        "warning W001 .lightly/predictions/t/my_image.json:6:52: A // comment is not "
                                + "JSON; it was skipped.",
                        "warning W002 .lightly/predictions/t/my_image.json:13:10: A comma before ']' "
                                + "is not JSON; it was ignored.");
        assertThat(r.value().orElseThrow().predictions())
                .containsExactly(
                        new Singleton.SemanticSegment(0, RleMask.of(100, 80, 90, 85, 45), 0.8, Optional.empty()),
                        new Singleton.SemanticSegment(1, RleMask.of(300, 100), 0.9, Optional.empty()));
    }

    @Test
    void referenceRleExample() {
        boolean[] mask = {
            false, false, true, true,
            false, true, true, true,
            false, false, false, true,
        };
        RleMask rle = RleMask.encode(mask);
        assertThat(rle.counts()).containsExactly(2, 2, 1, 3, 3, 1);
        assertThat(rle.decode(12)).containsExactly(mask);
        assertThat(rle.area()).isEqualTo(6);
        assertThat(rle.boundingBox(4)).isEqualTo(new BoundingBox(1, 0, 3, 3));
    }

    // ---- the other task types and optional fields ---------------------------------------------

    @Test
    void instanceAndKeypointFiles() {
        FileResult<PredictionFile> inst = read(
                "{\"predictions\": [{\"category_id\": 1, \"bbox\": [1, 1, 2, 1], \"segmentation\": "
                        + "[5, 2, 5], \"score\": 0.7, \"probabilities\": [0.3, 0.7]}]}",
                INSTANCES,
                SampleFacts.of("a.png", 4, 3));
        assertThat(inst.diagnostics()).isEmpty();
        assertThat(inst.value().orElseThrow().predictions())
                .containsExactly(new Singleton.InstanceSegment(
                        1,
                        new BoundingBox(1, 1, 2, 1),
                        RleMask.of(5, 2, 5),
                        0.7,
                        Optional.of(Probabilities.of(0.3, 0.7))));

        FileResult<PredictionFile> kp = read(
                "{\"file_name\": \"a.png\", \"predictions\": [{\"category_id\": 0, "
                        + "\"keypoints\": [1, 2, 0.9, 3, 4, 0.5], \"score\": 0.6}]}",
                POSES,
                SampleFacts.of("a.png", 10, 10));
        assertThat(kp.diagnostics()).isEmpty();
        assertThat(kp.value().orElseThrow().predictions())
                .containsExactly(new Singleton.KeypointInstance(
                        0, Keypoints.of(1, 2, 0.9, 3, 4, 0.5), 0.6, Optional.empty(), Optional.empty()));
    }

    @Test
    void emptyPredictionsAndNoFileName_areValid() {
        FileResult<PredictionFile> r = read("{\"predictions\": []}", PEOPLE, SampleFacts.named("my_image.png"));
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.value()).contains(new PredictionFile(Optional.empty(), List.of()));
    }

    // ---- one test per diagnostic code ----------------------------------------------------------

    @Test
    void e001_malformed() {
        FileResult<PredictionFile> r = read("{\"predictions\": [}", PEOPLE, SampleFacts.unknown());
        assertThat(r.value()).isEmpty();
        assertThat(texts(r))
                .containsExactly("error E001 .lightly/predictions/t/my_image.json:1:18: The file is not "
                        + "well-formed JSON: found '}' where ']' was expected to close the list.");
    }

    @Test
    void e002_wrongTypes() {
        assertThat(texts(read("[1]", PEOPLE, SampleFacts.unknown())))
                .containsExactly("error E002 .lightly/predictions/t/my_image.json:1:1: "
                        + "A prediction file must be an object with file_name and predictions, but it is a list.");
        assertThat(texts(read("{\"file_name\": 3, \"predictions\": {}}", PEOPLE, SampleFacts.unknown())))
                .containsExactly(
                        "error E002 .lightly/predictions/t/my_image.json:1:15 /file_name: file_name "
                                + "must be a string naming the sample, but it is a number.",
                        "error E002 .lightly/predictions/t/my_image.json:1:33 /predictions: "
                                + "predictions must be a list of singletons, but it is an object.");
        assertThat(texts(read("{\"predictions\": [7]}", PEOPLE, SampleFacts.unknown())))
                .containsExactly("error E002 .lightly/predictions/t/my_image.json:1:18 /predictions/0: Each "
                        + "prediction must be an object, but prediction 0 is a number.");
        assertThat(texts(detection("\"category_id\": \"0\", \"bbox\": [1, 1, 1, 1], \"score\": \"high\"")))
                .containsExactly(
                        "error E002 .lightly/predictions/t/my_image.json:1:34 "
                                + "/predictions/0/category_id: category_id must be a whole number, but it is the "
                                + "string \"0\".",
                        "error E002 .lightly/predictions/t/my_image.json:1:70 /predictions/0/score: "
                                + "score must be a number in [0, 1], but it is a string.");
        assertThat(texts(detection("\"category_id\": 1.0, \"bbox\": [1, 1, 1, 1], \"score\": 1")))
                .containsExactly("error E002 .lightly/predictions/t/my_image.json:1:34 "
                        + "/predictions/0/category_id: category_id must be a whole number, but it is 1.0.");
    }

    @Test
    void e003_missingFields() {
        assertThat(texts(read("{\"file_name\": \"a.png\"}", PEOPLE, SampleFacts.unknown())))
                .containsExactly("error E003 .lightly/predictions/t/my_image.json:1:1: The file has no "
                        + "\"predictions\"; expected a list of singletons (empty when nothing was predicted).");
        assertThat(texts(detection("\"category_id\": 1")))
                .containsExactly(
                        "error E003 .lightly/predictions/t/my_image.json:1:18 /predictions/0: The "
                                + "object-detection prediction has no \"score\"; expected category_id, bbox and "
                                + "score.",
                        "error E003 .lightly/predictions/t/my_image.json:1:18 /predictions/0: The "
                                + "object-detection prediction has no \"bbox\"; expected category_id, bbox and "
                                + "score.");
        assertThat(texts(read("{\"predictions\": [{\"score\": 0.5}]}", WEATHER, SampleFacts.unknown())))
                .containsExactly("error E003 .lightly/predictions/t/my_image.json:1:18 /predictions/0: The "
                        + "classification prediction has no \"category_id\"; expected category_id.");
    }

    @Test
    void e004_categoryNotInSchema() {
        assertThat(texts(detection("\"category_id\": 7, \"bbox\": [1, 1, 1, 1], \"score\": 0.5")))
                .containsExactly("error E004 .lightly/predictions/t/my_image.json:1:34 "
                        + "/predictions/0/category_id: category_id 7 is not in the schema; expected one of 0, 1.");
    }

    @Test
    void e005_scoreOutOfRangeOrNaN() {
        assertThat(texts(detection("\"category_id\": 0, \"bbox\": [1, 1, 1, 1], \"score\": 1.5")))
                .containsExactly("error E005 .lightly/predictions/t/my_image.json:1:68 /predictions/0/score: "
                        + "score is 1.5; expected a number in [0, 1].");
        assertThat(texts(detection("\"category_id\": 0, \"bbox\": [1, 1, 1, 1], \"score\": NaN")))
                .containsExactly("error E005 .lightly/predictions/t/my_image.json:1:68 /predictions/0/score: "
                        + "score is NaN; expected a number in [0, 1].");
    }

    @Test
    void e006_probabilitiesLength() {
        assertThat(texts(read(
                        "{\"predictions\": [{\"category_id\": 0, \"probabilities\": [0.5, 0.5]}]}",
                        WEATHER,
                        SampleFacts.unknown())))
                .containsExactly("error E006 .lightly/predictions/t/my_image.json:1:54 "
                        + "/predictions/0/probabilities: probabilities has 2 entries; expected "
                        + "3, one per schema category in ascending id order.");
    }

    @Test
    void e007_probabilityOutOfRange() {
        assertThat(texts(read(
                        "{\"predictions\": [{\"category_id\": 0, \"probabilities\": [1.2, -0.1, -0.1]}]}",
                        WEATHER,
                        SampleFacts.unknown())))
                .containsExactly(
                        "error E007 .lightly/predictions/t/my_image.json:1:55 "
                                + "/predictions/0/probabilities/0: Probability 0 is 1.2; expected a number in "
                                + "[0, 1].",
                        "error E007 .lightly/predictions/t/my_image.json:1:60 "
                                + "/predictions/0/probabilities/1: Probability 1 is -0.1; expected a number in "
                                + "[0, 1].",
                        "error E007 .lightly/predictions/t/my_image.json:1:66 "
                                + "/predictions/0/probabilities/2: Probability 2 is -0.1; expected a number in "
                                + "[0, 1].");
    }

    @Test
    void e008_probabilitiesSum() {
        assertThat(texts(read(
                        "{\"predictions\": [{\"category_id\": 0, \"probabilities\": [0.5, 0.3, 0.1]}]}",
                        WEATHER,
                        SampleFacts.unknown())))
                .containsExactly("error E008 .lightly/predictions/t/my_image.json:1:54 "
                        + "/predictions/0/probabilities: probabilities sum to 0.9; expected 1 (within 0.001).");
        // Within the tolerance is fine.
        FileResult<PredictionFile> within = read(
                "{\"predictions\": [{\"category_id\": 0, \"probabilities\": [0.3333, 0.3333, 0.3333]}]}",
                WEATHER,
                SampleFacts.unknown());
        assertThat(within.diagnostics()).isEmpty();
        assertThat(within.value())
                .contains(new PredictionFile(
                        Optional.empty(),
                        List.of(new Singleton.Classification(
                                0, OptionalDouble.empty(), Optional.of(Probabilities.of(0.3333, 0.3333, 0.3333))))));
    }

    @Test
    void e009_bboxShape() {
        assertThat(texts(detection("\"category_id\": 0, \"bbox\": [1, 1, 1], \"score\": 0.5")))
                .containsExactly("error E009 .lightly/predictions/t/my_image.json:1:45 /predictions/0/bbox: "
                        + "bbox has 3 numbers; expected 4: [x, y, width, height].");
        assertThat(texts(detection("\"category_id\": 0, \"bbox\": [1, \"2\", 1, 1], \"score\": 0.5")))
                .containsExactly("error E009 .lightly/predictions/t/my_image.json:1:49 /predictions/0/bbox/1: "
                        + "bbox entry 1 is the string \"2\"; expected 4 finite numbers [x, y, width, height].");
        assertThat(texts(detection("\"category_id\": 0, \"bbox\": {\"x\": 1}, \"score\": 0.5")))
                .containsExactly("error E009 .lightly/predictions/t/my_image.json:1:45 /predictions/0/bbox: "
                        + "bbox must be a list of 4 numbers [x, y, width, height], but it is an object.");
    }

    @Test
    void e010_bboxNegative() {
        assertThat(texts(detection("\"category_id\": 0, \"bbox\": [10, 5, -3, 4], \"score\": 0.5")))
                .containsExactly("error E010 .lightly/predictions/t/my_image.json:1:45 /predictions/0/bbox: "
                        + "bbox [10, 5, -3, 4] has a negative width; expected x, y, width and height of "
                        + "0 or more.");
    }

    @Test
    void e011_rleInvalid() {
        assertThat(texts(read(
                        "{\"predictions\": [{\"category_id\": 0, \"segmentation\": [5, -2, 5.5], \"score\": 0.5}]}",
                        CARS,
                        SampleFacts.unknown())))
                .containsExactly("error E011 .lightly/predictions/t/my_image.json:1:57 "
                        + "/predictions/0/segmentation/1: Count 1 of the segmentation is -2; "
                        + "expected a whole number 0 or more.");
    }

    @Test
    void e012_bboxOutsideImage() {
        assertThat(texts(detection("\"category_id\": 0, \"bbox\": [140, 100, 80, 90], \"score\": 0.5")))
                .containsExactly("error E012 .lightly/predictions/t/my_image.json:1:45 /predictions/0/bbox: "
                        + "bbox [140, 100, 80, 90] ends at x = 220, y = 190, "
                        + "outside the 200 x 150 image; expected x + width <= 200 and y + height <= 150.");
        // Touching the right and bottom edges is inside.
        FileResult<PredictionFile> touching =
                detection("\"category_id\": 0, \"bbox\": [120, 60, 80, 90], \"score\": 0.5");
        assertThat(touching.diagnostics()).isEmpty();
        assertThat(touching.value().orElseThrow().predictions())
                .containsExactly(new Singleton.Detection(0, new BoundingBox(120, 60, 80, 90), 0.5, Optional.empty()));
    }

    @Test
    void e013_rlePixelCount() {
        assertThat(texts(read(
                        "{\"predictions\": [{\"category_id\": 0, \"segmentation\": [2, 2, 1, 3, 3], \"score\": 0.5}]}",
                        CARS,
                        SampleFacts.of("a.png", 4, 3))))
                .containsExactly("error E013 .lightly/predictions/t/my_image.json:1:53 "
                        + "/predictions/0/segmentation: The segmentation counts sum to 11 "
                        + "pixels; expected 12, the 4 x 3 image's width x height.");
    }

    @Test
    void e014_keypointsShape() {
        assertThat(texts(read(
                        "{\"predictions\": [{\"category_id\": 0, \"keypoints\": [1, 2, 0.5, 3], \"score\": 0.5}]}",
                        POSES,
                        SampleFacts.unknown())))
                .containsExactly("error E014 .lightly/predictions/t/my_image.json:1:50 "
                        + "/predictions/0/keypoints: keypoints has 4 numbers; expected a "
                        + "multiple of 3 (x, y and confidence of each keypoint).");
        assertThat(texts(read(
                        "{\"predictions\": [{\"category_id\": 0, \"keypoints\": [1, 2, 0.5], \"score\": 0.5}]}",
                        POSES,
                        SampleFacts.unknown())))
                .containsExactly("error E014 .lightly/predictions/t/my_image.json:1:50 "
                        + "/predictions/0/keypoints: keypoints has 1 keypoints; category 0 (person) defines 2.");
    }

    @Test
    void e015_fileNameMismatch() {
        assertThat(texts(read(
                        "{\"file_name\": \"other.png\", \"predictions\": []}",
                        PEOPLE,
                        SampleFacts.named("my_image.png"))))
                .containsExactly("error E015 .lightly/predictions/t/my_image.json:1:15 /file_name: file_name is "
                        + "\"other.png\", but this file's path belongs to the sample \"my_image.png\"; expected "
                        + "\"my_image.png\" or no file_name.");
    }

    @Test
    void e020_fileTooLarge() {
        ValidationOptions small =
                ValidationOptions.defaults().withLimits(ValidationLimits.DEFAULTS.withMaxFileBytes(10));
        assertThat(texts(read("{\"predictions\": []}", PEOPLE, SampleFacts.unknown(), small)))
                .containsExactly("error E020 .lightly/predictions/t/my_image.json: The file has 19 bytes, more "
                        + "than the limit of 10 bytes; it was not read.");
    }

    @Test
    void e021_nestingTooDeep() {
        ValidationOptions shallow =
                ValidationOptions.defaults().withLimits(ValidationLimits.DEFAULTS.withMaxNestingDepth(4));
        String deep = "{\"predictions\": [], \"x\": [[[[[[1]]]]]]}";
        assertThat(texts(read(deep, PEOPLE, SampleFacts.unknown(), shallow)))
                .containsExactly(
                        "warning W003 .lightly/predictions/t/my_image.json:1:26 /x: The field \"x\" is "
                                + "not part of a prediction file (file_name, predictions); it is ignored.",
                        "error E021 .lightly/predictions/t/my_image.json: The file nests lists and "
                                + "objects deeper than 4 levels, the limit; it was not read further.");
    }

    @Test
    void e036_giganticNumberStringAndName_hitTheReadLimits_withTheirPosition() {
        String number = "{\"predictions\": [{\"category_id\": 0, \"score\": 0." + "1".repeat(300) + "}]}";
        assertThat(texts(read(number, WEATHER, SampleFacts.unknown(), ValidationOptions.defaults())))
                .containsExactly("error E036 .lightly/predictions/t/my_image.json:1:37: At or after this "
                        + "position the file holds a number"
                        + " longer than 256 characters,"
                        + " the limit; it was not read further.");
        String string = "{\n  \"file_name\": \"" + "a".repeat((1 << 24) + 1) + "\", \"predictions\": []}";
        assertThat(texts(read(string, WEATHER, SampleFacts.unknown(), ValidationOptions.defaults())))
                .containsExactly("error E036 .lightly/predictions/t/my_image.json:2:16: At or after this "
                        + "position the file holds a string"
                        + " longer than 16777216 characters,"
                        + " the limit; it was not read further.");
        String name = "{\"predictions\": [], \"" + "n".repeat(1025) + "\": 1}";
        assertThat(texts(read(name, WEATHER, SampleFacts.unknown(), ValidationOptions.defaults())))
                .containsExactly("error E036 .lightly/predictions/t/my_image.json:1:18: At or after this "
                        + "position the file holds a field"
                        + " name longer than 1024 characters,"
                        + " the limit; it was not read further.");
    }

    @Test
    void e021_defaultNestingLimit_onAHundredThousandLevels() {
        String deep = "{\"predictions\": [], \"x\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThat(texts(read(deep, WEATHER, SampleFacts.unknown(), ValidationOptions.defaults())))
                .containsExactly(
                        "warning W003 .lightly/predictions/t/my_image.json:1:26 /x: The field \"x\" is "
                                + "not part of a prediction file (file_name, predictions); it is ignored.",
                        "error E021 .lightly/predictions/t/my_image.json: The file nests lists and "
                                + "objects deeper than 64 levels, the limit; it was not read further.");
    }

    @Test
    void e022_tooManySingletons() {
        ValidationOptions few = ValidationOptions.defaults().withLimits(ValidationLimits.DEFAULTS.withMaxSingletons(2));
        String json = "{\"predictions\": [{\"category_id\": 0}, {\"category_id\": 1}, {\"category_id\": 2}, "
                + "{\"category_id\": 0}]}";
        assertThat(texts(read(json, WEATHER, SampleFacts.unknown(), few)))
                .containsExactly("error E022 .lightly/predictions/t/my_image.json:1:58 /predictions/2: The file "
                        + "has more than 2 singletons, the limit; it was not read further.");
    }

    @Test
    void e023_rleTooLong() {
        ValidationOptions shortRle =
                ValidationOptions.defaults().withLimits(ValidationLimits.DEFAULTS.withMaxRleCounts(3));
        assertThat(texts(read(
                        "{\"predictions\": [{\"category_id\": 0, \"segmentation\": [1, 1, 1, 1, 1], \"score\": 0.5}]}",
                        CARS,
                        SampleFacts.unknown(),
                        shortRle)))
                .containsExactly("error E023 .lightly/predictions/t/my_image.json:1:63 "
                        + "/predictions/0/segmentation: The segmentation has more than 3 counts, "
                        + "the limit; it was not read further.");
    }

    @Test
    void e032_e033_e034_strictMode() {
        FileResult<PredictionFile> r = read(
                "{\"predictions\": [ /* none */ ], \"extra\": 1,}",
                PEOPLE,
                SampleFacts.unknown(),
                ValidationOptions.strictDefaults());
        assertThat(r.value()).isEmpty();
        assertThat(texts(r))
                .containsExactly(
                        "error E032 .lightly/predictions/t/my_image.json:1:19: A /* */ comment is not "
                                + "JSON; strict mode expects plain JSON.",
                        "error E033 .lightly/predictions/t/my_image.json:1:43: A comma before '}' is "
                                + "not JSON; strict mode expects plain JSON.",
                        "error E034 .lightly/predictions/t/my_image.json:1:42 /extra: The field "
                                + "\"extra\" is not part of a prediction file (file_name, predictions); strict "
                                + "mode allows no unknown fields.");
    }

    @Test
    void w003_unknownSingletonField_lenient() {
        FileResult<PredictionFile> r = detection(
                "\"category_id\": 0, \"bbox\": [1, 1, 1, 1], \"score\": 0.5, \"area\": 1, \"segmentation\": [1]");
        assertThat(r.value())
                .contains(new PredictionFile(
                        Optional.empty(),
                        List.of(new Singleton.Detection(0, new BoundingBox(1, 1, 1, 1), 0.5, Optional.empty()))));
        assertThat(texts(r))
                .containsExactly(
                        "warning W003 .lightly/predictions/t/my_image.json:1:81 /predictions/0/area: "
                                + "The field \"area\" is not part of an object-detection "
                                + "prediction (category_id, bbox, score, probabilities); it is ignored.",
                        "warning W003 .lightly/predictions/t/my_image.json:1:100 "
                                + "/predictions/0/segmentation: The field \"segmentation\" is not part of an "
                                + "object-detection prediction (category_id, bbox, score, "
                                + "probabilities); it is ignored.");
    }

    @Test
    void w006_warningsUpToTheLimit_thenAnError_theErrorIsStillReported() {
        ValidationOptions two =
                ValidationOptions.defaults().withLimits(ValidationLimits.DEFAULTS.withMaxDiagnosticsPerFile(2));
        String json = "{\"predictions\": [{\"category_id\": 0, \"bbox\": [1, 1, 1, 1], \"score\": 0.5, \"a\": 1,"
                + " \"b\": 2, \"c\": 3}, {\"category_id\": 9, \"bbox\": [1, 1, 1, 1], \"score\": 0.5}]}";
        FileResult<PredictionFile> r = read(json, PEOPLE, SampleFacts.unknown(), two);
        assertThat(r.value()).isEmpty();
        assertThat(r.errorCount()).isEqualTo(1);
        assertThat(texts(r))
                .containsExactly(
                        "warning W003 .lightly/predictions/t/my_image.json:1:78 /predictions/0/a: The field \"a\""
                                + " is not part of an object-detection prediction (category_id, bbox, score,"
                                + " probabilities); it is ignored.",
                        "warning W003 .lightly/predictions/t/my_image.json:1:86 /predictions/0/b: The field \"b\""
                                + " is not part of an object-detection prediction (category_id, bbox, score,"
                                + " probabilities); it is ignored.",
                        "error E004 .lightly/predictions/t/my_image.json:1:114 /predictions/1/category_id:"
                                + " category_id 9 is not in the schema; expected one of 0, 1.",
                        "warning W006 .lightly/predictions/t/my_image.json: 1 more problem"
                                + " was found in this file and not reported (limit 2 per file).");
    }

    @Test
    void w006_diagnosticsPerFileAreBounded() {
        ValidationOptions two =
                ValidationOptions.defaults().withLimits(ValidationLimits.DEFAULTS.withMaxDiagnosticsPerFile(2));
        String json = "{\"predictions\": [{\"category_id\": 9}, {\"category_id\": 9}, {\"category_id\": 9}, "
                + "{\"category_id\": 9}]}";
        FileResult<PredictionFile> r = read(json, WEATHER, SampleFacts.unknown(), two);
        assertThat(texts(r))
                .containsExactly(
                        "error E004 .lightly/predictions/t/my_image.json:1:34 "
                                + "/predictions/0/category_id: category_id 9 is not in the schema; expected one "
                                + "of 0, 1, 2.",
                        "error E004 .lightly/predictions/t/my_image.json:1:54 "
                                + "/predictions/1/category_id: category_id 9 is not in the schema; expected one "
                                + "of 0, 1, 2.",
                        "warning W006 .lightly/predictions/t/my_image.json: 2 more problems were found "
                                + "in this file and not reported (limit 2 per file).");
    }

    @Test
    void commentMarkersInsideStringsAreNotComments() {
        FileResult<PredictionFile> r =
                read("{\"file_name\": \"a//b/*c*/,]\", \"predictions\": []}", PEOPLE, SampleFacts.unknown());
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.value().orElseThrow().fileName()).contains("a//b/*c*/,]");
    }
}
