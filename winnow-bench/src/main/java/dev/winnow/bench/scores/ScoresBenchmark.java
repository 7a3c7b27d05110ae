package dev.winnow.bench.scores;

import dev.winnow.format.PredictionFile;
import dev.winnow.scores.ActiveLearningScorer;
import dev.winnow.scores.ActiveLearningScores;
import dev.winnow.scores.table.PredictionFacts;
import dev.winnow.scores.table.PredictionsTable;
import dev.winnow.scores.table.PredictionsTableBuilder;
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
 * In-process cost of the scores path on generated detection samples (5 boxes, 10-class
 * probabilities): copying parsed prediction files into the columnar table, scoring the table, and
 * computing the per-sample facts. One operation handles all {@code samples}; divide to get
 * samples per second. Parsing JSON is measured by the whole-process run ({@code bench/scores.sh}).
 *
 * <pre>{@code java -jar winnow-bench.jar ScoresBenchmark -p samples=100000}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx2g"})
public class ScoresBenchmark {

    @Param({"100000"})
    int samples;

    private PredictionFile[] files;
    private String[] names;
    private PredictionsTable table;

    @Setup(Level.Trial)
    public void generate() {
        SyntheticDetections source = new SyntheticDetections(1);
        files = new PredictionFile[samples];
        names = new String[samples];
        for (int i = 0; i < samples; i++) {
            files[i] = source.sample(i);
            names[i] = SyntheticDetections.sampleName(i);
        }
        table = fillTable();
    }

    @Benchmark
    public PredictionsTable fillTable() {
        PredictionsTableBuilder builder = new PredictionsTableBuilder("detection", SyntheticDetections.schema());
        for (int i = 0; i < samples; i++) {
            builder.add(names[i], files[i]);
        }
        return builder.build();
    }

    @Benchmark
    public ActiveLearningScores scoreTable() {
        return ActiveLearningScorer.scoreTable(table);
    }

    @Benchmark
    public PredictionFacts predictionFacts() {
        return PredictionFacts.of(table);
    }
}
