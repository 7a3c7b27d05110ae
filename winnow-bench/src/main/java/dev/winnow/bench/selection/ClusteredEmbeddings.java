package dev.winnow.bench.selection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Generates seeded, L2-normalised embeddings that look like real ones: points around a few hundred
 * random cluster centers (noise 0.35 per dimension, relative to unit-variance centers), so the
 * farthest-first picks are not decided by tiny differences the way they are on uniform noise.
 *
 * <p>Usage: {@code ClusteredEmbeddings ROWS DIMENSION SEED OUT.npy}
 */
public final class ClusteredEmbeddings {

    private ClusteredEmbeddings() {}

    /** Row-major rows × dimension unit vectors. */
    public static float[] generate(int rows, int dimension, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int clusters = Math.max(1, Math.min(256, rows / 100));
        double[] centers = new double[clusters * dimension];
        for (int i = 0; i < centers.length; i++) {
            centers[i] = gaussian(random);
        }
        float[] values = new float[Math.multiplyExact(rows, dimension)];
        double[] row = new double[dimension];
        for (int i = 0; i < rows; i++) {
            int c = random.nextInt(clusters);
            double norm = 0;
            for (int j = 0; j < dimension; j++) {
                row[j] = centers[c * dimension + j] + 0.35 * gaussian(random);
                norm += row[j] * row[j];
            }
            double inverse = 1 / Math.sqrt(norm);
            for (int j = 0; j < dimension; j++) {
                values[i * dimension + j] = (float) (row[j] * inverse);
            }
        }
        return values;
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller; SplittableRandom has no nextGaussian on Java 17.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: ClusteredEmbeddings ROWS DIMENSION SEED OUT.npy");
            System.exit(2);
        }
        int rows = Integer.parseInt(args[0]);
        int dimension = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        Path out = Path.of(args[3]);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Npy.write(out, generate(rows, dimension, seed), rows, dimension);
    }
}
