package dev.winnow.embed;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The default embedder: needs no model weights, no network and no GPU. It describes each image by
 * colour layout, a hue/lightness histogram and a coarse histogram of oriented gradients (see
 * {@code BuiltinDescriptor}), then maps that descriptor through a fixed random projection to
 * {@link #dimension()} values and L2-normalises the result.
 *
 * <p>The projection matrix has entries ±1 drawn from a {@link SplittableRandom} with a constant
 * seed, so the same image gives the same vector on every machine and in every release that keeps
 * {@link #VERSION}. Random projections keep Euclidean distances up to a small distortion
 * (Johnson–Lindenstrauss), so images that look alike stay close. An image and its horizontal
 * mirror get the same vector by construction.
 *
 * <pre>{@code
 * Embedder embedder = BuiltinEmbedder.create();          // 64 dimensions, wants 64x64 pixels
 * float[][] rows = embedder.embed(List.of(image));
 * }</pre>
 *
 * <p>Thread-safe and stateless after construction; {@link #close()} does nothing. A batch of 16
 * or more images is described on several threads of the common pool.
 */
public final class BuiltinEmbedder implements Embedder {

    /** Changes whenever the descriptor or the projection changes, so stored embeddings can be told apart. */
    public static final int VERSION = 1;

    /** The output length used when none is configured. */
    public static final int DEFAULT_DIMENSION = 64;

    /** The smallest and largest output length accepted. */
    public static final int MIN_DIMENSION = 2;

    public static final int MAX_DIMENSION = 1024;

    private static final long PROJECTION_SEED = 0x57494E4E4F57L; // fixed: part of the embedding's definition
    private static final int PARALLEL_BATCH = 16;

    private final int dimension;
    private final float[] projection; // dimension rows x BuiltinDescriptor.LENGTH columns

    private BuiltinEmbedder(int dimension) {
        this.dimension = dimension;
        this.projection = projectionMatrix(dimension);
    }

    /** The built-in embedder with {@value #DEFAULT_DIMENSION} output values. */
    public static BuiltinEmbedder create() {
        return new BuiltinEmbedder(DEFAULT_DIMENSION);
    }

    /**
     * The built-in embedder with {@code dimension} output values, between {@value #MIN_DIMENSION} and {@value
     * #MAX_DIMENSION}.
     */
    public static BuiltinEmbedder withDimension(int dimension) {
        if (dimension < MIN_DIMENSION || dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException("The built-in embedder's dimension must lie between " + MIN_DIMENSION
                    + " and " + MAX_DIMENSION + ", but was " + dimension + ".");
        }
        return new BuiltinEmbedder(dimension);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** {@value BuiltinDescriptor#SIZE}: the descriptor is computed on a 64x64 resampling. */
    @Override
    public int inputSize() {
        return BuiltinDescriptor.SIZE;
    }

    @Override
    public float[][] embed(List<BufferedImage> batch) {
        Objects.requireNonNull(batch, "batch");
        float[][] out = new float[batch.size()][];
        IntStream indices = IntStream.range(0, batch.size());
        if (batch.size() >= PARALLEL_BATCH) {
            indices = indices.parallel();
        }
        indices.forEach(i -> out[i] = embed(Objects.requireNonNull(batch.get(i), "image")));
        return out;
    }

    /** The embedding of one image. */
    public float[] embed(BufferedImage image) {
        float[] descriptor = BuiltinDescriptor.describe(RgbPlanes.resample(image, BuiltinDescriptor.SIZE));
        int length = BuiltinDescriptor.LENGTH;
        float[] out = new float[dimension];
        for (int row = 0; row < dimension; row++) {
            float sum = 0;
            int base = row * length;
            for (int k = 0; k < length; k++) {
                sum += projection[base + k] * descriptor[k];
            }
            out[row] = sum;
        }
        return Vectors.l2Normalize(out);
    }

    /** Nothing to release. */
    @Override
    public void close() {}

    private static float[] projectionMatrix(int dimension) {
        SplittableRandom random = new SplittableRandom(PROJECTION_SEED);
        float[] matrix = new float[dimension * BuiltinDescriptor.LENGTH];
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = random.nextBoolean() ? 1f : -1f;
        }
        return matrix;
    }

    @Override
    public String toString() {
        return "built-in embedder (v" + VERSION + ", " + dimension + " dimensions)";
    }
}
