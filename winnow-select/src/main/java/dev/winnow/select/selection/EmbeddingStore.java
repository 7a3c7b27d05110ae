package dev.winnow.select.selection;

/**
 * Candidate embeddings laid out for the farthest-first pass: rows are grouped in blocks of
 * {@link #BLOCK} and stored dimension-major inside a block, so the inner loop runs over
 * consecutive rows of one dimension and the JIT can vectorise it.
 */
sealed interface EmbeddingStore permits Float32Store, Int8Store {

    /** Rows per block. */
    int BLOCK = 256;

    int size();

    int dimension();

    /** Row {@code i} as the store holds it (decoded), for use as a new center. */
    float[] row(int i);

    /**
     * Computes the squared distances of the rows in blocks {@code [fromBlock, toBlock)} to
     * {@code center} into {@code out} (indexed by row; entries past {@link #size()} are scratch).
     */
    void squaredDistances(float[] center, int fromBlock, int toBlock, float[] out);

    /** Bytes held per row, for reports. */
    int bytesPerRow();

    default int blocks() {
        return (size() + BLOCK - 1) / BLOCK;
    }

    static EmbeddingStore of(EmbeddingMatrix matrix, KCenterGreedy.Storage storage) {
        return storage == KCenterGreedy.Storage.INT8 ? new Int8Store(matrix, Int8Kernel.best()) : new Float32Store(matrix);
    }
}
