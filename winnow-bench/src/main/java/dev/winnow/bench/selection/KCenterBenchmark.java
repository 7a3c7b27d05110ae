package dev.winnow.bench.selection;

import dev.winnow.select.EmbeddingMatrix;
import dev.winnow.select.KCenterGreedy;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Farthest-first picks on clustered unit vectors, float32 against int8 storage, and the floor:
 * {@code picks} parallel reads of as many bytes as one pass of that storage moves (its rows, and
 * each row's nearest distance read and written). The store is built once per trial; each
 * invocation of {@code select} runs a full selection of {@code picks} samples, each pass one fused
 * sweep over the rows.
 *
 * <p>{@code java -jar winnow-bench.jar KCenterBenchmark -p rows=1000000 -p picks=1000}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx4g", "--add-modules", "jdk.incubator.vector"})
public class KCenterBenchmark {

    @Param("100000")
    public int rows;

    @Param("64")
    public int dimension;

    @Param("100")
    public int picks;

    @Param({"FLOAT32", "INT8"})
    public KCenterGreedy.Storage storage;

    private KCenterGreedy greedy;
    private int[] passSizedArray;
    private int threads;

    @Setup(Level.Trial)
    public void setUp() {
        EmbeddingMatrix matrix = new EmbeddingMatrix(ClusteredEmbeddings.generate(rows, dimension, 42), dimension);
        threads = Runtime.getRuntime().availableProcessors();
        greedy = new KCenterGreedy(matrix, storage, threads);
        long passBytes = (long) rows * (greedy.bytesPerRow() + 2L * Float.BYTES);
        passSizedArray = new int[Math.toIntExact(passBytes / Integer.BYTES)];
        Arrays.fill(passSizedArray, 3);
    }

    @Benchmark
    public int[] select() {
        return greedy.select(picks, EmbeddingMatrix.empty(dimension), 0, 7).picks();
    }

    /** The bandwidth floor of {@link #select}: as many bytes read, on all cores, as its passes move. */
    @Benchmark
    public long readFloor() {
        long total = 0;
        for (int p = 0; p < picks; p++) {
            total += IntStream.range(0, threads)
                    .parallel()
                    .mapToLong(t -> {
                        int from = (int) ((long) passSizedArray.length * t / threads);
                        int to = (int) ((long) passSizedArray.length * (t + 1) / threads);
                        int sum = 0;
                        for (int i = from; i < to; i++) {
                            sum += passSizedArray[i];
                        }
                        return sum;
                    })
                    .sum();
        }
        return total;
    }
}
