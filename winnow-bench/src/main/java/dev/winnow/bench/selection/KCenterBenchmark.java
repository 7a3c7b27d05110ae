package dev.winnow.bench.selection;

import dev.winnow.select.EmbeddingMatrix;
import dev.winnow.select.KCenterGreedy;
import java.util.concurrent.TimeUnit;
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
 * Farthest-first picks on clustered unit vectors, float32 against int8 storage. The store is built
 * once per trial; each invocation runs a full selection of {@code picks} samples.
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

    @Setup(Level.Trial)
    public void setUp() {
        EmbeddingMatrix matrix = new EmbeddingMatrix(ClusteredEmbeddings.generate(rows, dimension, 42), dimension);
        greedy = new KCenterGreedy(matrix, storage, Runtime.getRuntime().availableProcessors());
    }

    @Benchmark
    public int[] select() {
        return greedy.select(picks, EmbeddingMatrix.empty(dimension), 0, 7).picks();
    }
}
