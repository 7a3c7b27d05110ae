package dev.winnow.format.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.winnow.format.Category;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.FrameName;
import dev.winnow.format.PredictionFile;
import dev.winnow.format.RleMask;
import dev.winnow.format.TaskList;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import dev.winnow.format.io.Csv;
import dev.winnow.format.io.PredictionFileReader;
import dev.winnow.format.io.PredictionWriter;
import dev.winnow.format.io.SchemaReader;
import dev.winnow.format.io.TaskListReader;
import dev.winnow.format.rle.CocoRle;
import dev.winnow.format.validate.FileResult;
import dev.winnow.format.validate.SampleFacts;
import dev.winnow.format.validate.ValidationOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Fuzz targets for the readers of the predictions format. Each input either reads into a value or
 * into coded diagnostics in Winnow's words; any other exception is a finding. Without
 * {@code JAZZER_FUZZ=1} each target replays its committed corpus ({@code FormatFuzzTestInputs/<target>}).
 */
class FormatFuzzTest {
    private static final Pattern CODE = Pattern.compile("[EWC][0-9]{3}");
    private static final String FILE = ".lightly/predictions/t/a.json";
    private static final List<TaskSchema> SCHEMAS = List.of(
            new TaskSchema(TaskType.CLASSIFICATION, List.of(Category.of(0, "sunny"), Category.of(1, "cloudy"))),
            new TaskSchema(TaskType.OBJECT_DETECTION, List.of(Category.of(0, "car"), Category.of(2, "cloud"))),
            new TaskSchema(TaskType.SEMANTIC_SEGMENTATION, List.of(Category.of(0, "ground"), Category.of(1, "sky"))),
            new TaskSchema(TaskType.INSTANCE_SEGMENTATION, List.of(Category.of(1, "dog"), Category.of(3, "cat"))),
            new TaskSchema(
                    TaskType.KEYPOINT_DETECTION,
                    List.of(new Category(
                            0, "person", null, List.of("nose", "eye"), List.of(new Category.SkeletonEdge(1, 2))))));

    /** Every prediction file is read against each task type, for a sample of known and unknown size. */
    @FuzzTest(maxDuration = "30s")
    void predictionFile(byte[] input) {
        for (TaskSchema schema : SCHEMAS) {
            for (SampleFacts facts : List.of(SampleFacts.of("a.png", 32, 48), SampleFacts.unknown())) {
                FileResult<PredictionFile> result =
                        PredictionFileReader.read(FILE, input, schema, facts, ValidationOptions.defaults());
                checkDiagnostics(result, FILE);
                result.value().ifPresent(file -> {
                    FileResult<PredictionFile> again = PredictionFileReader.read(
                            FILE, PredictionWriter.toBytes(file), schema, facts, ValidationOptions.defaults());
                    assertThat(again.value())
                            .as("a valid file written back reads the same")
                            .contains(file);
                });
            }
        }
    }

    @FuzzTest(maxDuration = "30s")
    void schema(byte[] input) {
        for (ValidationOptions options : List.of(ValidationOptions.defaults(), ValidationOptions.strictDefaults())) {
            FileResult<TaskSchema> result = SchemaReader.read("schema.json", input, options);
            checkDiagnostics(result, "schema.json");
            result.value()
                    .ifPresent(schema -> assertThat(
                                    SchemaReader.read("schema.json", PredictionWriter.toBytes(schema), options)
                                            .value())
                            .as("a valid schema written back reads the same")
                            .contains(schema));
        }
    }

    @FuzzTest(maxDuration = "30s")
    void taskList(byte[] input) {
        FileResult<TaskList> result = TaskListReader.read("tasks.json", input, ValidationOptions.defaults());
        checkDiagnostics(result, "tasks.json");
        result.value()
                .ifPresent(tasks -> assertThat(TaskListReader.read(
                                        "tasks.json", PredictionWriter.toBytes(tasks), ValidationOptions.defaults())
                                .value())
                        .contains(tasks));
    }

    /**
     * COCO's compressed RLE counts, given as a first line {@code height width} and the counts after
     * it: a mask or an {@link IllegalArgumentException} in Winnow's words; a mask survives the trip
     * to row-major runs and back.
     */
    @FuzzTest(maxDuration = "30s")
    void cocoRle(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        if (newline < 0) {
            return;
        }
        String[] size = text.substring(0, newline).trim().split(" ");
        if (size.length != 2 || !size[0].matches("[0-9]{1,4}") || !size[1].matches("[0-9]{1,4}")) {
            return;
        }
        int height = Integer.parseInt(size[0]);
        int width = Integer.parseInt(size[1]);
        CocoRle rle;
        try {
            rle = CocoRle.fromCompressed(height, width, text.substring(newline + 1));
        } catch (IllegalArgumentException e) {
            checkSentence(e.getMessage());
            return;
        }
        RleMask rowMajor = rle.toRowMajor();
        assertThat(rowMajor.pixelCount()).isEqualTo((long) height * width);
        CocoRle back = CocoRle.fromRowMajor(rowMajor, height, width);
        assertThat(back.area()).isEqualTo(rle.area());
        assertThat(CocoRle.fromCompressed(height, width, back.compressedCounts()))
                .isEqualTo(back);
    }

    /** Frame names: a parse is a video name and an index that format back into the same name. */
    @FuzzTest(maxDuration = "30s")
    void frameName(byte[] input) {
        String base = new String(input, StandardCharsets.UTF_8);
        FrameName.parse(base).ifPresent(parsed -> {
            assertThat(parsed.index()).isNotNegative();
            assertThat(parsed.video()).isNotEmpty();
            int frames = Math.max(
                    parsed.index() + 1, (int) Math.pow(10, parsed.indexText().length() - 1));
            if (parsed.paddedFor(frames)) {
                assertThat(FrameName.of(parsed.video(), parsed.index(), frames).base())
                        .isEqualTo(base);
            }
        });
    }

    /** CSV lines: a split line quotes back into fields that split the same way. */
    @FuzzTest(maxDuration = "30s")
    void csvLine(byte[] input) {
        String line = new String(input, StandardCharsets.UTF_8);
        List<String> fields;
        try {
            fields = Csv.split(line);
        } catch (IllegalArgumentException e) {
            checkSentence(e.getMessage());
            return;
        }
        Csv csv = new Csv();
        fields.forEach(csv::field);
        String written = csv.endLine().toString();
        assertThat(Csv.split(written.substring(0, written.length() - 1))).isEqualTo(fields);
    }

    static void checkDiagnostics(FileResult<?> result, String file) {
        if (!result.isValid()) {
            assertThat(result.errorCount()).as("an unread file says why").isPositive();
        }
        for (Diagnostic d : result.diagnostics()) {
            assertThat(d.code()).matches(CODE);
            assertThat(d.file()).isEqualTo(file);
            checkSentence(d.message());
        }
    }

    /** A message in Winnow's words: a sentence, with no exception or library name in it. */
    static void checkSentence(String message) {
        assertThat(message).isNotBlank().doesNotContain("Exception", "tools.jackson", "com.fasterxml", "\tat ");
    }
}
