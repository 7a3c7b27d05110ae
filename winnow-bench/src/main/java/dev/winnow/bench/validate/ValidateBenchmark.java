package dev.winnow.bench.validate;

import dev.winnow.format.Category;
import dev.winnow.format.PredictionFile;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import dev.winnow.format.io.PredictionFileReader;
import dev.winnow.format.validate.FileResult;
import dev.winnow.format.validate.SampleFacts;
import dev.winnow.format.validate.ValidationOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cost of checking one object-detection prediction file (5 boxes, 10-class probabilities, the
 * files of {@link ValidationDatasetGenerator}) in memory, without I/O: Winnow's single streaming
 * pass with every check, against merely parsing the same bytes into a Jackson tree (no checks),
 * the usual way to read JSON and a floor for any tree-based validator.
 *
 * <pre>{@code java -jar winnow-bench/target/winnow-bench.jar ValidateBenchmark}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ValidateBenchmark {
    private static final int FILES = 256;

    private final List<byte[]> files = new ArrayList<>();
    private TaskSchema schema;
    private JsonMapper mapper;
    private int next;

    @Setup
    public void setup() {
        List<Category> categories = new ArrayList<>();
        for (int c = 0; c < ValidationDatasetGenerator.CATEGORIES; c++) {
            categories.add(Category.of(c, "class_" + c));
        }
        schema = new TaskSchema(TaskType.OBJECT_DETECTION, categories);
        for (int i = 0; i < FILES; i++) {
            files.add(ValidationDatasetGenerator.predictionJson(
                            ValidationDatasetGenerator.sampleName(i), 64, 48, new SplittableRandom(i))
                    .getBytes(StandardCharsets.UTF_8));
        }
        mapper = JsonMapper.builder().build();
    }

    private byte[] nextFile() {
        next = (next + 1) % FILES;
        return files.get(next);
    }

    @Benchmark
    public FileResult<PredictionFile> winnowStreamingValidation() {
        byte[] bytes = nextFile();
        return PredictionFileReader.read(
                "f.json",
                bytes,
                schema,
                SampleFacts.of(ValidationDatasetGenerator.sampleName(next), 64, 48),
                ValidationOptions.defaults());
    }

    @Benchmark
    public JsonNode jacksonTreeParseOnly() {
        return mapper.readTree(nextFile());
    }
}
