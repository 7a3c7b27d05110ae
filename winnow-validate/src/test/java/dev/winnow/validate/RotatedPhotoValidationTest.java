package dev.winnow.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.format.Diagnostic;
import dev.winnow.testsupport.SampleMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boxes on a JPEG with EXIF orientation 6 (stored 64 x 48, shown 48 x 64) are checked against the shown size. */
class RotatedPhotoValidationTest {
    @Test
    void boxBounds_areTheDisplayedImages(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("photos"));
        Files.copy(
                SampleMedia.testData("exif-orientation").resolve("stored-6.jpg"), dir.resolve("photos/portrait.jpg"));
        Path det = dir.resolve(".lightly/predictions/det");
        Files.createDirectories(det.resolve("photos"));
        Files.writeString(dir.resolve(".lightly/predictions/tasks.json"), "[\"det\"]");
        Files.writeString(
                det.resolve("schema.json"),
                "{\"task_type\": \"object-detection\", \"categories\": [{\"id\": 0, \"name\": \"thing\"}]}");
        Files.writeString(
                det.resolve("photos/portrait.json"),
                "{\"predictions\": ["
                        + "{\"category_id\": 0, \"bbox\": [4, 36, 40, 28], \"score\": 0.5},"
                        + "{\"category_id\": 0, \"bbox\": [10, 0, 50, 10], \"score\": 0.5}]}");
        LocalDatasource data = LocalDatasource.at(dir);

        ValidationReport report =
                new PredictionsValidator(MediaFacts.fromHeaders(), ValidationSettings.defaults()).validate(data, data);

        assertThat(report.diagnostics().stream().map(Diagnostic::toText).toList())
                .containsExactly(
                        "error E030 .lightly/predictions/det: All 1 prediction file of task \"det\" is "
                                + "invalid; expected at least one valid file, so the task fails.",
                        "error E012 .lightly/predictions/det/photos/portrait.json:1:103 "
                                + "/predictions/1/bbox: bbox [10, 0, 50, 10] ends at "
                                + "x = 60, y = 10, outside the 48 x 64 image; expected x + width <= 48 "
                                + "and y + height <= 64.");
    }
}
