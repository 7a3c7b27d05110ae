package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.demo.DemoDataset;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    static final String CONFIG = """
            {"selection": {"n_samples": 3, "strategies": [
              {"input": {"type": "EMBEDDINGS"}, "strategy": {"type": "DIVERSITY"}},
              {"input": {"type": "SCORES", "task": "shapes", "score": "uncertainty_margin"}, "strategy": {"type": \
            "WEIGHTS"}}]},
             "seed": 1}
            """;

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    int run(String... args) {
        return Finished.runInto(out, err, args);
    }

    @Test
    void run_withSeparateOutput_writesResultsThereAndNothingIntoTheInput() throws Exception {
        Path input = tmp.resolve("images");
        Path output = tmp.resolve("results");
        DemoDataset.generate(input, 10, 48, 36, 3);
        Files.createDirectories(output);
        Files.move(input.resolve(".lightly"), output.resolve(".lightly"));
        Files.writeString(tmp.resolve("run.json"), CONFIG);

        int exit = run(
                "run",
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--config",
                tmp.resolve("run.json").toString(),
                "--run-id",
                "t1",
                "--threads",
                "2");

        assertThat(err.toString()).isEmpty();
        assertThat(exit).isEqualTo(ExitCodes.OK);
        Path runFolder = output.resolve(".winnow/runs/t1");
        assertThat(out.toString())
                .isEqualTo("Run t1 finished.\n"
                        + "  samples:     10 listed (10 images), 10 processed, 0 known from earlier "
                        + "runs, 0 unreadable\n"
                        + "  predictions: 30 files, 0 invalid; 0 errors, 0 warnings\n"
                        + "  selected:    3 of 10 candidates (picked the requested number of samples)\n"
                        + "  results:     " + runFolder + "\n"
                        + "  report:      " + runFolder.resolve("report.html") + "\n");
        assertThat(Files.readAllLines(runFolder.resolve("selected.txt"))).hasSize(3);
        assertThat(input.resolve(".winnow")).doesNotExist();
        try (Stream<Path> files = Files.walk(input)) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(11); // 10 images and the demo marker
        }
    }

    @Test
    void run_unknownConfigKey_exitsWithUsageAndTheHint() throws Exception {
        DemoDataset.generate(tmp.resolve("images"), 2, 32, 24, 3);
        Files.writeString(tmp.resolve("run.json"), CONFIG.replace("\"seed\"", "\"sede\""));

        int exit = run(
                "run",
                "--input",
                tmp.resolve("images").toString(),
                "--config",
                tmp.resolve("run.json").toString());

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("winnow: Unknown key 'sede' at /sede. Did you mean 'seed'?\n");
        assertThat(tmp.resolve("images/.winnow")).doesNotExist();
    }

    @Test
    void run_configThatIsNotUtf8_namesTheByte() throws Exception {
        DemoDataset.generate(tmp.resolve("images"), 2, 32, 24, 3);
        byte[] latin1 = "{\"seed\": 1, \"caf\u00e9\": 2}".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(tmp.resolve("run.json"), latin1);

        int exit = run(
                "run",
                "--input",
                tmp.resolve("images").toString(),
                "--config",
                tmp.resolve("run.json").toString());

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .isEqualTo("winnow: The run configuration " + tmp.resolve("run.json")
                        + " is not UTF-8 text: the byte at offset 16 does not belong to a UTF-8 character.\n");
    }

    @Test
    void run_missingConfigFile_exitsWithUsage() {
        int exit = run(
                "run",
                "--input",
                tmp.toString(),
                "--config",
                tmp.resolve("nope.json").toString());
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .isEqualTo("winnow: The run configuration " + tmp.resolve("nope.json")
                        + " does not exist or is not a file.\n");
    }

    @Test
    void run_everyPredictionFileOfATaskInvalid_exitsWithInvalid() throws Exception {
        Path input = tmp.resolve("images");
        DemoDataset.generate(input, 3, 32, 24, 3);
        try (Stream<Path> files = Files.walk(input.resolve(".lightly/predictions/shapes/images"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.writeString(file, "[]");
            }
        }
        Files.writeString(tmp.resolve("run.json"), CONFIG);

        int exit = run(
                "run",
                "--input",
                input.toString(),
                "--config",
                tmp.resolve("run.json").toString(),
                "--run-id",
                "bad");

        assertThat(exit).isEqualTo(ExitCodes.INVALID);
        assertThat(err.toString())
                .isEqualTo("winnow: error E030 .lightly/predictions/shapes: Every one of the 3 prediction "
                        + "files of task 'shapes' is invalid; fix them or remove the task from tasks.json.\n");
        assertThat(input.resolve(".winnow/runs/bad")).doesNotExist();
        assertThat(input.resolve(".winnow/runs/.bad.partial")).doesNotExist();
    }

    @Test
    void demo_printsWhereTheReportIs() throws Exception {
        Path dir = tmp.resolve("demo");
        int exit = run("demo", "--dir", dir.toString());

        assertThat(exit).isEqualTo(ExitCodes.OK);
        Path report = dir.resolve(".winnow/runs/demo/report.html");
        Path objects = dir.resolve(".winnow/runs/demo-objects/report.html");
        // 300 images and the 60 frames of the video.
        assertThat(out.toString())
                .contains(
                        "Run demo finished.\n",
                        "  selected:    30 of 360 candidates",
                        "Run demo-objects finished.\n",
                        "  selected:    40 of ",
                        "Open the report: " + report + "\n",
                        "The selection among the shapes: " + objects + "\n");
        assertThat(report).exists();
        assertThat(objects).exists();
        try (Stream<Path> images = Files.list(dir.resolve("images"))) {
            assertThat(images.count()).isEqualTo(300);
        }
    }
}
