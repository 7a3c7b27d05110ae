package dev.winnow.bench.run;

import dev.winnow.bench.embed.PhotoLikeImages;
import dev.winnow.format.BoundingBox;
import dev.winnow.format.Category;
import dev.winnow.format.PredictionFile;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.Probabilities;
import dev.winnow.format.Singleton;
import dev.winnow.format.TaskList;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import dev.winnow.format.io.PredictionWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Generates the data of the whole-run benchmark: {@code N} photo-like 640x480 JPEGs
 * ({@link PhotoLikeImages}) under {@code images/}, an object-detection task {@code objects} with
 * one to five boxes per image and probabilities over four classes, and {@code run.json}: diversity
 * on the built-in embeddings, the detector's entropy as a weight and a uniform class balance,
 * selecting 1% of the images.
 *
 * <p>{@code java -cp winnow-bench.jar dev.winnow.bench.run.RunDataset N DIR}. The same N gives the
 * same bytes.
 */
public final class RunDataset {
    public static final String TASK = "objects";
    static final List<String> CLASSES = List.of("car", "person", "bicycle", "dog");

    public static final String RUN_CONFIG = """
            {
              "selection": {
                "proportion_samples": 0.01,
                "strategies": [
                  {"input": {"type": "EMBEDDINGS"}, "strategy": {"type": "DIVERSITY"}},
                  {"input": {"type": "SCORES", "task": "objects", "score": "uncertainty_entropy"},
                   "strategy": {"type": "WEIGHTS"}},
                  {"input": {"type": "PREDICTIONS", "task": "objects", "name": "CLASS_DISTRIBUTION"},
                   "strategy": {"type": "BALANCE", "distribution": "UNIFORM", "strength": 0.5}}
                ]
              },
              "embeddings": {"model": "builtin"},
              "seed": 1
            }
            """;

    private RunDataset() {}

    /** Writes {@code count} images, their predictions and {@code run.json} into {@code dir}. */
    public static void generate(int count, Path dir) throws IOException {
        Path predictions = dir.resolve(PredictionsLayout.ROOT);
        Files.createDirectories(predictions.resolve(TASK + "/images"));
        Files.createDirectories(dir.resolve("images"));
        Files.write(dir.resolve(PredictionsLayout.TASKS_FILE), PredictionWriter.toBytes(new TaskList(List.of(TASK))));
        List<Category> categories = new ArrayList<>();
        for (int c = 0; c < CLASSES.size(); c++) {
            categories.add(Category.of(c, CLASSES.get(c)));
        }
        Files.write(
                predictions.resolve(TASK + "/schema.json"),
                PredictionWriter.toBytes(new TaskSchema(TaskType.OBJECT_DETECTION, categories)));
        Files.writeString(dir.resolve("run.json"), RUN_CONFIG);
        try {
            IntStream.range(0, count).parallel().forEach(i -> {
                String stem = String.format(Locale.ROOT, "images/img-%05d", i);
                try {
                    Files.write(dir.resolve(stem + ".jpg"), PhotoLikeImages.jpeg(i));
                    Files.write(
                            predictions.resolve(TASK + "/" + stem + ".json"),
                            PredictionWriter.toBytes(
                                    PredictionFile.of(stem + ".jpg", detections(new Random(31L * i + 5)))));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** One to five boxes inside a 640x480 image, each with a probability vector peaked at its class. */
    static List<Singleton> detections(Random random) {
        List<Singleton> boxes = new ArrayList<>();
        int n = 1 + random.nextInt(5);
        for (int b = 0; b < n; b++) {
            int w = 20 + random.nextInt(200);
            int h = 20 + random.nextInt(200);
            int x = random.nextInt(PhotoLikeImages.WIDTH - w);
            int y = random.nextInt(PhotoLikeImages.HEIGHT - h);
            int cls = random.nextInt(CLASSES.size());
            double top = 0.3 + 0.69 * random.nextDouble();
            double[] p = new double[CLASSES.size()];
            for (int c = 0; c < p.length; c++) {
                p[c] = c == cls ? top : (1 - top) / (p.length - 1);
            }
            boxes.add(new Singleton.Detection(cls, new BoundingBox(x, y, w, h), top, Optional.of(Probabilities.of(p))));
        }
        return boxes;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: RunDataset COUNT DIR");
            System.exit(2);
        }
        generate(Integer.parseInt(args[0]), Path.of(args[1]));
    }
}
