package dev.winnow.select;

import java.util.Arrays;

/** Rows kept as float32, blocked dimension-major; distances are summed squared differences. */
final class Float32Store implements EmbeddingStore {

    private final int size;
    private final int dimension;
    private final float[] data;
    private final PassKernel kernel;

    Float32Store(EmbeddingRows matrix, PassKernel kernel) {
        this(matrix, kernel, 1);
    }

    /** Copies the rows on {@code parallelism} threads, each a range of whole blocks. */
    Float32Store(EmbeddingRows matrix, PassKernel kernel, int parallelism) {
        this.kernel = kernel;
        this.size = matrix.count();
        this.dimension = matrix.dimension();
        int blocks = (size + BLOCK - 1) / BLOCK;
        this.data = new float[Math.multiplyExact(blocks * BLOCK, dimension)];
        EmbeddingStore.overBlocks(blocks, parallelism, (from, to) -> copy(matrix, from, to));
    }

    /** Copies the rows of blocks {@code [fromBlock, toBlock)}; returns how many. */
    private Integer copy(EmbeddingRows matrix, int fromBlock, int toBlock) {
        int end = Math.min(size, toBlock * BLOCK);
        for (int i = fromBlock * BLOCK; i < end; i++) {
            float[] row = matrix.row(i);
            int base = (i / BLOCK) * BLOCK * dimension + i % BLOCK;
            for (int j = 0; j < dimension; j++) {
                data[base + j * BLOCK] = row[j];
            }
        }
        return Math.max(0, end - fromBlock * BLOCK);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public int bytesPerRow() {
        return 4 * dimension;
    }

    @Override
    public float[] row(int i) {
        float[] row = new float[dimension];
        int base = (i / BLOCK) * BLOCK * dimension + i % BLOCK;
        for (int j = 0; j < dimension; j++) {
            row[j] = data[base + j * BLOCK];
        }
        return row;
    }

    @Override
    public float rowError(int i) {
        return 0;
    }

    @Override
    public float maxRowError() {
        return 0;
    }

    @Override
    public float roundingMargin(float centerSquaredNorm) {
        return 0;
    }

    @Override
    public boolean approximate() {
        return false;
    }

    @Override
    public float exactSquaredDistance(int i, float[] center) {
        return exact(row(i), center);
    }

    /** Σ (a_j − b_j)² in float, in dimension order. */
    static float exact(float[] a, float[] b) {
        float sum = 0;
        for (int j = 0; j < a.length; j++) {
            float diff = a[j] - b[j];
            sum += diff * diff;
        }
        return sum;
    }

    @Override
    public float fold(float[] center, int fromBlock, int toBlock, float[] min, float[] blockMax) {
        return kernel.foldFloat32(data, center, fromBlock, toBlock, min, blockMax);
    }

    @Override
    public void squaredDistances(float[] center, int fromBlock, int toBlock, float[] out) {
        for (int b = fromBlock; b < toBlock; b++) {
            int first = b * BLOCK;
            Arrays.fill(out, first, first + BLOCK, 0f);
            int base = first * dimension;
            for (int j = 0; j < dimension; j++) {
                float c = center[j];
                int offset = base + j * BLOCK;
                for (int r = 0; r < BLOCK; r++) {
                    float diff = data[offset + r] - c;
                    out[first + r] += diff * diff;
                }
            }
        }
    }
}
