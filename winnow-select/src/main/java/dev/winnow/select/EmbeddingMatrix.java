package dev.winnow.select;

import java.util.Objects;

/**
 * Embeddings as one row-major float matrix: row {@code i} is {@code rows[i*dimension .. (i+1)*dimension)}.
 * Rows are expected to be L2-normalised (so Euclidean distances lie in [0, 2]).
 *
 * <p>The array is not copied (a million 64-d rows are 256 MB); callers must not change it while a
 * selection uses it.
 */
public record EmbeddingMatrix(float[] rows, int dimension) implements EmbeddingRows {

    public EmbeddingMatrix {
        Objects.requireNonNull(rows, "rows");
        if (dimension < 1) {
            throw new IllegalArgumentException(
                    "The embedding dimension must be at least 1, but was " + dimension + ".");
        }
        if (rows.length % dimension != 0) {
            throw new IllegalArgumentException("The embedding matrix holds " + rows.length
                    + " values, which is not a whole number of rows of dimension " + dimension + ".");
        }
    }

    /** A matrix with no rows. */
    public static EmbeddingMatrix empty(int dimension) {
        return new EmbeddingMatrix(new float[0], dimension);
    }

    /** The number of rows. */
    @Override
    public int count() {
        return rows.length / dimension;
    }

    /** A copy of row {@code i}. */
    @Override
    public float[] row(int i) {
        float[] row = new float[dimension];
        System.arraycopy(rows, i * dimension, row, 0, dimension);
        return row;
    }

    @Override
    public float squaredDistance(int i, float[] center) {
        int offset = i * dimension;
        float sum = 0;
        for (int j = 0; j < dimension; j++) {
            float diff = rows[offset + j] - center[j];
            sum += diff * diff;
        }
        return sum;
    }

    /** A new matrix made of the given rows, in that order. */
    public EmbeddingMatrix select(int[] indices) {
        float[] picked = new float[indices.length * dimension];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(rows, indices[k] * dimension, picked, k * dimension, dimension);
        }
        return new EmbeddingMatrix(picked, dimension);
    }
}
