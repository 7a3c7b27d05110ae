package dev.winnow.select;

import java.util.Arrays;

/**
 * The inner loops of a farthest-first pass over rows stored in blocks of
 * {@link EmbeddingStore#BLOCK}, dimension-major inside a block. A fold computes each row's
 * squared distance to a new center, lowers the row's nearest distance {@code min[i]} to it and
 * keeps the largest nearest distance of each block, all in one sweep over the rows, so the
 * embeddings are read once per pick and no distance array is written and read back.
 *
 * <p>The JIT of Java 17 does not vectorise byte-to-float conversion, so the plain int8 loop is
 * compute-bound. When the JVM runs with {@code --add-modules jdk.incubator.vector}, {@link #best()}
 * returns a kernel written with the Vector API that converts and multiplies a register of values
 * per instruction. The float32 fold sums the squared differences in dimension order without fused
 * multiply-adds in either kernel, so its distances are bit for bit the same.
 */
interface PassKernel {

    /** {@code out[first + r] = Σ_j q[base + j·BLOCK + r] · center[j]} for the rows of one block. */
    void blockDots(byte[] q, int base, int dimension, float[] center, float[] out, int first);

    /**
     * Folds a center into the int8 rows of blocks {@code [fromBlock, toBlock)}: the approximate
     * squared distance is {@code max(0, norms[i] + centerNorm − 2·scales[i]·Σ q·c)}; {@code min[i]}
     * becomes the smaller of it and its old value and {@code blockMax[b]} the largest {@code min} of
     * block b. Returns the largest of those block maxima.
     */
    float foldInt8(
            byte[] q,
            float[] scales,
            float[] norms,
            float[] center,
            float centerNorm,
            int fromBlock,
            int toBlock,
            float[] min,
            float[] blockMax);

    /** The same fold for float32 rows, with the exact squared distance {@code Σ_j (x_j − c_j)²}. */
    float foldFloat32(float[] x, float[] center, int fromBlock, int toBlock, float[] min, float[] blockMax);

    /** A short name for reports: {@code scalar} or {@code vector}. */
    String name();

    /** The plain-Java kernel. */
    PassKernel SCALAR = new PassKernel() {
        @Override
        public void blockDots(byte[] q, int base, int dimension, float[] center, float[] out, int first) {
            Arrays.fill(out, first, first + EmbeddingStore.BLOCK, 0f);
            for (int j = 0; j < dimension; j++) {
                float c = center[j];
                int offset = base + j * EmbeddingStore.BLOCK;
                for (int r = 0; r < EmbeddingStore.BLOCK; r++) {
                    out[first + r] += q[offset + r] * c;
                }
            }
        }

        @Override
        public float foldInt8(
                byte[] q,
                float[] scales,
                float[] norms,
                float[] center,
                float centerNorm,
                int fromBlock,
                int toBlock,
                float[] min,
                float[] blockMax) {
            float[] dots = new float[EmbeddingStore.BLOCK];
            float largest = Float.NEGATIVE_INFINITY;
            for (int b = fromBlock; b < toBlock; b++) {
                int first = b * EmbeddingStore.BLOCK;
                blockDots(q, first * center.length, center.length, center, dots, 0);
                float max = Float.NEGATIVE_INFINITY;
                for (int r = 0; r < EmbeddingStore.BLOCK; r++) {
                    int i = first + r;
                    float d = Math.max(0f, norms[i] + centerNorm - 2f * scales[i] * dots[r]);
                    float m = Math.min(min[i], d);
                    min[i] = m;
                    max = Math.max(max, m);
                }
                blockMax[b] = max;
                largest = Math.max(largest, max);
            }
            return largest;
        }

        @Override
        public float foldFloat32(float[] x, float[] center, int fromBlock, int toBlock, float[] min, float[] blockMax) {
            float[] sums = new float[EmbeddingStore.BLOCK];
            float largest = Float.NEGATIVE_INFINITY;
            for (int b = fromBlock; b < toBlock; b++) {
                int first = b * EmbeddingStore.BLOCK;
                int base = first * center.length;
                Arrays.fill(sums, 0f);
                for (int j = 0; j < center.length; j++) {
                    float c = center[j];
                    int offset = base + j * EmbeddingStore.BLOCK;
                    for (int r = 0; r < EmbeddingStore.BLOCK; r++) {
                        float diff = x[offset + r] - c;
                        sums[r] += diff * diff;
                    }
                }
                float max = Float.NEGATIVE_INFINITY;
                for (int r = 0; r < EmbeddingStore.BLOCK; r++) {
                    float m = Math.min(min[first + r], sums[r]);
                    min[first + r] = m;
                    max = Math.max(max, m);
                }
                blockMax[b] = max;
                largest = Math.max(largest, max);
            }
            return largest;
        }

        @Override
        public String name() {
            return "scalar";
        }
    };

    /** The Vector API kernel when the incubator module is present, else {@link #SCALAR}. */
    static PassKernel best() {
        return Holder.BEST;
    }

    /** Resolved once; the vector class is loaded by name so that nothing links to the module without it. */
    final class Holder {
        static final PassKernel BEST = load();

        private Holder() {}

        private static PassKernel load() {
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                return SCALAR;
            }
            try {
                return Class.forName("dev.winnow.select.VectorPassKernel")
                        .asSubclass(PassKernel.class)
                        .getDeclaredConstructor()
                        .newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return SCALAR;
            }
        }
    }
}
