package dev.winnow.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.validate.ValidationOptions;
import dev.winnow.media.ImageSize;
import dev.winnow.media.MediaException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionsValidatorTest {
    private static final String DET_SCHEMA =
            "{\"task_type\": \"object-detection\", \"categories\": [{\"id\": 0, \"name\": \"person\"}, "
                    + "{\"id\": 1, \"name\": \"car\"}]}";
    private static final String CLS_SCHEMA =
            "{\"task_type\": \"classification\", \"categories\": [{\"id\": 0, \"name\": \"day\"}, "
                    + "{\"id\": 1, \"name\": \"night\"}]}";
    private static final String BOX = "{\"category_id\": 0, \"bbox\": [1, 2, 10, 20], \"score\": 0.9}";

    @TempDir
    Path root;

    /** Fake media facts: every image is 64 x 48, every video has 68 frames; a video named broken.mp4 cannot be read. */
    static final MediaFacts FAKE = new MediaFacts() {
        @Override
        public ImageSize imageSize(Datasource input, String image) throws MediaException {
            if (image.startsWith("broken")) {
                throw new MediaException("The image " + image + " has no readable header.");
            }
            return new ImageSize(64, 48);
        }

        @Override
        public int frameCount(Datasource input, String video) throws MediaException {
            if (video.startsWith("broken")) {
                throw new MediaException("The video " + video + " has an unsupported video container.");
            }
            return 68;
        }
    };

    void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    void image(String path, int width, int height) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        img.setRGB(width / 2, height / 2, 0xff8800);
        ImageIO.write(img, "png", file.toFile());
    }

    ValidationReport validate(ValidationSettings settings) throws IOException {
        Datasource ds = LocalDatasource.at(root);
        return new PredictionsValidator(FAKE, settings).validate(ds, ds);
    }

    static List<String> texts(ValidationReport report) {
        return report.diagnostics().stream().map(Diagnostic::toText).toList();
    }

    /** Every file below the root with its size and modification time. */
    Map<String, String> tree() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                files.put(
                        root.relativize(p).toString(),
                        Files.isDirectory(p)
                                ? "dir"
                                : Files.size(p) + "@"
                                        + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return files;
    }

    @Test
    void mixOfValidAndInvalidFiles_eachInvalidReportedOnce_nothingWritten() throws IOException {
        for (String name : List.of("a.png", "b.png", "c.png", "d.png", "sub/e.png")) {
            image(name, 64, 48);
        }
        write(".lightly/predictions/tasks.json", "[\"det\", \"cls\"]");
        write(".lightly/predictions/det/schema.json", DET_SCHEMA);
        write(".lightly/predictions/det/a.json", "{\"file_name\": \"a.png\", \"predictions\": [" + BOX + "]}");
        write(
                ".lightly/predictions/det/b.json",
                "{\"predictions\": [{\"category_id\": 0, \"bbox\": [60, 2, 10, 20], \"score\": 0.9}]}");
        write(".lightly/predictions/det/c.json", "{\"predictions\": [");
        write(
                ".lightly/predictions/det/sub/e.json",
                "{\"file_name\": \"sub/e.png\", \"predictions\": [" + BOX + ", " + BOX + "]}");
        write(".lightly/predictions/det/zz.json", "{\"predictions\": []}");
        write(".lightly/predictions/det/notes.txt", "not a prediction");
        write(".lightly/predictions/cls/schema.json", CLS_SCHEMA);
        for (String name : List.of("a", "b", "c", "d", "sub/e")) {
            write(
                    ".lightly/predictions/cls/" + name + ".json",
                    "{\"predictions\": [{\"category_id\": 1, \"probabilities\": [0.25, 0.75]}]}");
        }
        write(".lightly/predictions/ignored/x.json", "this folder is not listed in tasks.json");
        Map<String, String> before = tree();

        ValidationReport report = validate(ValidationSettings.defaults());

        assertThat(texts(report))
                .containsExactly(
                        "error E012 .lightly/predictions/det/b.json:1:45 /predictions/0/bbox: bbox "
                                + "[60, 2, 10, 20] ends at x = 70, y = 22, outside the 64 x 48 image; expected x "
                                + "+ width <= 64 and y + height <= 48.",
                        "error E001 .lightly/predictions/det/c.json:1:18: The file is not well-formed "
                                + "JSON: the text ends before the list is closed with ']'.",
                        "warning W005 .lightly/predictions/det/notes.txt: This file in the folder of "
                                + "task \"det\" is not a .json prediction file; it was ignored.",
                        "error E016 .lightly/predictions/det/zz.json: No sample of the input matches "
                                + "this prediction file; expected an image zz.<ext> or a video frame name "
                                + "<video>-<frame>-<ext>.json of an input video.",
                        "warning W004 d.png: The sample has no prediction in task \"det\"; expected "
                                + ".lightly/predictions/det/d.json.");
        assertThat(report.tasks())
                .containsExactly(
                        new ValidationReport.TaskOutcome("det", "object-detection", 5, 2, 3, 1, false),
                        new ValidationReport.TaskOutcome("cls", "classification", 5, 5, 0, 0, false));
        assertThat(report.sampleCount()).isEqualTo(5);
        assertThat(report.errorCount()).isEqualTo(3);
        assertThat(report.warningCount()).isEqualTo(2);
        assertThat(report.suppressed()).isZero();
        assertThat(report.hasErrors()).isTrue();
        assertThat(tree()).isEqualTo(before);
    }

    @Test
    void sameReportWhateverTheThreadCount_andLimitKeepsTheFirstInOrder() throws IOException {
        write(".lightly/predictions/tasks.json", "[\"cls\"]");
        write(".lightly/predictions/cls/schema.json", CLS_SCHEMA);
        for (int i = 0; i < 700; i++) {
            write(String.format("img%04d.png", i), "not read: classification needs no size");
            write(
                    String.format(".lightly/predictions/cls/img%04d.json", i),
                    i % 2 == 0 ? "{\"predictions\": [{\"category_id\": 7}]}" : "{\"predictions\": []}");
        }
        ValidationReport one = validate(ValidationSettings.defaults().withThreads(1));
        ValidationReport four = validate(ValidationSettings.defaults().withThreads(4));
        assertThat(texts(four)).isEqualTo(texts(one));
        assertThat(one.diagnostics()).hasSize(350);
        assertThat(one.tasks().get(0))
                .isEqualTo(new ValidationReport.TaskOutcome("cls", "classification", 700, 350, 350, 0, false));

        ValidationReport limited =
                validate(ValidationSettings.defaults().withThreads(3).withMaxDiagnostics(2));
        assertThat(texts(limited))
                .containsExactly(
                        "error E004 .lightly/predictions/cls/img0000.json:1:34 "
                                + "/predictions/0/category_id: category_id 7 is not in the schema; expected one "
                                + "of 0, 1.",
                        "error E004 .lightly/predictions/cls/img0002.json:1:34 "
                                + "/predictions/0/category_id: category_id 7 is not in the schema; expected one "
                                + "of 0, 1.");
        assertThat(limited.suppressed()).isEqualTo(348);
        assertThat(limited.errorCount()).isEqualTo(350);
    }

    @Test
    void missingTasksJson() throws IOException {
        image("a.png", 4, 4);
        ValidationReport report = validate(ValidationSettings.defaults());
        assertThat(texts(report))
                .containsExactly("error E024 .lightly/predictions/tasks.json: There is no tasks.json; "
                        + "expected a JSON list of the task names to check at .lightly/predictions/tasks.json.");
        assertThat(report.tasks()).isEmpty();
    }

    @Test
    void taskWithoutSchema_andTaskWithInvalidSchema() throws IOException {
        write(".lightly/predictions/tasks.json", "[\"none\", \"bad\"]");
        write(
                ".lightly/predictions/bad/schema.json",
                "{\"task_type\": \"detection\", \"categories\": [{\"id\": 0, \"name\": \"a\"}]}");
        ValidationReport report = validate(ValidationSettings.defaults());
        assertThat(texts(report))
                .containsExactly(
                        "error E027 .lightly/predictions/bad/schema.json:1:15 /task_type: task_type is "
                                + "\"detection\"; expected one of classification, object-detection, "
                                + "semantic-segmentation, instance-segmentation, keypoint-detection.",
                        "error E029 .lightly/predictions/bad/schema.json: The task \"bad\" has no "
                                + "valid schema, so its predictions are left out.",
                        "error E026 .lightly/predictions/none/schema.json: The task \"none\" is listed "
                                + "in tasks.json but has no schema.json; expected "
                                + ".lightly/predictions/none/schema.json, so its predictions are left out.");
        assertThat(report.tasks())
                .containsExactly(
                        new ValidationReport.TaskOutcome("none", null, 0, 0, 0, 0, true),
                        new ValidationReport.TaskOutcome("bad", null, 0, 0, 0, 0, true));
    }

    @Test
    void taskWhoseFilesAreAllInvalidFails() throws IOException {
        image("a.png", 64, 48);
        write(".lightly/predictions/tasks.json", "[\"det\"]");
        write(".lightly/predictions/det/schema.json", DET_SCHEMA);
        write(".lightly/predictions/det/a.json", "{\"file_name\": \"b.png\", \"predictions\": []}");
        ValidationReport report = validate(ValidationSettings.defaults());
        assertThat(texts(report))
                .containsExactly(
                        "error E030 .lightly/predictions/det: All 1 prediction file of task \"det\" is "
                                + "invalid; expected at least one valid file, so the task fails.",
                        "error E015 .lightly/predictions/det/a.json:1:15 /file_name: file_name is "
                                + "\"b.png\", but this file's path belongs to the sample \"a.png\"; expected "
                                + "\"a.png\" or no file_name.");
        assertThat(report.tasks().get(0).failed()).isTrue();
    }

    @Test
    void unknownTaskAskedFor() throws IOException {
        write(".lightly/predictions/tasks.json", "[\"det\", \"cls\"]");
        ValidationSettings settings = ValidationSettings.defaults().withTasks(List.of("seg"));
        assertThatThrownBy(() -> validate(settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The task \"seg\" is not listed in .lightly/predictions/tasks.json; it lists: det, cls.");
    }

    @Test
    void onlyTheTasksAskedForAreChecked() throws IOException {
        write(".lightly/predictions/tasks.json", "[\"det\", \"cls\"]");
        write(".lightly/predictions/cls/schema.json", CLS_SCHEMA);
        ValidationReport report = validate(ValidationSettings.defaults().withTasks(List.of("cls")));
        assertThat(report.tasks())
                .containsExactly(new ValidationReport.TaskOutcome("cls", "classification", 0, 0, 0, 0, false));
        assertThat(report.diagnostics()).isEmpty();
    }

    @Test
    void videoFrames_checkedAgainstFrameCountAndPadding() throws IOException {
        write("clips/tree.mp4", "frames come from the fake");
        write("broken.mp4", "unreadable");
        write("other.mp4", "no predictions");
        write(".lightly/predictions/tasks.json", "[\"cls\"]");
        write(".lightly/predictions/cls/schema.json", CLS_SCHEMA);
        String body = "{\"predictions\": [{\"category_id\": 0}]}";
        for (int i = 0; i < 68; i++) {
            write(String.format(".lightly/predictions/cls/clips/tree-%02d-mp4.json", i), body);
        }
        write(".lightly/predictions/cls/clips/tree-068-mp4.json", body);
        write(".lightly/predictions/cls/clips/tree-007-mp4.json", body);
        write(
                ".lightly/predictions/cls/clips/tree-05-mp4.json",
                "{\"file_name\": \"clips/tree-05-mp4.png\", \"predictions\": []}");
        write(".lightly/predictions/cls/broken-1-mp4.json", body);
        ValidationReport report = validate(ValidationSettings.defaults());
        assertThat(texts(report))
                .containsExactly(
                        "error E018 .lightly/predictions/cls/clips/tree-007-mp4.json: The frame index "
                                + "007 has 3 digits, but clips/tree.mp4 has 68 frames, so it takes 2; expected "
                                + ".lightly/predictions/cls/clips/tree-07-mp4.json.",
                        "error E017 .lightly/predictions/cls/clips/tree-068-mp4.json: Frame 68 does "
                                + "not exist: clips/tree.mp4 has 68 frames; expected a name from "
                                + ".lightly/predictions/cls/clips/tree-00-mp4.json to "
                                + ".lightly/predictions/cls/clips/tree-67-mp4.json.",
                        "error E031 broken.mp4: The video's frame count cannot be read, so its frame "
                                + "prediction names were not checked against it: The video broken.mp4 has an "
                                + "unsupported video container.",
                        "warning W004 other.mp4: The sample has no prediction in task \"cls\"; "
                                + "expected frame files named .lightly/predictions/cls/other-<frame>-mp4.json.");
        assertThat(report.tasks())
                .containsExactly(new ValidationReport.TaskOutcome("cls", "classification", 71, 69, 2, 1, false));
    }

    @Test
    void unreadableImageHeader_reportedOnce_boundsNotChecked() throws IOException {
        write("broken.png", "not a png");
        write(".lightly/predictions/tasks.json", "[\"det\"]");
        write(".lightly/predictions/det/schema.json", DET_SCHEMA);
        write(
                ".lightly/predictions/det/broken.json",
                "{\"predictions\": [{\"category_id\": 0, \"bbox\": [0, 0, 1000, 1000], \"score\": 1}]}");
        ValidationReport report = validate(ValidationSettings.defaults());
        assertThat(texts(report))
                .containsExactly("error E031 broken.png: The image's size cannot be read from its header, so boxes "
                        + "and masks on it were not checked against it: The image broken.png has no readable header.");
        assertThat(report.tasks().get(0).validFiles()).isEqualTo(1);
    }

    @Test
    void linkLeavingTheRoot(@TempDir Path outside) throws IOException {
        image("a.png", 64, 48);
        write(".lightly/predictions/tasks.json", "[\"det\"]");
        write(".lightly/predictions/det/schema.json", DET_SCHEMA);
        Path secret = outside.resolve("secret.json");
        Files.writeString(secret, "{\"predictions\": []}");
        Files.createSymbolicLink(root.resolve(".lightly/predictions/det/a.json"), secret);
        ValidationReport report = validate(ValidationSettings.defaults());
        assertThat(texts(report))
                .containsExactly(
                        "error E030 .lightly/predictions/det: All 1 prediction file of task \"det\" is "
                                + "invalid; expected at least one valid file, so the task fails.",
                        "error E019 .lightly/predictions/det/a.json: The file leads out of the "
                                + "predictions location (a link pointing outside); it was not read.");
    }

    @Test
    void taskFolderLinkedOutsideTheRoot(@TempDir Path outside) throws IOException {
        image("a.png", 64, 48);
        write(".lightly/predictions/tasks.json", "[\"det\"]");
        Files.writeString(outside.resolve("schema.json"), DET_SCHEMA);
        Files.writeString(outside.resolve("a.json"), "{\"predictions\": []}");
        Files.createSymbolicLink(root.resolve(".lightly/predictions/det"), outside);
        ValidationReport report = validate(ValidationSettings.defaults());
        assertThat(texts(report))
                .containsExactly(
                        "error E019 .lightly/predictions/det/schema.json: The file leads out of the "
                                + "predictions location (a link pointing outside); it was not read.",
                        "error E029 .lightly/predictions/det/schema.json: The task \"det\" has no "
                                + "valid schema, so its predictions are left out.");
        assertThat(report.tasks()).containsExactly(new ValidationReport.TaskOutcome("det", null, 0, 0, 0, 0, true));
    }

    @Test
    void strictMode_commentsAndTrailingCommasMakeFilesInvalid() throws IOException {
        image("a.png", 64, 48);
        image("b.png", 64, 48);
        write(".lightly/predictions/tasks.json", "[\"det\"]");
        write(".lightly/predictions/det/schema.json", DET_SCHEMA);
        write(".lightly/predictions/det/a.json", "{\"predictions\": []} // nothing found");
        write(".lightly/predictions/det/b.json", "{\"predictions\": [],}");
        ValidationReport lenient = validate(ValidationSettings.defaults());
        assertThat(lenient.errorCount()).isZero();
        assertThat(lenient.warningCount()).isEqualTo(2);
        assertThat(lenient.tasks().get(0).validFiles()).isEqualTo(2);
        ValidationReport strict =
                validate(ValidationSettings.defaults().withOptions(ValidationOptions.strictDefaults()));
        assertThat(texts(strict))
                .containsExactly(
                        "error E030 .lightly/predictions/det: All 2 prediction files of task \"det\" "
                                + "are invalid; expected at least one valid file, so the task fails.",
                        "error E032 .lightly/predictions/det/a.json:1:21: A // comment is not JSON; "
                                + "strict mode expects plain JSON.",
                        "error E033 .lightly/predictions/det/b.json:1:19: A comma before '}' is not "
                                + "JSON; strict mode expects plain JSON.");
    }
}
