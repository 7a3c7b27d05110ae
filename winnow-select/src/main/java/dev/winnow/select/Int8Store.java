package dev.winnow.select;

import java.util.List;

/**
 * Rows kept as int8 with one float scale per row (symmetric: {@code x ≈ scale · q},
 * {@code scale = max|x| / 127}), blocked dimension-major: a quarter of the bytes of float32. The
 * squared distance to a float center c is {@code |x̂|² + |c|² − 2·scale·Σ q·c}, with |x̂|² of the
 * decoded row precomputed, so the pass reads one byte per value. The caller's float rows (a heap
 * matrix or a mapped file) are kept (not copied) for centers and for the exact check of the few candidates that the
 * quantisation error leaves in doubt (see {@link NearestSelectedDistances}). The inner loop is an
 * {@link PassKernel}: SIMD through the Vector API when available, plain Java otherwise.
 */
final class Int8Store implements EmbeddingStore {

    private final int size;
    private final int dimension;
    private final byte[] data;
    private final float[] scales;
    private final float[] squaredNorms;
    private final float[] errors;
    private final float maxError;
    private final float maxSquaredNorm;
    private final EmbeddingRows original;
    private final PassKernel kernel;

    Int8Store(EmbeddingRows matrix, PassKernel kernel) {
        this(matrix, kernel, 1);
    }

    /** Quantises the rows on {@code parallelism} threads, each a range of whole blocks. */
    Int8Store(EmbeddingRows matrix, PassKernel kernel, int parallelism) {
        this.kernel = kernel;
        this.original = matrix;
        this.size = matrix.count();
        this.dimension = matrix.dimension();
        int blocks = (size + BLOCK - 1) / BLOCK;
        this.data = new byte[Math.multiplyExact(blocks * BLOCK, dimension)];
        this.scales = new float[blocks * BLOCK];
        this.squaredNorms = new float[blocks * BLOCK];
        this.errors = new float[size];
        List<float[]> largest =
                EmbeddingStore.overBlocks(blocks, parallelism, (from, to) -> quantise(matrix, from, to));
        float largestError = 0;
        float largestNorm = 0;
        for (float[] chunk : largest) {
            largestError = Math.max(largestError, chunk[0]);
            largestNorm = Math.max(largestNorm, chunk[1]);
        }
        this.maxError = largestError;
        this.maxSquaredNorm = largestNorm;
    }

    /** Quantises the rows of blocks {@code [fromBlock, toBlock)}; returns their largest error and squared norm. */
    private float[] quantise(EmbeddingRows matrix, int fromBlock, int toBlock) {
        float largestError = 0;
        float largestNorm = 0;
        int end = Math.min(size, toBlock * BLOCK);
        for (int i = fromBlock * BLOCK; i < end; i++) {
            float[] row = matrix.row(i);
            float max = 0;
            for (int j = 0; j < dimension; j++) {
                max = Math.max(max, Math.abs(row[j]));
            }
            float scale = max / 127f;
            scales[i] = scale;
            int base = (i / BLOCK) * BLOCK * dimension + i % BLOCK;
            double norm = 0;
            double error = 0;
            for (int j = 0; j < dimension; j++) {
                int q = scale == 0 ? 0 : Math.round(row[j] / scale);
                q = Math.max(-127, Math.min(127, q));
                data[base + j * BLOCK] = (byte) q;
                double decoded = (double) scale * q;
                norm += decoded * decoded;
                double diff = row[j] - decoded;
                error += diff * diff;
            }
            squaredNorms[i] = (float) norm;
            // ‖x − x̂‖ bounds |d(x̂, c) − d(x, c)| for any center c (triangle inequality).
            errors[i] = Math.nextUp((float) Math.sqrt(error));
            largestError = Math.max(largestError, errors[i]);
            largestNorm = Math.max(largestNorm, squaredNorms[i]);
        }
        return new float[] {largestError, largestNorm};
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** Which kernel runs the pass. */
    PassKernel kernel() {
        return kernel;
    }

    @Override
    public int bytesPerRow() {
        return dimension + 8;
    }

    @Override
    public float[] row(int i) {
        return original.row(i);
    }

    /** Row {@code i} as stored: scale times the int8 values. */
    float[] decodedRow(int i) {
        float[] row = new float[dimension];
        int base = (i / BLOCK) * BLOCK * dimension + i % BLOCK;
        for (int j = 0; j < dimension; j++) {
            row[j] = scales[i] * data[base + j * BLOCK];
        }
        return row;
    }

    @Override
    public float rowError(int i) {
        return errors[i];
    }

    @Override
    public float maxRowError() {
        return maxError;
    }

    @Override
    public float roundingMargin(float centerSquaredNorm) {
        // |x̂|² + |c|² − 2x̂·c loses about 2^-24 per term of a 64-term sum, relative to the norms.
        return 4e-5f * Math.max(1f, maxSquaredNorm + centerSquaredNorm);
    }

    @Override
    public boolean approximate() {
        return true;
    }

    @Override
    public float exactSquaredDistance(int i, float[] center) {
        return original.squaredDistance(i, center);
    }

    @Override
    public float fold(float[] center, int fromBlock, int toBlock, float[] min, float[] blockMax) {
        float centerNorm = 0;
        for (float c : center) {
            centerNorm += c * c;
        }
        return kernel.foldInt8(data, scales, squaredNorms, center, centerNorm, fromBlock, toBlock, min, blockMax);
    }

    @Override
    public void squaredDistances(float[] center, int fromBlock, int toBlock, float[] out) {
        float centerNorm = 0;
        for (float c : center) {
            centerNorm += c * c;
        }
        for (int b = fromBlock; b < toBlock; b++) {
            int first = b * BLOCK;
            kernel.blockDots(data, first * dimension, dimension, center, out, first);
            for (int r = 0; r < BLOCK; r++) {
                int i = first + r;
                out[i] = Math.max(0f, squaredNorms[i] + centerNorm - 2f * scales[i] * out[i]);
            }
        }
    }
}
