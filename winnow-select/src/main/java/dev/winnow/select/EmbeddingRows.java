package dev.winnow.select;

/**
 * Row-major float32 embeddings, wherever they are held: in a heap array ({@link EmbeddingMatrix})
 * or in a memory-mapped file ({@link MappedEmbeddingRows}), so that k-center can keep only its
 * compact int8 copy on the heap.
 */
public interface EmbeddingRows {

    /** The number of rows. */
    int count();

    /** The number of values per row. */
    int dimension();

    /** A copy of row {@code i}. */
    float[] row(int i);

    /** {@code Σ_j (x_ij − c_j)²} in float, summed in dimension order. */
    float squaredDistance(int i, float[] center);
}
