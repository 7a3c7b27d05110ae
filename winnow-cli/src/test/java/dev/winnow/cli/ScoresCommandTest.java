package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoresCommandTest {
    @TempDir
    Path input;

    @TempDir
    Path elsewhere;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void classification_writesTheWorkedExampleToStdout() throws Exception {
        write("b.png", "");
        write("a.png", "");
        write("c.png", "");
        tasks("cls");
        write(".lightly/predictions/cls/schema.json", """
                {"task_type": "classification", "categories": [{"id": 0, "name": "cat"}, {"id": 1, "name": "dog"},
                  {"id": 2, "name": "bird"}]}""");
        write(".lightly/predictions/cls/b.json", """
                {"file_name": "b.png", "predictions": [{"category_id": 0, "probabilities": [0.7, 0.2, 0.1]}]}""");
        write(".lightly/predictions/cls/a.json", """
                {"predictions": [{"category_id": 1, "probabilities": [0, 1, 0]}]}""");

        int exit = run("scores", "--input", input.toString(), "--task", "cls");

        assertThat(out.toString()).isEqualTo("""
                sample,uncertainty_least_confidence,uncertainty_margin,uncertainty_entropy
                a.png,0.0,0.0,0.0
                b.png,0.45,0.5,0.7298466991620975
                """);
        assertThat(err.toString())
                .isEqualTo("Scored 2 samples (2 images) of task cls. 1 sample has no prediction file.\n");
        assertThat(exit).isEqualTo(ExitCodes.OK);
    }

    @Test
    void detection_invalidFileSkippedWithItsDiagnostic_csvWrittenToOut() throws Exception {
        write("img/x.jpg", "");
        write("img/y.jpg", "");
        write("img/z.jpg", "");
        tasks("det");
        write(".lightly/predictions/det/schema.json", """
                {"task_type": "object-detection", "categories": [{"id": 3, "name": "person"}, {"id": 5, "name": \
                "car"}]}""");
        write(".lightly/predictions/det/img/x.json", """
                {"predictions": [
                  {"category_id": 3, "bbox": [0, 0, 10, 10], "score": 0.5},
                  {"category_id": 3, "bbox": [5, 5, 10, 10], "score": 0.75, "probabilities": [0.75, 0.25]}
                ]}""");
        write(".lightly/predictions/det/img/y.json", """
                {"predictions": [{"category_id": 5, "bbox": [0, 0, 10, 10], "score": 1.5}]}""");
        write(".lightly/predictions/det/img/z.json", """
                {"predictions": []}""");
        Path csv = elsewhere.resolve("reports/scores.csv");

        int exit =
                run("scores", "--input", input.toString(), "--task", "det", "--out", csv.toString(), "--threads", "2");

        assertThat(Files.readString(csv)).isEqualTo("""
                sample,objectness_least_confidence,object_frequency,uncertainty_least_confidence,uncertainty_margin,\
                uncertainty_entropy
                img/x.jpg,0.375,1.0,1.0,1.0,1.0
                img/z.jpg,0.0,0.9,0.0,0.0,0.0
                """);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString())
                .isEqualTo("error E005 .lightly/predictions/det/img/y.json:1:70 /predictions/0/score:"
                        + " score is 1.5; expected a number in [0, 1].\n"
                        + "Scored 2 samples (2 images) of task det. 1 invalid prediction file was skipped.\n");
        assertThat(exit).isEqualTo(ExitCodes.INVALID);
        try (var files = Files.list(csv.getParent())) {
            assertThat(files).containsExactly(csv);
        }
    }

    @Test
    void unknownTask_exitsWithUsageError() throws Exception {
        tasks("det");

        int exit = run("scores", "--input", input.toString(), "--task", "nope");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString())
                .isEqualTo("winnow: Task nope is not listed in .lightly/predictions/tasks.json; the "
                        + "listed tasks are det.\n");
    }

    @Test
    void outInsideTheInput_isRefused() throws Exception {
        tasks("det");

        int exit = run(
                "scores",
                "--input",
                input.toString(),
                "--task",
                "det",
                "--out",
                input.resolve("s.csv").toString());

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .isEqualTo("winnow: --out " + input.resolve("s.csv") + " lies inside the input location "
                        + input.toAbsolutePath().normalize()
                        + "; Winnow never writes there. Choose a file outside it.\n");
        assertThat(input.resolve("s.csv")).doesNotExist();
    }

    @Test
    void outNamingAFolder_isRefused() throws Exception {
        tasks("det");

        int exit = run("scores", "--input", input.toString(), "--task", "det", "--out", elsewhere.toString());

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .isEqualTo("winnow: --out " + elsewhere + " is a folder; name the CSV file to write, like "
                        + elsewhere.resolve("scores.csv") + ".\n");
    }

    @Test
    void separateOutputLocation_holdsThePredictions() throws Exception {
        write("a.png", "");
        Path output = elsewhere.resolve("out");
        writeAt(output, ".lightly/predictions/tasks.json", "[\"pose\"]");
        writeAt(output, ".lightly/predictions/pose/schema.json", """
                {"task_type": "keypoint-detection", "categories": [{"id": 0, "name": "person", "keypoints": ["nose", \
                "eye"]}]}""");
        writeAt(output, ".lightly/predictions/pose/a.json", """
                {"predictions": [{"category_id": 0, "keypoints": [1, 1, 0, 2, 2, 0], "score": 0.9}]}""");

        int exit = run("scores", "--input", input.toString(), "--output", output.toString(), "--task", "pose");

        assertThat(out.toString()).isEqualTo("sample,mean_uncertainty\na.png,1.0\n");
        assertThat(err.toString()).isEqualTo("Scored 1 sample (1 image) of task pose.\n");
        assertThat(exit).isEqualTo(ExitCodes.OK);
    }

    @Test
    void missingInput_isAUsageError() {
        int exit = run("scores", "--input", elsewhere.resolve("missing").toString(), "--task", "det");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("winnow: " + elsewhere.resolve("missing") + " does not exist.\n");
    }

    private int run(String... args) {
        return Finished.runInto(out, err, args);
    }

    private void tasks(String... names) throws IOException {
        write(".lightly/predictions/tasks.json", "[\"" + String.join("\", \"", names) + "\"]");
    }

    private void write(String path, String text) throws IOException {
        writeAt(input, path, text);
    }

    private static void writeAt(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
