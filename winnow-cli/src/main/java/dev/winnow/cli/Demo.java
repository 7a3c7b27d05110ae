package dev.winnow.cli;

import dev.winnow.datasource.AtomicWrite;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.datasource.OutputLocation;
import dev.winnow.datasource.Progress;
import dev.winnow.demo.DemoDataset;
import dev.winnow.run.RunPipeline;
import dev.winnow.run.RunRequest;
import dev.winnow.run.RunSummary;
import dev.winnow.run.config.RunConfigParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Winnow's demo: generates a datasource of shapes with a simulated model's predictions
 * ({@link DemoDataset}): images and a short video, writes the run configurations it uses to
 * {@code run.json} and {@code run-objects.json} beside it, and runs a full selection over the images
 * and frames and one over the detected shapes (object level), whose reports show every part of the product.
 *
 * <pre>{@code
 * Demo.Result result = Demo.run(Path.of("demo"), Demo.IMAGES, Demo.VIDEO_FRAMES, Clock.systemUTC(), Progress.NONE, 2);
 * System.out.println(result.samples().report());
 * }</pre>
 */
public final class Demo {
    /** The number of images the demo generates. */
    public static final int IMAGES = 300;

    public static final int WIDTH = 320;
    public static final int HEIGHT = 240;
    /** The seed of the generated images and of the selection. */
    public static final long SEED = 42;
    /** Frames of the demo's video. */
    public static final int VIDEO_FRAMES = 60;
    /** The id of the demo's run. */
    public static final String RUN_ID = "demo";
    /** The id of the demo's object-level run. */
    public static final String OBJECTS_RUN_ID = "demo-objects";

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

    /** On object level: every detected shape is a crop; diverse crops with their shape kinds balanced. */
    public static final String OBJECTS_RUN_CONFIG = """
            {
              "object_level": {"task_name": "shapes", "padding": 0.1},
              "selection": {
                "n_samples": 40,
                "strategies": [
                  {"input": {"type": "EMBEDDINGS", "task": "shapes"}, "strategy": {"type": "DIVERSITY"}},
                  {"input": {"type": "PREDICTIONS", "task": "shapes", "name": "CATEGORY_COUNT"},
                   "strategy": {"type": "BALANCE", "distribution": "UNIFORM"}}
                ]
              },
              "seed": 42
            }
            """;

    /** The demo's two runs: over whole images and frames, and over the detected shapes. */
    public record Result(RunSummary samples, RunSummary objects) {}

    private Demo() {}

    /**
     * Generates {@code images} demo images and a video of {@code videoFrames} frames in
     * {@code folder}, then runs the demo selection over them and the object-level one over their shapes.
     */
    public static Result run(Path folder, int images, int videoFrames, Clock clock, Progress progress, int threads)
            throws IOException {
        DemoDataset.prepare(folder);
        progress.phase("Generating " + images + " demo images and a video of " + videoFrames + " frames", 0);
        DemoDataset.generate(folder, images, WIDTH, HEIGHT, SEED);
        if (videoFrames > 0) {
            DemoDataset.generateVideo(folder, videoFrames, WIDTH, HEIGHT, SEED + 1);
        }
        AtomicWrite.write(folder.resolve("run.json"), RUN_CONFIG.getBytes(StandardCharsets.UTF_8), true);
        AtomicWrite.write(
                folder.resolve("run-objects.json"), OBJECTS_RUN_CONFIG.getBytes(StandardCharsets.UTF_8), true);
        progress.endPhase();
        LocalDatasource input = LocalDatasource.at(folder);
        OutputLocation output = OutputLocation.guard(LocalDatasource.at(folder), input);
        RunPipeline pipeline = new RunPipeline(clock, progress, threads);
        RunSummary samples = pipeline.run(new RunRequest(
                input,
                output,
                input.root(),
                RunConfigParser.parse(RUN_CONFIG, "run.json", folder),
                Optional.of(RUN_ID)));
        RunSummary objects = pipeline.run(new RunRequest(
                input,
                output,
                input.root(),
                RunConfigParser.parse(OBJECTS_RUN_CONFIG, "run-objects.json", folder),
                Optional.of(OBJECTS_RUN_ID)));
        return new Result(samples, objects);
    }
}
