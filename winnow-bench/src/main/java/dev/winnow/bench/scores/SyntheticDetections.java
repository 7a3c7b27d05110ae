package dev.winnow.bench.scores;

import dev.winnow.format.BoundingBox;
import dev.winnow.format.Category;
import dev.winnow.format.PredictionFile;
import dev.winnow.format.Probabilities;
import dev.winnow.format.Singleton;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Deterministic object-detection predictions for benchmarks: sample {@code i} always gets the same
 * boxes, whichever thread asks and in whatever order. Each box has a full probability vector whose
 * largest entry is its category and its score.
 */
public final class SyntheticDetections {
    /** Categories of the generated schema. */
    public static final int CATEGORIES = 10;
    /** Boxes per sample. */
    public static final int BOXES = 5;

    public static final int IMAGE_WIDTH = 640;
    public static final int IMAGE_HEIGHT = 480;

    private final long seed;

    public SyntheticDetections(long seed) {
        this.seed = seed;
    }

    /** The schema: categories 0..9 named {@code class_<id>}. */
    public static TaskSchema schema() {
        List<Category> categories = new ArrayList<>();
        for (int id = 0; id < CATEGORIES; id++) {
            categories.add(Category.of(id, "class_" + id));
        }
        return new TaskSchema(TaskType.OBJECT_DETECTION, categories);
    }

    /** The name of sample {@code i}: {@code img/<i / 1000, 4 digits>/<i, 7 digits>.jpg}. */
    public static String sampleName(int i) {
        return String.format("img/%04d/%07d.jpg", i / 1000, i);
    }

    /** The boxes of sample {@code i}. */
    public PredictionFile sample(int i) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        List<Singleton> boxes = new ArrayList<>(BOXES);
        for (int b = 0; b < BOXES; b++) {
            double[] p = probabilities(random);
            int best = 0;
            for (int c = 1; c < CATEGORIES; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            int w = 1 + random.nextInt(IMAGE_WIDTH / 2);
            int h = 1 + random.nextInt(IMAGE_HEIGHT / 2);
            BoundingBox box = new BoundingBox(random.nextInt(IMAGE_WIDTH - w), random.nextInt(IMAGE_HEIGHT - h), w, h);
            boxes.add(new Singleton.Detection(best, box, p[best], Optional.of(Probabilities.of(p))));
        }
        return new PredictionFile(Optional.empty(), boxes);
    }

    /** A vector summing to 1 up to rounding: integer weights 1..100 divided by their total. */
    private static double[] probabilities(SplittableRandom random) {
        int[] weights = new int[CATEGORIES];
        int total = 0;
        for (int c = 0; c < CATEGORIES; c++) {
            weights[c] = 1 + random.nextInt(100);
            total += weights[c];
        }
        double[] p = new double[CATEGORIES];
        for (int c = 0; c < CATEGORIES; c++) {
            p[c] = (double) weights[c] / total;
        }
        return p;
    }
}
