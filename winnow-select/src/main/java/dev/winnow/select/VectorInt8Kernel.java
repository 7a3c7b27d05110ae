package dev.winnow.select;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The int8 block kernel on the Vector API: for each group of 4·L rows (L float lanes) it keeps
 * four accumulators in registers and walks the dimensions, widening L bytes to floats and fusing
 * the multiply-add. Only loaded when {@code jdk.incubator.vector} is in the boot layer (see
 * {@link Int8Kernel#best()}).
 */
final class VectorInt8Kernel implements Int8Kernel {

    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BYTES =
            VectorSpecies.of(byte.class, VectorShape.forBitSize(FLOATS.length() * Byte.SIZE));
    private static final int LANES = FLOATS.length();

    VectorInt8Kernel() {
        if (EmbeddingStore.BLOCK % (4 * LANES) != 0) {
            throw new IllegalStateException(
                    "The block of " + EmbeddingStore.BLOCK + " rows is not a multiple of " + 4 * LANES + ".");
        }
    }

    @Override
    public void blockDots(byte[] q, int base, int dimension, float[] center, float[] out, int first) {
        for (int r = 0; r < EmbeddingStore.BLOCK; r += 4 * LANES) {
            FloatVector a0 = FloatVector.zero(FLOATS);
            FloatVector a1 = FloatVector.zero(FLOATS);
            FloatVector a2 = FloatVector.zero(FLOATS);
            FloatVector a3 = FloatVector.zero(FLOATS);
            for (int j = 0; j < dimension; j++) {
                int offset = base + j * EmbeddingStore.BLOCK + r;
                FloatVector c = FloatVector.broadcast(FLOATS, center[j]);
                a0 = widen(q, offset).fma(c, a0);
                a1 = widen(q, offset + LANES).fma(c, a1);
                a2 = widen(q, offset + 2 * LANES).fma(c, a2);
                a3 = widen(q, offset + 3 * LANES).fma(c, a3);
            }
            a0.intoArray(out, first + r);
            a1.intoArray(out, first + r + LANES);
            a2.intoArray(out, first + r + 2 * LANES);
            a3.intoArray(out, first + r + 3 * LANES);
        }
    }

    private static FloatVector widen(byte[] q, int offset) {
        return (FloatVector) ByteVector.fromArray(BYTES, q, offset).convertShape(VectorOperators.B2F, FLOATS, 0);
    }

    @Override
    public String name() {
        return "vector";
    }
}
