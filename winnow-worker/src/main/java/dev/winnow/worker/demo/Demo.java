package dev.winnow.worker.demo;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.datasource.OutputLocation;
import dev.winnow.worker.config.RunConfig;
import dev.winnow.worker.config.RunConfigParser;
import dev.winnow.worker.output.AtomicFiles;
import dev.winnow.worker.run.RunPipeline;
import dev.winnow.worker.run.RunProgress;
import dev.winnow.worker.run.RunRequest;
import dev.winnow.worker.run.RunSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Winnow's demo: generates a datasource of shapes with a simulated model's predictions
 * ({@link DemoDataset}), writes the run configuration it uses to {@code run.json} beside it, and runs
 * a full selection whose report shows every part of the product.
 *
 * <pre>{@code
 * RunSummary summary = Demo.run(Path.of("demo"), Demo.IMAGES, Clock.systemUTC(), RunProgress.NONE, 2);
 * System.out.println(summary.report());
 * }</pre>
 */
public final class Demo {
    /** The number of images the demo generates. */
    public static final int IMAGES = 300;
    public static final int WIDTH = 320;
    public static final int HEIGHT = 240;
    /** The seed of the generated images and of the selection. */
    public static final long SEED = 42;
    /** The id of the demo's run. */
    public static final String RUN_ID = "demo";

    /**
     * Diverse, uncertain and class-balanced: diversity over the embeddings, the detector's entropy as
     * a weight, and a uniform balance of the classifier's classes.
     */
    public static final String RUN_CONFIG = """
            {
              "selection": {
                "n_samples": 30,
                "strategies": [
                  {"input": {"type": "EMBEDDINGS"}, "strategy": {"type": "DIVERSITY"}},
                  {"input": {"type": "SCORES", "task": "shapes", "score": "uncertainty_entropy"},
                   "strategy": {"type": "WEIGHTS"}},
                  {"input": {"type": "PREDICTIONS", "task": "shape-class", "name": "CLASS_DISTRIBUTION"},
                   "strategy": {"type": "BALANCE", "distribution": "UNIFORM", "strength": 0.5}}
                ]
              },
              "embeddings": {"model": "builtin"},
              "seed": 42
            }
            """;

    private Demo() {
    }

    /** Generates {@code images} demo images in {@code folder} and runs the demo selection over them. */
    public static RunSummary run(Path folder, int images, Clock clock, RunProgress progress, int threads) throws IOException {
        progress.phase("Generating " + images + " demo images", 0);
        DemoDataset.generate(folder, images, WIDTH, HEIGHT, SEED);
        AtomicFiles.writeString(folder.resolve("run.json"), RUN_CONFIG);
        progress.endPhase();
        RunConfig config = RunConfigParser.parse(RUN_CONFIG, "run.json", folder);
        LocalDatasource input = LocalDatasource.at(folder);
        OutputLocation output = OutputLocation.guard(LocalDatasource.at(folder), input);
        return new RunPipeline(clock, progress, threads).run(new RunRequest(input, output, input.root(), config, Optional.of(RUN_ID)));
    }
}
