package dev.winnow.bench.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.validate.MediaFacts;
import dev.winnow.validate.PredictionsValidator;
import dev.winnow.validate.ValidationReport;
import dev.winnow.validate.ValidationSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationDatasetGeneratorTest {

    @Test
    void generatedDatasourceIsValid_andRepeatable(@TempDir Path dir) throws IOException {
        Path root = dir.resolve("validate-1002");
        ValidationDatasetGenerator.generate(root, 1002, 7);
        Datasource ds = LocalDatasource.at(root);
        ValidationReport report =
                new PredictionsValidator(MediaFacts.fromHeaders(), ValidationSettings.defaults()).validate(ds, ds);
        assertThat(report.diagnostics()).isEmpty();
        assertThat(report.tasks())
                .containsExactly(
                        new ValidationReport.TaskOutcome("detection", "object-detection", 1002, 1002, 0, 0, false));
        assertThat(Files.readString(root.resolve(".lightly/predictions/detection/images/0001/s0001001.json")))
                .startsWith("{\"file_name\": \"images/0001/s0001001.png\", \"predictions\": [{\"category_id\": ");

        Path again = dir.resolve("again");
        ValidationDatasetGenerator.generate(again, 3, 7);
        assertThat(Files.readString(again.resolve(".lightly/predictions/detection/images/0000/s0000002.json")))
                .isEqualTo(Files.readString(root.resolve(".lightly/predictions/detection/images/0000/s0000002.json")));
    }
}
