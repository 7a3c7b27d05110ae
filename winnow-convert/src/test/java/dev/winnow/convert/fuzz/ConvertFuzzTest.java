package dev.winnow.convert.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.winnow.convert.ConversionException;
import dev.winnow.convert.ConversionReport;
import dev.winnow.convert.PredictionsFolder;
import dev.winnow.convert.coco.CocoConverter;
import dev.winnow.convert.coco.CocoOptions;
import dev.winnow.convert.csv.ClassificationCsvConverter;
import dev.winnow.convert.voc.VocConverter;
import dev.winnow.convert.voc.VocOptions;
import dev.winnow.convert.yolo.YoloConverter;
import dev.winnow.convert.yolo.YoloOptions;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.datasource.LocalTrees;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import dev.winnow.format.io.PredictionFileReader;
import dev.winnow.format.io.SchemaReader;
import dev.winnow.format.validate.FileResult;
import dev.winnow.format.validate.SampleFacts;
import dev.winnow.format.validate.ValidationOptions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;

/**
 * Fuzz targets for the converters' readers (COCO JSON, YOLO labels and classes, Pascal VOC XML,
 * classification CSV). Each input is written to a file and converted into a fresh folder: the
 * conversion either succeeds, with coded diagnostics and outputs that read back as valid prediction
 * files, or stops with a {@link ConversionException} in Winnow's words; any other exception is a
 * finding. Without {@code JAZZER_FUZZ=1} each target replays its corpus in
 * {@code ConvertFuzzTestInputs/<target>}.
 */
class ConvertFuzzTest {
    private static final Pattern CODE = Pattern.compile("[EWC][0-9]{3}");
    private static final byte[] MARK = "\n---\n".getBytes(StandardCharsets.UTF_8);

    @FuzzTest(maxDuration = "30s")
    void coco(byte[] input) throws IOException {
        inFolder(dir -> {
            Path file = write(dir.resolve("coco.json"), input);
            for (TaskType type :
                    List.of(TaskType.OBJECT_DETECTION, TaskType.INSTANCE_SEGMENTATION, TaskType.KEYPOINT_DETECTION)) {
                Path out = dir.resolve("out-" + type.wireName());
                convert(out, "t", folder -> CocoConverter.convert(CocoOptions.of(file, type), folder));
            }
        });
    }

    /**
     * A YOLO label file; an input with a line {@code ---} gives the classes file (a data.yaml)
     * before it and the label file after it.
     */
    @FuzzTest(maxDuration = "30s")
    void yolo(byte[] input) throws IOException {
        inFolder(dir -> {
            int split = indexOf(input, MARK);
            byte[] classes = split < 0
                    ? "names: [person, car, tree]\n".getBytes(StandardCharsets.UTF_8)
                    : slice(input, 0, split);
            byte[] labels = split < 0 ? input : slice(input, split + MARK.length, input.length);
            Path images = Files.createDirectories(dir.resolve("images"));
            ImageIO.write(
                    new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB),
                    "png",
                    images.resolve("a.png").toFile());
            Path labelDir = Files.createDirectories(dir.resolve("labels"));
            write(labelDir.resolve("a.txt"), labels);
            Path classesFile = write(dir.resolve("data.yaml"), classes);
            convert(
                    dir.resolve("out"),
                    "yolo",
                    folder -> YoloConverter.convert(
                            new YoloOptions(LocalDatasource.at(labelDir), LocalDatasource.at(images), classesFile, 1.0),
                            folder));
        });
    }

    @FuzzTest(maxDuration = "30s")
    void voc(byte[] input) throws IOException {
        inFolder(dir -> {
            Path xml = Files.createDirectories(dir.resolve("xml"));
            write(xml.resolve("a.xml"), input);
            convert(
                    dir.resolve("out"),
                    "voc",
                    folder -> VocConverter.convert(
                            new VocOptions(LocalDatasource.at(xml), Optional.empty(), Optional.empty(), 1), folder));
        });
    }

    @FuzzTest(maxDuration = "30s")
    void classificationCsv(byte[] input) throws IOException {
        inFolder(dir -> {
            Path csv = write(dir.resolve("predictions.csv"), input);
            convert(
                    dir.resolve("out"),
                    "csv",
                    folder -> ClassificationCsvConverter.convert(csv, Optional.empty(), folder));
        });
    }

    interface Conversion {
        ConversionReport run(PredictionsFolder folder) throws IOException, ConversionException;
    }

    interface InFolder {
        void run(Path dir) throws IOException;
    }

    /** One conversion: a report whose every output reads back valid, or a Winnow sentence. */
    private static void convert(Path out, String task, Conversion conversion) throws IOException {
        ConversionReport report;
        try {
            report = conversion.run(PredictionsFolder.open(LocalDatasource.create(out), task, false));
        } catch (ConversionException e) {
            checkSentence(e.getMessage());
            return;
        }
        for (Diagnostic d : report.diagnostics()) {
            assertThat(d.code()).matches(CODE);
            checkSentence(d.message());
        }
        Path taskDir = out.resolve(".lightly/predictions").resolve(task);
        if (!Files.isDirectory(taskDir)) {
            return;
        }
        FileResult<TaskSchema> schema = SchemaReader.read(
                "schema.json", Files.readAllBytes(taskDir.resolve("schema.json")), ValidationOptions.defaults());
        assertThat(schema.diagnostics()).as("the written schema is valid").isEmpty();
        try (Stream<Path> files = Files.walk(taskDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")
                            && !f.getFileName().toString().equals("schema.json"))
                    .toList()) {
                FileResult<?> read = PredictionFileReader.read(
                        taskDir.relativize(file).toString(),
                        Files.readAllBytes(file),
                        schema.value().orElseThrow(),
                        SampleFacts.unknown(),
                        ValidationOptions.defaults());
                assertThat(read.diagnostics().stream()
                                .filter(Diagnostic::isError)
                                .toList())
                        .as("what the converter wrote to %s is a valid prediction file", file)
                        .isEmpty();
            }
        }
    }

    /** A message in Winnow's words: a sentence, with no exception or library name in it. */
    static void checkSentence(@Nullable String message) {
        assertThat(message)
                .isNotBlank()
                .doesNotContain("Exception", "tools.jackson", "com.fasterxml", "org.xml", "javax.", "\tat ");
    }

    private static void inFolder(InFolder body) throws IOException {
        Path dir = Files.createTempDirectory("winnow-fuzz");
        try {
            body.run(dir);
        } finally {
            LocalTrees.delete(dir);
        }
    }

    private static Path write(Path file, byte[] bytes) throws IOException {
        return Files.write(file, bytes);
    }

    private static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] slice(byte[] data, int from, int to) {
        byte[] out = new byte[to - from];
        System.arraycopy(data, from, out, 0, out.length);
        return out;
    }
}
