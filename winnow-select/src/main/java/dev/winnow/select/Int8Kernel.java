package dev.winnow.select;

import java.util.Arrays;

/**
 * The inner loop of the int8 pass: for one block of {@link EmbeddingStore#BLOCK} rows stored
 * dimension-major, {@code out[first + r] = Σ_j q[base + j·BLOCK + r] · center[j]}.
 *
 * <p>The JIT of Java 17 does not vectorise byte-to-float conversion, so the plain loop is
 * compute-bound and no faster than float32. When the JVM runs with
 * {@code --add-modules jdk.incubator.vector}, {@link #best()} returns a kernel written with the
 * Vector API that converts and multiplies eight or more values per instruction.
 */
interface Int8Kernel {

    void blockDots(byte[] q, int base, int dimension, float[] center, float[] out, int first);

    /** A short name for reports: {@code scalar} or {@code vector}. */
    String name();

    /** The plain-Java kernel. */
    Int8Kernel SCALAR = new Int8Kernel() {
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
        public String name() {
            return "scalar";
        }
    };

    /** The Vector API kernel when the incubator module is present, else {@link #SCALAR}. */
    static Int8Kernel best() {
        return Holder.BEST;
    }

    /** Resolved once; the vector class is loaded by name so that nothing links to the module without it. */
    final class Holder {
        static final Int8Kernel BEST = load();

        private Holder() {}

        private static Int8Kernel load() {
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                return SCALAR;
            }
            try {
                return Class.forName("dev.winnow.select.VectorInt8Kernel")
                        .asSubclass(Int8Kernel.class)
                        .getDeclaredConstructor()
                        .newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return SCALAR;
            }
        }
    }
}
