package dev.winnow.cli;

import static dev.winnow.cli.Finished.inProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.winnow.demo.DemoDataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A datasource built to hurt: link loops, links leading out, a named pipe, a device, a file no one
 * may read, names with a line break or bytes that are not UTF-8, a path of over 1,000 characters,
 * and 100,000 empty files. {@code validate}, {@code scores} and {@code run} each finish within a
 * time limit, name every sample they leave out, and pass over what is no file at all.
 */
class HostileDatasourceTest {
    private static final Duration LIMIT = Duration.ofMinutes(3);
    private static final String RUN_CONFIG = """
            {"selection": {"n_samples": 3, "strategies": [
              {"input": {"type": "EMBEDDINGS"}, "strategy": {"type": "DIVERSITY"}}]}, "seed": 1}
            """;

    @TempDir
    Path dir;

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int shell(String script, Path where) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", script)
                .directory(where.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    @Test
    void hostileCorpus_everySampleLeftOutIsNamed_nothingWaits() throws Exception {
        Path data = dir.resolve("data");
        DemoDataset.generate(data, 2, 48, 36, 3);
        Path images = data.resolve("images");
        Path good = images.resolve("shapes-0.jpg");
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.copy(good, outside.resolve("x.jpg"));
        Files.createSymbolicLink(images.resolve("loop"), Path.of("."));
        Files.createSymbolicLink(images.resolve("a.jpg"), Path.of("b.jpg"));
        Files.createSymbolicLink(images.resolve("b.jpg"), Path.of("a.jpg"));
        Files.createSymbolicLink(images.resolve("out.jpg"), outside.resolve("x.jpg"));
        Files.createSymbolicLink(images.resolve("outdir"), outside);
        Files.copy(good, images.resolve("new\nline.jpg"));
        Files.copy(good, images.resolve("locked.jpg"));
        Files.setPosixFilePermissions(images.resolve("locked.jpg"), PosixFilePermissions.fromString("---------"));
        String deep = String.join("/", "d".repeat(200), "e".repeat(200), "f".repeat(200), "g".repeat(200));
        Files.createDirectories(images.resolve(deep));
        Files.copy(good, images.resolve(deep).resolve("h".repeat(200) + ".jpg"));
        String longName = "images/" + deep + "/" + "h".repeat(200) + ".jpg";
        assertThat(longName.length()).isGreaterThan(1000);
        assertThat(shell("mkfifo pipe.jpg && cp shapes-1.jpg $'bad\\xff.jpg'", images))
                .isZero();
        boolean device = shell("mknod null.jpg c 1 3", images) == 0;
        // Whoever may bypass permissions (root) reads the locked file all the same.
        boolean lockedReadable = Files.isReadable(images.resolve("locked.jpg"));
        System.out.println(
                "HostileDatasourceTest: " + (device ? "a device file was made" : "no device file could be made")
                        + "; "
                        + (lockedReadable
                                ? "the tests run with the right to read any file, so a file with mode 000 is read"
                                : "a file with mode 000 cannot be read"));
        Files.writeString(dir.resolve("run.json"), RUN_CONFIG);
        String outsideLine = "error E031 images/out.jpg: The sample is a link to " + outside.resolve("x.jpg")
                + ", outside the input " + data + "; it is not read and is left out.";
        String bad = "images/bad\uFFFD.jpg";

        String noPrediction = "warning W004 (12 times): A sample has no prediction file in a task. First at " + bad
                + ", "
                + bad + ", " + bad + "; the first says: The sample has no prediction in task \"shape-class\"; expected"
                + " .lightly/predictions/shape-class/images/bad\uFFFD.json.\n";
        String tasks = "task shape-class (classification): 2 files checked, 2 valid, 0 invalid, 4 samples "
                + "without predictions\n"
                + "task shapes (object-detection): 2 files checked, 2 valid, 0 invalid, 4 "
                + "samples without predictions\n"
                + "task regions (semantic-segmentation): 2 files checked, 2 valid, 0 invalid, 4 samples without"
                + " predictions\n";

        assertTimeoutPreemptively(LIMIT, () -> {
            Finished validate = inProcess(List.of("validate", "--input", data.toString()));
            Finished scores = inProcess(List.of("scores", "--input", data.toString(), "--task", DemoDataset.DETECTION));
            Finished run = inProcess(List.of(
                    "run",
                    "--input",
                    data.toString(),
                    "--config",
                    dir.resolve("run.json").toString(),
                    "--run-id",
                    "h"));
            Path runFolder = data.resolve(".winnow/runs/h");
            SoftAssertions.assertSoftly(soft -> {
                // The samples validate counts (6): the two demo images, the locked one, the one with the long
                // path, the one with a line break and the one whose name is not UTF-8; none has predictions.
                soft.assertThat(validate.out())
                        .isEqualTo(noPrediction + outsideLine + "\n" + tasks
                                + "summary: 3 tasks, 6 files checked, 6 valid, 0 invalid, 1 error, 12 "
                                + "warnings, 12 samples"
                                + " without predictions (of 6 samples: 6 images).\nThe predictions have errors.\n");
                soft.assertThat(validate.exit()).isEqualTo(ExitCodes.INVALID);
                soft.assertThat(scores.err())
                        .isEqualTo(outsideLine
                                + "\nScored 2 samples (2 images) of task shapes. 4 samples have no prediction file.\n");
                soft.assertThat(scores.out().lines().map(l -> l.substring(0, l.indexOf(','))))
                        .containsExactly("sample", "images/shapes-0.jpg", "images/shapes-1.jpg");
                soft.assertThat(run.err()).isEqualTo("");
                soft.assertThat(run.out())
                        .isEqualTo("Run h finished.\n"
                                + "  samples:     4 listed (4 images), 4 processed, 0 known from earlier "
                                + "runs, 0 unreadable\n"
                                + "  predictions: 6 files, 0 invalid; 3 errors, 6 warnings\n"
                                + "  selected:    3 of 4 candidates (picked the requested number of samples)\n"
                                + "  results:     " + runFolder + "\n"
                                + "  report:      " + runFolder.resolve("report.html") + "\n");
                soft.assertThat(run.exit()).isEqualTo(ExitCodes.OK);
                List<String> diagnostics = readLines(runFolder.resolve("diagnostics.jsonl"));
                soft.assertThat(diagnostics.stream().filter(d -> d.contains("\"W004\"")))
                        .hasSize(6);
                soft.assertThat(diagnostics.stream().filter(d -> d.contains("\"E031\"")))
                        .containsExactly(
                                "{\"severity\":\"error\",\"code\":\"E031\",\"file\":\"" + bad
                                        + "\",\"pointer\":\"\",\"line\":null,\"column\":null,"
                                        + "\"message\":\"The file's name is"
                                        + " not UTF-8 text, so it cannot be opened by the name listed "
                                        + "(U+FFFD marks the bytes);"
                                        + " rename it to include it. It is left out of the run.\"}",
                                "{\"severity\":\"error\",\"code\":\"E031\",\"file\":\"images/"
                                        + "new\\nline.jpg\",\"pointer\":\"\","
                                        + "\"line\":null,\"column\":null,\"message\":\"The file's name "
                                        + "holds a line break, which"
                                        + " the run's files (a name per line) cannot hold; rename it to "
                                        + "include it. It is left"
                                        + " out of the run.\"}",
                                "{\"severity\":\"error\",\"code\":\"E031\",\"file\":\"images/out.jpg\","
                                        + "\"pointer\":\"\","
                                        + "\"line\":null,\"column\":null,\"message\":\"The sample is a link to "
                                        + outside.resolve("x.jpg") + ", outside the input " + data
                                        + "; it is not read and is left out.\"}");
                // The locked file is read where the tests may read any file (root), and is a candidate then.
                soft.assertThat(readLines(runFolder.resolve("selected.txt")))
                        .containsExactlyInAnyOrder("images/shapes-0.jpg", "images/shapes-1.jpg", longName);
            });
        });
    }

    @Test
    void aHundredThousandEmptyFiles_validateCountsThemAll() throws Exception {
        Path data = dir.resolve("many");
        for (int folder = 0; folder < 100; folder++) {
            Path f = Files.createDirectories(data.resolve(String.format("f%02d", folder)));
            for (int i = 0; i < 1000; i++) {
                Files.createFile(f.resolve(String.format("e%03d.jpg", i)));
            }
        }
        // A run over them (a decoding failure each) is a benchmark, not a test on two cores.
        assertTimeoutPreemptively(LIMIT, () -> {
            Finished validate = inProcess(List.of("validate", "--input", data.toString()));
            assertThat(validate.out())
                    .isEqualTo(
                            "error E024 .lightly/predictions/tasks.json: There is no tasks.json; expected a JSON list"
                                    + " of the task names to check at "
                                    + ".lightly/predictions/tasks.json.\nsummary: 0 tasks, 0 files"
                                    + " checked, 0 valid, 0 invalid, 1 error, 0 warnings, 0 samples "
                                    + "without predictions (of 100000"
                                    + " samples: 100000 images).\nThe predictions have errors.\n");
            assertThat(validate.exit()).isEqualTo(ExitCodes.INVALID);
        });
    }
}
