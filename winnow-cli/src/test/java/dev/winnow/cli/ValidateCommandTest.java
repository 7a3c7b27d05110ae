package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir
    Path input;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Finished.runInto(out, err, args);
    }

    private void write(String path, String text) throws IOException {
        Path file = input.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void png(String path, int width, int height) throws IOException {
        Path file = input.resolve(path);
        Files.createDirectories(file.getParent());
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
    }

    private Map<String, String> tree() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(input)) {
            for (Path p : walk.toList()) {
                files.put(
                        input.relativize(p).toString(),
                        Files.isDirectory(p)
                                ? "dir"
                                : Files.size(p) + "@"
                                        + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return files;
    }

    /** Two valid files, two invalid ones, one sample without predictions. */
    private void mixedDatasource() throws IOException {
        png("a.png", 64, 48);
        png("b.png", 64, 48);
        png("c/d.png", 64, 48);
        png("e.png", 64, 48);
        write(".lightly/predictions/tasks.json", "[\"det\",]");
        write(".lightly/predictions/det/schema.json", """
                {"task_type": "object-detection", "categories": [{"id": 0, "name": "person"}]}""");
        write(".lightly/predictions/det/a.json", """
                {"file_name": "a.png", "predictions": [{"category_id": 0, "bbox": [0, 0, 64, 48], "score": 1}]}""");
        write(".lightly/predictions/det/b.json", """
                {"predictions": [
                  {"category_id": 0, "bbox": [10, 10, 60, 5], "score": 0.5}
                ]}""");
        write(".lightly/predictions/det/c/d.json", "{\"predictions\": []}");
        write(".lightly/predictions/det/f.json", "{\"predictions\": []}");
    }

    @Test
    void text_mixedValidAndInvalid_exit1_nothingWritten() throws IOException {
        mixedDatasource();
        Map<String, String> before = tree();
        int exit = run("validate", "--input", input.toString());
        assertThat(out.toString()).isEqualTo("""
                error E012 .lightly/predictions/det/b.json:2:30 /predictions/0/bbox: bbox [10, 10, 60, 5] ends at x = \
                70, y = 15, outside the 64 x 48 image; expected x + width <= 64 and y + height <= 48.
                error E016 .lightly/predictions/det/f.json: No sample of the input matches this prediction file; \
                expected an image f.<ext> or a video frame name <video>-<frame>-<ext>.json of an input video.
                warning W002 .lightly/predictions/tasks.json:1:7: A comma before ']' is not JSON; it was ignored.
                warning W004 e.png: The sample has no prediction in task "det"; expected \
                .lightly/predictions/det/e.json.
                task det (object-detection): 4 files checked, 2 valid, 2 invalid, 1 sample without predictions
                summary: 1 task, 4 files checked, 2 valid, 2 invalid, 2 errors, 2 warnings, 1 sample without \
                predictions (of 4 samples: 4 images).
                The predictions have errors.
                """);
        assertThat(err.toString()).isEmpty();
        assertThat(exit).isEqualTo(ExitCodes.INVALID);
        assertThat(tree()).isEqualTo(before);
    }

    @Test
    void json_oneObjectPerLine_thenSummary() throws IOException {
        mixedDatasource();
        int exit = run("validate", "--input", input.toString(), "--format", "json", "--max-errors", "2");
        assertThat(out.toString()).isEqualTo("""
                {"severity":"error","code":"E012","file":".lightly/predictions/det/b.json",\
                "pointer":"/predictions/0/bbox","line":2,"column":30,"message":"bbox [10, 10, 60, 5] ends at x = 70, y \
                = 15, outside the 64 x 48 image; expected x + width <= 64 and y + height <= 48."}
                {"severity":"error","code":"E016","file":".lightly/predictions/det/f.json","pointer":"","line":null,\
                "column":null,"message":"No sample of the input matches this prediction file; expected an image \
                f.<ext> or a video frame name <video>-<frame>-<ext>.json of an input video."}
                {"type":"summary","valid":false,"tasks":1,"files_checked":4,"valid_files":2,"invalid_files":2,\
                "errors":2,"warnings":2,"samples":4,"samples_without_predictions":1,"suppressed":2,\
                "task_results":[{"name":"det","task_type":"object-detection","files_checked":4,"valid_files":2,\
                "invalid_files":2,"samples_without_predictions":1,"failed":false}]}
                """);
        assertThat(exit).isEqualTo(ExitCodes.INVALID);
    }

    @Test
    void text_aRepeatedProblemIsOneLine_jsonListsEveryOne() throws IOException {
        mixedDatasource();
        for (int i = 0; i < 4; i++) {
            png("more/m" + i + ".png", 8, 8);
        }
        int exit = run("validate", "--input", input.toString());
        assertThat(out.toString()).isEqualTo("""
                error E012 .lightly/predictions/det/b.json:2:30 /predictions/0/bbox: bbox [10, 10, 60, 5] ends at x = \
                70, y = 15, outside the 64 x 48 image; expected x + width <= 64 and y + height <= 48.
                error E016 .lightly/predictions/det/f.json: No sample of the input matches this prediction file; \
                expected an image f.<ext> or a video frame name <video>-<frame>-<ext>.json of an input video.
                warning W002 .lightly/predictions/tasks.json:1:7: A comma before ']' is not JSON; it was ignored.
                warning W004 (5 times): A sample has no prediction file in a task. First at e.png, more/m0.png, \
                more/m1.png; the first says: The sample has no prediction in task "det"; expected \
                .lightly/predictions/det/e.json.
                task det (object-detection): 4 files checked, 2 valid, 2 invalid, 5 samples without predictions
                summary: 1 task, 4 files checked, 2 valid, 2 invalid, 2 errors, 6 warnings, 5 samples without \
                predictions (of 8 samples: 8 images).
                The predictions have errors.
                """);
        assertThat(exit).isEqualTo(ExitCodes.INVALID);

        out.getBuffer().setLength(0);
        run("validate", "--input", input.toString(), "--format", "json");
        assertThat(out.toString()
                        .lines()
                        .filter(l -> l.contains("\"code\":\"W004\""))
                        .count())
                .isEqualTo(5);
    }

    @Test
    void text_maxErrors_notesTheSuppressed() throws IOException {
        mixedDatasource();
        run("validate", "--input", input.toString(), "--max-errors", "1");
        assertThat(out.toString()).contains("note: 3 more diagnostics not shown (--max-errors 1).\n");
    }

    @Test
    void strict_trailingCommaInTasksJsonIsAnError() throws IOException {
        mixedDatasource();
        int exit = run("validate", "--input", input.toString(), "--strict");
        assertThat(out.toString()).isEqualTo("""
                error E033 .lightly/predictions/tasks.json:1:7: A comma before ']' is not JSON; strict mode expects \
                plain JSON.
                summary: 0 tasks, 0 files checked, 0 valid, 0 invalid, 1 error, 0 warnings, 0 samples without \
                predictions (of 4 samples: 4 images).
                The predictions have errors.
                """);
        assertThat(exit).isEqualTo(ExitCodes.INVALID);
    }

    @Test
    void valid_separateOutputLocation_exit0(@TempDir Path predictions) throws IOException {
        png("a.png", 64, 48);
        Path det = predictions.resolve(".lightly/predictions/det");
        Files.createDirectories(det);
        Files.writeString(predictions.resolve(".lightly/predictions/tasks.json"), "[\"det\"]");
        Files.writeString(
                det.resolve("schema.json"),
                "{\"task_type\": \"object-detection\", \"categories\": [{\"id\": 0, \"name\": \"p\"}]}");
        Files.writeString(
                det.resolve("a.json"),
                "{\"predictions\": [{\"category_id\": 0, \"bbox\": [1, 1, 2, 2], \"score\": 0.5}]}");
        int exit = run("validate", "--input", input.toString(), "--output", predictions.toString(), "--task", "det");
        assertThat(out.toString()).isEqualTo("""
                task det (object-detection): 1 file checked, 1 valid, 0 invalid, 0 samples without predictions
                summary: 1 task, 1 file checked, 1 valid, 0 invalid, 0 errors, 0 warnings, 0 samples without \
                predictions (of 1 sample: 1 image).
                The predictions are valid.
                """);
        assertThat(exit).isEqualTo(ExitCodes.OK);
    }

    @Test
    void unknownTask_isAUsageError() throws IOException {
        mixedDatasource();
        int exit = run("validate", "--input", input.toString(), "--task", "seg");
        assertThat(err.toString())
                .isEqualTo(
                        "winnow: The task \"seg\" is not listed in .lightly/predictions/tasks.json; it lists: det.\n");
        assertThat(out.toString()).isEmpty();
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void badRelevantFilenames_isAUsageError() throws IOException {
        mixedDatasource();
        write(".lightly/relevant_filenames.txt", "a.png\n../b.png\n");
        int exit = run("validate", "--input", input.toString());
        assertThat(err.toString())
                .startsWith("winnow: ")
                .contains("Line 2 of .lightly/relevant_filenames.txt ('../b.png')");
        assertThat(out.toString()).isEmpty();
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void missingInput_isAUsageError() {
        int exit = run("validate", "--input", input.resolve("nowhere").toString());
        assertThat(err.toString()).startsWith("winnow: ").contains("nowhere");
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void badOptions_areUsageErrors() {
        assertThat(run("validate", "--input", input.toString(), "--max-errors", "-1"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("winnow: --max-errors must be 0 (no limit) or more, but was -1.\n");
        assertThat(run("validate", "--input", input.toString(), "--format", "xml"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run("validate")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("winnow: The option --input LOC is required by 'winnow validate'.\n");
    }

    /** The example the README's first command validates. */
    @Test
    void bundledExample_isValid() {
        Path example = Path.of("..", "examples", "predictions");
        int exit = run("validate", "--input", example.toString());
        assertThat(out.toString()).isEqualTo("""
                task weather (classification): 3 files checked, 3 valid, 0 invalid, 0 samples without predictions
                task objects (object-detection): 3 files checked, 3 valid, 0 invalid, 0 samples without predictions
                task sky_segmentation (semantic-segmentation): 3 files checked, 3 valid, 0 invalid, 0 samples without \
                predictions
                summary: 3 tasks, 9 files checked, 9 valid, 0 invalid, 0 errors, 0 warnings, 0 samples without \
                predictions (of 3 samples: 3 images).
                The predictions are valid.
                """);
        assertThat(exit).isEqualTo(ExitCodes.OK);
    }

    @Test
    void version() {
        int exit = run("--version");
        assertThat(out.toString()).isEqualTo("winnow 0.1.0\n");
        assertThat(exit).isEqualTo(ExitCodes.OK);
    }
}
