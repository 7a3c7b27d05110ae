package dev.winnow.bench.convert;

import dev.winnow.convert.PredictionsFolder;
import dev.winnow.convert.coco.CocoConverter;
import dev.winnow.convert.coco.CocoOptions;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.format.RleMask;
import dev.winnow.format.TaskType;
import dev.winnow.format.rle.CocoRle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-process costs of conversion: a whole COCO file of {@code images} images converted into a
 * predictions folder, and the RLE conversions of a 1920x1080 mask (COCO column-major ↔ the
 * format's row-major, and pycocotools' compressed string), the status quo for the latter being
 * pycocotools' encode (~0.8 ms).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ConvertBenchmark {
    @Param({"10000"})
    int images;

    private Path dir;
    private Path coco;
    private int run;

    private RleMask rowMajor;
    private CocoRle columnMajor;
    private String compressed;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("winnow-convert-bench");
        coco = dir.resolve("coco.json");
        CocoDatasetGenerator.write(coco, images, 7);
        rowMajor = blobs(1080, 1920);
        columnMajor = CocoRle.fromRowMajor(rowMajor, 1080, 1920);
        compressed = columnMajor.compressedCounts();
    }

    /** A mask with a few filled ellipses, like an instance mask of a street scene. */
    static RleMask blobs(int h, int w) {
        boolean[] mask = new boolean[h * w];
        int[][] ellipses = {{400, 300, 250, 180}, {1200, 700, 300, 200}, {1600, 200, 120, 90}, {900, 500, 60, 300}};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int[] e : ellipses) {
                    double dx = (x - e[0]) / (double) e[2];
                    double dy = (y - e[1]) / (double) e[3];
                    if (dx * dx + dy * dy <= 1) {
                        mask[y * w + x] = true;
                    }
                }
            }
        }
        return RleMask.encode(mask);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public int convertCocoDetections() throws Exception {
        Path out = dir.resolve("out-" + run++);
        return CocoConverter.convert(
                        CocoOptions.of(coco, TaskType.OBJECT_DETECTION),
                        PredictionsFolder.open(LocalDatasource.create(out), "det", false))
                .predictionFiles();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public CocoRle rowMajorToCoco() {
        return CocoRle.fromRowMajor(rowMajor, 1080, 1920);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public RleMask cocoToRowMajor() {
        return columnMajor.toRowMajor();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public String compressCounts() {
        return columnMajor.compressedCounts();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public CocoRle decompressCounts() {
        return CocoRle.fromCompressed(1080, 1920, compressed);
    }
}
