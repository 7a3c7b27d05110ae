package dev.winnow.bench.scores;

import dev.winnow.format.BoundingBox;
import dev.winnow.format.PredictionFile;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * Writes a datasource of {@code N} object-detection samples for the scores benchmark: an empty
 * {@code .jpg} per sample (the scores never read pixels) and its prediction file with 5 boxes and
 * 10-class probabilities from {@link SyntheticDetections}, plus {@code tasks.json} and the schema of
 * the task {@code detection}. Files are written in parallel, one folder of 1000 samples per task.
 *
 * <pre>{@code
 * java -cp winnow-bench.jar dev.winnow.bench.scores.DetectionDatasetGenerator bench-data/scores-1000 1000
 * }</pre>
 */
public final class DetectionDatasetGenerator {
    /** The task the generated predictions belong to. */
    public static final String TASK = "detection";

    private DetectionDatasetGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: DetectionDatasetGenerator FOLDER SAMPLES [SEED]");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        long start = System.nanoTime();
        generate(root, n, seed);
        System.err.printf(
                "wrote %,d samples with predictions to %s in %.1f s%n", n, root, (System.nanoTime() - start) / 1e9);
    }

    /** Writes the datasource; {@code root} is both input and output location. */
    public static void generate(Path root, int n, long seed) throws IOException {
        Path task = root.resolve(PredictionsLayout.taskFolder(TASK));
        Files.createDirectories(task);
        Files.writeString(root.resolve(PredictionsLayout.TASKS_FILE), "[\"" + TASK + "\"]\n");
        StringBuilder schema = new StringBuilder("{\"task_type\": \"object-detection\", \"categories\": [");
        for (int c = 0; c < SyntheticDetections.CATEGORIES; c++) {
            schema.append(c == 0 ? "" : ", ")
                    .append("{\"id\": ")
                    .append(c)
                    .append(", \"name\": \"class_")
                    .append(c)
                    .append("\"}");
        }
        Files.writeString(
                task.resolve(PredictionsLayout.SCHEMA), schema.append("]}\n").toString());
        SyntheticDetections source = new SyntheticDetections(seed);
        int folders = (n + 999) / 1000;
        IntStream.range(0, folders).parallel().forEach(folder -> {
            try {
                StringBuilder json = new StringBuilder(1024);
                for (int i = folder * 1000; i < Math.min(n, folder * 1000 + 1000); i++) {
                    String sample = SyntheticDetections.sampleName(i);
                    Path image = root.resolve(sample);
                    Files.createDirectories(image.getParent());
                    if (!Files.exists(image)) {
                        Files.createFile(image);
                    }
                    Path prediction = task.resolve(sample.substring(0, sample.length() - ".jpg".length()) + ".json");
                    Files.createDirectories(prediction.getParent());
                    json.setLength(0);
                    write(sample, source.sample(i), json);
                    Files.write(prediction, json.toString().getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void write(String sample, PredictionFile file, StringBuilder json) {
        json.append("{\"file_name\": \"").append(sample).append("\", \"predictions\": [");
        for (int s = 0; s < file.predictions().size(); s++) {
            Singleton.Detection d = (Singleton.Detection) file.predictions().get(s);
            BoundingBox b = d.bbox();
            json.append(s == 0 ? "" : ", ")
                    .append("{\"category_id\": ")
                    .append(d.categoryId())
                    .append(", \"bbox\": [")
                    .append((int) b.x())
                    .append(", ")
                    .append((int) b.y())
                    .append(", ")
                    .append((int) b.width())
                    .append(", ")
                    .append((int) b.height())
                    .append("], \"score\": ")
                    .append(d.score())
                    .append(", \"probabilities\": [");
            double[] p = d.probabilities().orElseThrow().toArray();
            for (int c = 0; c < p.length; c++) {
                json.append(c == 0 ? "" : ", ").append(p[c]);
            }
            json.append("]}");
        }
        json.append("]}\n");
    }
}
