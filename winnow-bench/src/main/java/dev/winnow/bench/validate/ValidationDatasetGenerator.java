package dev.winnow.bench.validate;

import dev.winnow.format.PredictionsLayout;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

/**
 * Writes a datasource of {@code N} samples for the validation benchmark: small real PNG images
 * (four sizes, each encoded once with ImageIO into {@code <root>-originals/} and then hard-linked,
 * or copied where links are not possible) and one object-detection prediction file per sample with 5 boxes inside the
 * image, scores and 10-class probabilities, plus {@code tasks.json} and the schema of the task
 * {@code detection}. Samples go 1000 to a folder; the same seed gives the same files.
 *
 * <pre>{@code
 * java -cp winnow-bench.jar dev.winnow.bench.validate.ValidationDatasetGenerator \
 *     bench-data/validate-1000 1000
 * }</pre>
 */
public final class ValidationDatasetGenerator {
    /** The task the generated predictions belong to. */
    public static final String TASK = "detection";

    static final int CATEGORIES = 10;
    static final int BOXES = 5;
    private static final int[][] SIZES = {{64, 48}, {80, 60}, {96, 64}, {48, 48}};

    private ValidationDatasetGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ValidationDatasetGenerator FOLDER SAMPLES [SEED]");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        long start = System.nanoTime();
        generate(root, n, seed);
        System.err.printf(
                Locale.ROOT,
                "wrote %,d samples with predictions to %s in %.1f s%n",
                n,
                root,
                (System.nanoTime() - start) / 1e9);
    }

    /** The sample name of sample {@code i}: {@code images/0001/s0001234.png}. */
    static String sampleName(int i) {
        return String.format(Locale.ROOT, "images/%04d/s%07d.png", i / 1000, i);
    }

    /** Writes the datasource; {@code root} is both input and output location. */
    public static void generate(Path root, int n, long seed) throws IOException {
        Path task = root.resolve(PredictionsLayout.taskFolder(TASK));
        Files.createDirectories(task);
        Files.writeString(root.resolve(PredictionsLayout.TASKS_FILE), "[\"" + TASK + "\"]\n");
        StringBuilder schema = new StringBuilder("{\"task_type\": \"object-detection\", \"categories\": [");
        for (int c = 0; c < CATEGORIES; c++) {
            schema.append(c == 0 ? "" : ", ")
                    .append("{\"id\": ")
                    .append(c)
                    .append(", \"name\": \"class_")
                    .append(c)
                    .append("\"}");
        }
        Files.writeString(
                task.resolve(PredictionsLayout.SCHEMA), schema.append("]}\n").toString());

        // One real PNG per size, the originals every sample links to; beside the root, so they are no samples.
        Path originals = originals(root);
        Files.createDirectories(originals);
        for (int s = 0; s < SIZES.length; s++) {
            writePng(originals.resolve("size" + s + ".png"), SIZES[s][0], SIZES[s][1], s);
        }
        int folders = (n + 999) / 1000;
        IntStream.range(0, folders).parallel().forEach(folder -> {
            try {
                for (int i = folder * 1000; i < Math.min(n, folder * 1000 + 1000); i++) {
                    writeSample(root, task, i, seed);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void writeSample(Path root, Path task, int i, long seed) throws IOException {
        String sample = sampleName(i);
        int sizeIndex = i % SIZES.length;
        Path image = root.resolve(sample);
        Files.createDirectories(image.getParent());
        Path original = originals(root).resolve("size" + sizeIndex + ".png");
        if (!Files.exists(image)) {
            try {
                Files.createLink(image, original);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(original, image, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path prediction = task.resolve(sample.substring(0, sample.length() - ".png".length()) + ".json");
        Files.createDirectories(prediction.getParent());
        Files.writeString(
                prediction,
                predictionJson(
                        sample, SIZES[sizeIndex][0], SIZES[sizeIndex][1], new SplittableRandom(seed * 1_000_003L + i)),
                StandardCharsets.UTF_8);
    }

    private static Path originals(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + "-originals");
    }

    /** A valid prediction file with {@link #BOXES} boxes inside a {@code width x height} image. */
    static String predictionJson(String sample, int width, int height, SplittableRandom random) {
        StringBuilder json = new StringBuilder(1024)
                .append("{\"file_name\": \"")
                .append(sample)
                .append("\", \"predictions\": [");
        for (int b = 0; b < BOXES; b++) {
            int w = 1 + random.nextInt(width / 2);
            int h = 1 + random.nextInt(height / 2);
            int x = random.nextInt(width - w + 1);
            int y = random.nextInt(height - h + 1);
            double[] p = new double[CATEGORIES];
            double sum = 0;
            for (int c = 0; c < CATEGORIES; c++) {
                p[c] = random.nextDouble() + 0.05; // no share so small that rounding could make it negative
                sum += p[c];
            }
            int best = 0;
            StringBuilder probs = new StringBuilder();
            double written = 0;
            for (int c = 0; c < CATEGORIES; c++) {
                // Rounded to 4 digits, the last entry takes the rest so the vector sums to 1.
                double v =
                        c < CATEGORIES - 1 ? Math.round(p[c] / sum * 1e4) / 1e4 : Math.round((1 - written) * 1e4) / 1e4;
                written += v;
                if (p[c] > p[best]) {
                    best = c;
                }
                probs.append(c == 0 ? "" : ", ").append(v);
            }
            json.append(b == 0 ? "" : ", ")
                    .append("{\"category_id\": ")
                    .append(best)
                    .append(", \"bbox\": [")
                    .append(x)
                    .append(", ")
                    .append(y)
                    .append(", ")
                    .append(w)
                    .append(", ")
                    .append(h)
                    .append("], \"score\": ")
                    .append(Math.round(p[best] / sum * 1e4) / 1e4)
                    .append(", \"probabilities\": [")
                    .append(probs)
                    .append("]}");
        }
        return json.append("]}\n").toString();
    }

    private static void writePng(Path file, int width, int height, int variant) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40 + 50 * variant, 120, 200 - 40 * variant));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
