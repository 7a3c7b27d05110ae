package dev.winnow.bench.run;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.datasource.LocalTrees;
import dev.winnow.datasource.OutputLocation;
import dev.winnow.datasource.Progress;
import dev.winnow.run.RunPipeline;
import dev.winnow.run.RunRequest;
import dev.winnow.run.RunSummary;
import dev.winnow.run.config.RunConfig;
import dev.winnow.run.config.RunConfigParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole run in one process: {@link RunPipeline} over {@code images} generated 640x480 JPEGs with
 * detection predictions ({@link RunDataset}), starting each time without a datapool so that every
 * sample is processed, on all cores. The score is seconds per run; images per second is
 * {@code images / score}.
 *
 * <p>{@code java -jar winnow-bench.jar RunPipelineBenchmark -p images=500}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx2g"})
public class RunPipelineBenchmark {
    @Param({"500"})
    public int images;

    private Path folder;
    private RunConfig config;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        folder = Files.createTempDirectory("winnow-run-bench");
        RunDataset.generate(images, folder);
        config = RunConfigParser.parse(RunDataset.RUN_CONFIG, "run.json", folder);
    }

    @Setup(Level.Invocation)
    public void forgetEarlierRuns() throws IOException {
        LocalTrees.delete(folder.resolve(".winnow"));
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        LocalTrees.delete(folder);
    }

    @Benchmark
    public RunSummary wholeRun() throws IOException {
        LocalDatasource input = LocalDatasource.at(folder);
        OutputLocation output = OutputLocation.guard(LocalDatasource.at(folder), input);
        RunRequest request = new RunRequest(input, output, folder, config, Optional.of("bench"));
        return new RunPipeline(
                        Clock.systemUTC(), Progress.NONE, Runtime.getRuntime().availableProcessors())
                .run(request);
    }
}
