package dev.winnow.select.selection;

/**
 * Rows kept as int8 with one float scale per row (symmetric: {@code x ≈ scale · q},
 * {@code scale = max|x| / 127}), blocked dimension-major: a quarter of the bytes of float32. The
 * squared distance to a float center c is {@code |x̂|² + |c|² − 2·scale·Σ q·c}, with |x̂|² of the
 * decoded row precomputed, so the pass reads one byte per value. The inner loop is an
 * {@link Int8Kernel}: SIMD through the Vector API when available, plain Java otherwise.
 */
final class Int8Store implements EmbeddingStore {

    private final int size;
    private final int dimension;
    private final byte[] data;
    private final float[] scales;
    private final float[] squaredNorms;
    private final Int8Kernel kernel;

    Int8Store(EmbeddingMatrix matrix, Int8Kernel kernel) {
        this.kernel = kernel;
        this.size = matrix.count();
        this.dimension = matrix.dimension();
        int blocks = (size + BLOCK - 1) / BLOCK;
        this.data = new byte[Math.multiplyExact(blocks * BLOCK, dimension)];
        this.scales = new float[blocks * BLOCK];
        this.squaredNorms = new float[blocks * BLOCK];
        float[] rows = matrix.rows();
        for (int i = 0; i < size; i++) {
            float max = 0;
            for (int j = 0; j < dimension; j++) {
                max = Math.max(max, Math.abs(rows[i * dimension + j]));
            }
            float scale = max / 127f;
            scales[i] = scale;
            int base = (i / BLOCK) * BLOCK * dimension + i % BLOCK;
            double norm = 0;
            for (int j = 0; j < dimension; j++) {
                int q = scale == 0 ? 0 : Math.round(rows[i * dimension + j] / scale);
                q = Math.max(-127, Math.min(127, q));
                data[base + j * BLOCK] = (byte) q;
                double decoded = (double) scale * q;
                norm += decoded * decoded;
            }
            squaredNorms[i] = (float) norm;
        }
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
    Int8Kernel kernel() {
        return kernel;
    }

    @Override
    public int bytesPerRow() {
        return dimension + 8;
    }

    @Override
    public float[] row(int i) {
        float[] row = new float[dimension];
        int base = (i / BLOCK) * BLOCK * dimension + i % BLOCK;
        for (int j = 0; j < dimension; j++) {
            row[j] = scales[i] * data[base + j * BLOCK];
        }
        return row;
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
