package dev.winnow.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.format.Diagnostic;
import dev.winnow.testsupport.SampleMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validation against the real sample images and video, with sizes and frame counts read from the files. */
class RealSamplesValidationTest {

    static Path samples() {
        return SampleMedia.folder();
    }

    @Test
    void realImageSizesAndVideoFrameCount(@TempDir Path out) throws IOException {
        Path input = samples();
        Path det = out.resolve(".lightly/predictions/det");
        Files.createDirectories(det.resolve("objects"));
        Files.createDirectories(det.resolve("street"));
        Files.writeString(out.resolve(".lightly/predictions/tasks.json"), "[\"det\"]");
        Files.writeString(
                det.resolve("schema.json"),
                "{\"task_type\": \"object-detection\", \"categories\": [{\"id\": 0, \"name\": \"thing\"}]}");
        Files.writeString(
                det.resolve("objects/baboon.json"),
                "{\"file_name\": \"objects/baboon.jpg\", \"predictions\": "
                        + "[{\"category_id\": 0, \"bbox\": [0, 0, 512, 512], \"score\": 0.5}]}");
        Files.writeString(
                det.resolve("objects/butterfly.json"),
                "{\"predictions\": " + "[{\"category_id\": 0, \"bbox\": [400, 300, 100, 60], \"score\": 0.5}]}");
        Files.writeString(
                det.resolve("street/building.json"),
                "{\"predictions\": " + "[{\"category_id\": 0, \"bbox\": [800, 500, 68, 100], \"score\": 0.5}]}");
        Files.writeString(
                det.resolve("pic3.json"),
                "{\"predictions\": " + "[{\"category_id\": 0, \"bbox\": [0, 0, 400, 301], \"score\": 0.5}]}");
        for (int i = 0; i < 68; i++) {
            Files.writeString(
                    det.resolve(String.format("street/tree-%02d-mp4.json", i)),
                    "{\"file_name\": \"street/tree-" + String.format("%02d", i) + "-mp4.png\", \"predictions\": []}");
        }
        Files.writeString(det.resolve("street/tree-068-mp4.json"), "{\"predictions\": []}");

        Datasource in = LocalDatasource.at(input);
        Datasource output = LocalDatasource.at(out);
        ValidationReport report =
                new PredictionsValidator(MediaFacts.fromHeaders(), ValidationSettings.defaults()).validate(in, output);

        assertThat(report.diagnostics().stream().map(Diagnostic::toText).toList())
                .containsExactly(
                        "error E012 .lightly/predictions/det/objects/butterfly.json:1:45 "
                                + "/predictions/0/bbox: bbox [400, 300, 100, 60] ends at "
                                + "x = 500, y = 360, outside the 493 x 356 image; expected x + width <= "
                                + "493 and y + height <= 356.",
                        "error E012 .lightly/predictions/det/pic3.json:1:45 /predictions/0/bbox: bbox "
                                + "[0, 0, 400, 301] ends at x = 400, y = 301, "
                                + "outside the 400 x 300 image; expected x + width <= 400 and y + height <= 300.",
                        "error E017 .lightly/predictions/det/street/tree-068-mp4.json: Frame 68 does "
                                + "not exist: street/tree.mp4 has 68 frames; "
                                + "expected a name from .lightly/predictions/det/street/tree-00-mp4.json "
                                + "to .lightly/predictions/det/street/tree-67-mp4.json.",
                        "warning W004 chessboard.png: The sample has no prediction in task \"det\"; "
                                + "expected .lightly/predictions/det/chessboard.json.",
                        "warning W004 objects/fruits.jpg: The sample has no prediction in task "
                                + "\"det\"; expected .lightly/predictions/det/objects/fruits.json.",
                        "warning W004 objects/orange.jpg: The sample has no prediction in task "
                                + "\"det\"; expected .lightly/predictions/det/objects/orange.json.",
                        "warning W004 street/home.jpg: The sample has no prediction in task \"det\"; "
                                + "expected .lightly/predictions/det/street/home.json.");
        assertThat(report.tasks())
                .containsExactly(new ValidationReport.TaskOutcome("det", "object-detection", 73, 70, 3, 4, false));
        assertThat(report.sampleCount()).isEqualTo(9);
    }
}
