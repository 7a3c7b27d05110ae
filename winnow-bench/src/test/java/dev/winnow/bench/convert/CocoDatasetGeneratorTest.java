package dev.winnow.bench.convert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.convert.ConversionReport;
import dev.winnow.convert.PredictionsFolder;
import dev.winnow.convert.coco.CocoConverter;
import dev.winnow.convert.coco.CocoOptions;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.format.TaskType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CocoDatasetGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void generatedFile_isDeterministicAndConvertsWithoutDiagnostics() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        long boxes = CocoDatasetGenerator.write(a, 50, 42);
        assertThat(CocoDatasetGenerator.write(b, 50, 42)).isEqualTo(boxes);
        assertThat(Files.mismatch(a, b)).isEqualTo(-1L);
        ConversionReport report = CocoConverter.convert(
                CocoOptions.of(a, TaskType.OBJECT_DETECTION),
                PredictionsFolder.open(LocalDatasource.create(dir.resolve("out")), "det", false));
        assertThat(report.diagnostics()).isEmpty();
        assertThat(report.predictionFiles()).isEqualTo(50);
        assertThat(report.singletons()).isEqualTo(boxes);
    }
}
