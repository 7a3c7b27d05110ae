package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.demo.DemoDataset;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's first hour, scripted: the mistakes people make on their first runs, each answered
 * with Winnow's exact words and exit code. Every command goes through the same entry point as
 * {@code winnow} itself.
 */
class FirstHourTest {
    private static final String CONFIG = """
            {"selection": {"n_samples": 2, "strategies": [{"input": {"type": "EMBEDDINGS"}, "strategy": {"type": \
            "DIVERSITY"}}]}}
            """;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path tmp;

    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void clear() {
        out = new StringWriter();
        err = new StringWriter();
    }

    private int winnow(String... args) {
        clear();
        return Finished.runInto(out, err, args);
    }

    private Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static void png(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
    }

    /** A folder of images with one classification task, "cls", whose prediction files the caller writes. */
    private Path classified(String... images) throws IOException {
        Path data = tmp.resolve("data");
        for (String image : images) {
            png(data.resolve(image));
        }
        write(data.resolve(".lightly/predictions/tasks.json"), "[\"cls\"]");
        write(
                data.resolve(".lightly/predictions/cls/schema.json"),
                "{\"task_type\": \"classification\", \"categories\": [{\"id\": 0, \"name\": \"cat\"}]}");
        return data;
    }

    private static String prediction(String fileName) {
        return "{\"file_name\": \"" + fileName + "\", \"predictions\": [{\"category_id\": 0, \"probabilities\": [1]}]}";
    }

    @Test
    void help_listsEveryCommandWithAOneSentenceSummary() {
        assertThat(winnow("--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("""
                Usage: winnow [-hV] [--cloud-concurrency=N] [COMMAND]
                Validates model predictions, scores samples for active learning and selects the
                ones worth labelling.
                      --cloud-concurrency=N
                                  Requests in flight at once per bucket (s3://, gs://, az://);
                                    default: 64.
                  -h, --help      Show this help message and exit.
                  -V, --version   Print version information and exit.
                Commands:
                  help          Shows the help of a command, for example 'winnow help convert
                                  yolo'.
                  validate      Checks .lightly/predictions against the input's images and
                                  videos.
                  convert       Converts annotations or predictions from another format into a
                                  task of .lightly/predictions.
                  export        Exports a task of .lightly/predictions to another format.
                  run           Selects the samples worth labelling and writes them with a
                                  report.
                  serve         Shows the samples with their predictions, scores, runs and tags
                                  in a web browser.
                  demo          Generates a datasource of shapes and runs a selection over it.
                  scores        Writes the active-learning scores of one task's samples as CSV.
                  check-access  Checks what Winnow may do at a location.
                """);
    }

    @Test
    void typos_getTheCommandOrOptionMeant() {
        assertThat(winnow("valdiate")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("""
                winnow: Unknown command 'valdiate' for 'winnow'. Did you mean 'validate'?
                Run 'winnow --help' for usage.
                """);
        assertThat(out.toString()).isEmpty();

        // With its options, as typed in practice: the command is what was mistyped, not --input.
        assertThat(winnow("valdiate", "--input", "data")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("""
                winnow: Unknown command 'valdiate' for 'winnow'. Did you mean 'validate'?
                Run 'winnow --help' for usage.
                """);

        assertThat(winnow("validate", "--inptu", "data")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("""
                winnow: Unknown option '--inptu' for 'winnow validate'. Did you mean '--input'?
                Run 'winnow validate --help' for usage.
                """);

        assertThat(winnow("validate")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("""
                winnow: The option --input LOC is required by 'winnow validate'.
                Run 'winnow validate --help' for usage.
                """);

        assertThat(winnow("validate", "--input")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("""
                winnow: The option --input needs a value (LOC).
                Run 'winnow validate --help' for usage.
                """);

        assertThat(winnow("help", "valdiate")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("""
                winnow: Unknown command 'valdiate' for 'winnow'. Did you mean 'validate'?
                Run 'winnow --help' for usage.
                """);
    }

    @Test
    void convertAlone_isAUsageMistake_andHelpReachesASubcommandOfASubcommand() {
        assertThat(winnow("convert")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("""
                winnow: 'winnow convert' needs a format: one of coco, yolo, voc, masks, classification-csv, \
                probability-maps.
                Usage: winnow convert [-hV] [--cloud-concurrency=N] [COMMAND]
                """);
        assertThat(out.toString()).isEmpty();

        assertThat(winnow("export")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("""
                winnow: 'winnow export' needs a format: one of coco.
                Usage: winnow export [-hV] [--cloud-concurrency=N] [COMMAND]
                """);

        winnow("convert", "yolo", "--help");
        String yoloHelp = out.toString();
        assertThat(yoloHelp).startsWith("Usage: winnow convert yolo ");
        assertThat(winnow("help", "convert", "yolo")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo(yoloHelp);
    }

    @Test
    void demo_refusesAFolderItCannotUse_beforeGeneratingAnything() throws IOException {
        Path file = write(tmp.resolve("a-file"), "x");
        Path impossible = file.resolve("demo");
        assertThat(winnow("demo", "--dir", impossible.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .isEqualTo("winnow: The demo folder " + impossible.toAbsolutePath()
                        + " cannot be created; choose another with --dir.\n");

        Path busy = tmp.resolve("busy");
        write(busy.resolve("notes.txt"), "mine");
        assertThat(winnow("demo", "--dir", busy.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .isEqualTo("winnow: The folder " + busy.toAbsolutePath() + " is not empty and holds no earlier"
                        + " demo; choose an empty or new folder with --dir.\n");
        try (Stream<Path> files = Files.list(busy)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("notes.txt");
        }
    }

    @Test
    void runJson_everyMistakeAtOnce_thenSyntaxInWinnowsWords_andAByteOrderMarkIsFine() throws IOException {
        Path data = tmp.resolve("data");
        DemoDataset.generate(data, 4, 32, 24, 5);
        Path config = write(tmp.resolve("run.json"), """
                {"selection": {"n_samples": 2, "proportion_samples": 0.1,
                  "strategies": [{"input": {"type": "EMBEDDINGS"}, "strategy": {"type": "DIVERSTY"}}]},
                 "sed": 3}
                """);
        assertThat(winnow("run", "--input", data.toString(), "--config", config.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .isEqualTo("winnow: The run configuration " + config + " has 3 problems:\n"
                        + "  Unknown key 'sed' at /sed. Did you mean 'seed'?\n"
                        + "  Set exactly one of 'n_samples' and 'proportion_samples' at /selection, not both.\n"
                        + "  Unknown value 'DIVERSTY' at /selection/strategies/0/strategy/type; expected "
                        + "one of DIVERSITY, WEIGHTS,"
                        + " THRESHOLD, BALANCE, SIMILARITY, TYPICALITY. Did you mean 'DIVERSITY'?\n");

        write(config, "{\"selection\": {\"n_samples\": 2,\n  \"strategies\": [],}}");
        assertThat(winnow("run", "--input", data.toString(), "--config", config.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .isEqualTo("winnow: The run configuration " + config + " is not valid JSON at line 2,"
                        + " column 20: found '}' where a key in double quotes was expected.\n");

        Files.write(config, concat(BOM, CONFIG.getBytes(StandardCharsets.UTF_8)));
        assertThat(winnow("run", "--input", data.toString(), "--config", config.toString(), "--run-id", "bom"))
                .isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).isEmpty();
        assertThat(data.resolve(".winnow/runs/bom/selected.txt")).exists();
    }

    @Test
    void runWithASeparateOutput_saysWherePredictionsWereLookedFor() throws IOException {
        Path data = tmp.resolve("data");
        DemoDataset.generate(data, 3, 32, 24, 5);
        Path results = tmp.resolve("results");
        Path config = write(tmp.resolve("run.json"), CONFIG);
        assertThat(winnow(
                        "run",
                        "--input",
                        data.toString(),
                        "--output",
                        results.toString(),
                        "--config",
                        config.toString(),
                        "--run-id",
                        "r"))
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains("  predictions: 0 files, 0 invalid; 0 errors, 0 warnings\n")
                .endsWith("note: no prediction files were found in " + results + "/.lightly/predictions; the run used"
                        + " embeddings and metadata only. The input " + data
                        + " has .lightly/predictions: predictions are"
                        + " read from the output location, so leave out --output or copy "
                        + ".lightly/predictions there.\n");
    }

    @Test
    void runWithASeparateOutput_andAStrategyNamingATask_saysThePredictionsAreInTheInput() throws IOException {
        Path data = tmp.resolve("data");
        DemoDataset.generate(data, 3, 32, 24, 5);
        Path results = tmp.resolve("results");
        Path config = write(tmp.resolve("run.json"), """
                {"selection": {"n_samples": 2, "strategies": [{"input": {"type": "EMBEDDINGS"}, "strategy": {"type": \
                "DIVERSITY"}},
                  {"input": {"type": "SCORES", "task": "shapes", "score": "uncertainty_entropy"}, "strategy": {"type": \
                "WEIGHTS"}}]}}
                """);

        assertThat(winnow(
                        "run",
                        "--input",
                        data.toString(),
                        "--output",
                        results.toString(),
                        "--config",
                        config.toString(),
                        "--run-id",
                        "r"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .isEqualTo("winnow: strategies[1] names task 'shapes', but there is no such task; known tasks: none.\n"
                        + "The input " + data + " has .lightly/predictions: predictions are read from the output"
                        + " location, so leave out --output or copy .lightly/predictions there.\n");
        assertThat(results.resolve(".winnow/runs/r")).doesNotExist();
    }

    @Test
    void aLinkOutOfTheFolder_isOneSampleLeftOut_inValidateAndRunAlike() throws IOException {
        Path data = tmp.resolve("data");
        DemoDataset.generate(data, 3, 32, 24, 5);
        Path secret = write(tmp.resolve("elsewhere/secret.jpg"), "not for Winnow");
        Files.createSymbolicLink(data.resolve("link.jpg"), secret);
        String expected = "The sample is a link to " + secret.toRealPath() + ", outside the input " + data
                + "; it is not read and is left out.";

        assertThat(winnow("validate", "--input", data.toString())).isEqualTo(ExitCodes.INVALID);
        assertThat(out.toString())
                .startsWith("error E031 link.jpg: " + expected + "\n")
                .contains(
                        "summary: 3 tasks, 9 files checked, 9 valid, 0 invalid, 1 error, 0 warnings, 0 samples without"
                                + " predictions (of 3 samples: 3 images).\n");

        Path config = write(tmp.resolve("run.json"), CONFIG);
        assertThat(winnow("run", "--input", data.toString(), "--config", config.toString(), "--run-id", "l"))
                .isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(data.resolve(".winnow/runs/l/diagnostics.jsonl")))
                .isEqualTo("{\"severity\":\"error\",\"code\":\"E031\",\"file\":\"link.jpg\","
                        + "\"pointer\":\"\",\"line\":null,\"column\":null,\"message\":\"" + expected + "\"}\n");
    }

    @Test
    void twoImagesWithOneStem_getOneDiagnostic() throws IOException {
        Path data = classified("images/dup.jpg", "images/dup.jpeg");
        write(data.resolve(".lightly/predictions/cls/images/dup.json"), prediction("images/dup.jpg"));
        assertThat(winnow("validate", "--input", data.toString())).isEqualTo(ExitCodes.INVALID);
        assertThat(out.toString()).isEqualTo("""
                error E030 .lightly/predictions/cls: All 1 prediction file of task "cls" is invalid; expected at least \
                one valid file, so the task fails.
                error E035 .lightly/predictions/cls/images/dup.json: 2 samples map to this one prediction file: \
                images/dup.jpeg and images/dup.jpg; rename all but one so that each image has its own prediction file.
                task cls (classification): 1 file checked, 0 valid, 1 invalid, 0 samples without predictions; FAILED
                summary: 1 task, 1 file checked, 0 valid, 1 invalid, 2 errors, 0 warnings, 0 samples without \
                predictions (of 2 samples: 2 images).
                The predictions have errors.
                """);
    }

    @Test
    void aMacOsFileName_isTheSameNameInEitherNormalisation() throws IOException {
        String decomposed = "images/nai\u0308ve";
        String composed = "images/na\u00efve";
        Path data = classified(decomposed + ".png");
        write(data.resolve(".lightly/predictions/cls/" + decomposed + ".json"), prediction(composed + ".png"));
        assertThat(winnow("validate", "--input", data.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .startsWith("warning W008 .lightly/predictions/cls/" + decomposed + ".json:1:15 /file_name:"
                        + " file_name \"" + composed + ".png\" and the sample \"" + decomposed
                        + ".png\" differ only in Unicode"
                        + " normalisation (composed or decomposed letters); they are taken as the same.\n"
                        + "task cls (classification): 1 file checked, 1 valid, 0 invalid, 0 "
                        + "samples without predictions\n");
    }

    @Test
    void systemFilesAndByteOrderMarks_passWithoutAWord() throws IOException {
        Path data = classified("a.png");
        Files.write(
                data.resolve(".lightly/predictions/cls/a.json"),
                concat(BOM, prediction("a.png").getBytes(StandardCharsets.UTF_8)));
        Files.write(
                data.resolve(".lightly/predictions/tasks.json"),
                concat(BOM, "[\"cls\"]".getBytes(StandardCharsets.UTF_8)));
        write(data.resolve(".DS_Store"), "finder");
        write(data.resolve("._a.png"), "resource fork");
        write(data.resolve(".lightly/predictions/cls/.DS_Store"), "finder");
        write(data.resolve(".lightly/predictions/cls/._a.json"), "resource fork");
        assertThat(winnow("validate", "--input", data.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("""
                task cls (classification): 1 file checked, 1 valid, 0 invalid, 0 samples without predictions
                summary: 1 task, 1 file checked, 1 valid, 0 invalid, 0 errors, 0 warnings, 0 samples without \
                predictions (of 1 sample: 1 image).
                The predictions are valid.
                """);
    }

    @Test
    void smallErrors_strictUnknownField_causeBeforeConclusion_emptyTaskList_noLimit() throws IOException {
        Path data = classified("a.png");
        write(
                data.resolve(".lightly/predictions/cls/a.json"),
                "{\"file_name\": \"a.png\", \"extra\": 1, \"predictions\": [{\"category_id\": 0}]}");
        assertThat(winnow("validate", "--input", data.toString(), "--strict", "--max-errors", "0"))
                .isEqualTo(ExitCodes.INVALID);
        assertThat(out.toString()).isEqualTo("""
                error E030 .lightly/predictions/cls: All 1 prediction file of task "cls" is invalid; expected at least \
                one valid file, so the task fails.
                error E034 .lightly/predictions/cls/a.json:1:33 /extra: The field "extra" is not part of a prediction \
                file (file_name, predictions); strict mode allows no unknown fields.
                task cls (classification): 1 file checked, 0 valid, 1 invalid, 0 samples without predictions; FAILED
                summary: 1 task, 1 file checked, 0 valid, 1 invalid, 2 errors, 0 warnings, 0 samples without \
                predictions (of 1 sample: 1 image).
                The predictions have errors.
                """);

        write(
                data.resolve(".lightly/predictions/cls/schema.json"),
                "{\"task_type\": \"classification\", \"categories\": ["
                        + "{\"id\": 0, \"name\": \"cat\"}, {\"id\": 0, \"name\": \"dog\"}]}");
        assertThat(winnow("validate", "--input", data.toString())).isEqualTo(ExitCodes.INVALID);
        assertThat(out.toString()).isEqualTo("""
                error E028 .lightly/predictions/cls/schema.json:1:97 /categories/1/id: Category id 0 is used by \
                categories 0 and 1; expected unique ids.
                error E029 .lightly/predictions/cls/schema.json: The task "cls" has no valid schema, so its \
                predictions are left out.
                task cls (no valid schema): 0 files checked, 0 valid, 0 invalid, 0 samples without predictions; FAILED
                summary: 1 task, 0 files checked, 0 valid, 0 invalid, 2 errors, 0 warnings, 0 samples without \
                predictions (of 1 sample: 1 image).
                The predictions have errors.
                """);

        write(data.resolve(".lightly/predictions/tasks.json"), "[]");
        assertThat(winnow("validate", "--input", data.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .startsWith("warning W007 .lightly/predictions/tasks.json: tasks.json lists no task, so"
                        + " nothing is checked, but .lightly/predictions/ holds 1 task folder with a "
                        + "schema.json (cls); list the"
                        + " tasks to check in tasks.json.\n");
    }

    @Test
    void scoresOut_followsTheUmask() throws IOException {
        Path data = classified("a.png");
        write(data.resolve(".lightly/predictions/cls/a.json"), prediction("a.png"));
        Path csv = tmp.resolve("scores/s.csv");
        assertThat(winnow("scores", "--input", data.toString(), "--task", "cls", "--out", csv.toString()))
                .isEqualTo(ExitCodes.OK);
        Path ordinary = Files.createFile(tmp.resolve("scores/ordinary"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(csv)))
                .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(ordinary)));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
