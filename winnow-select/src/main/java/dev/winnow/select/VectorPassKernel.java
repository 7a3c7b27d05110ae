package dev.winnow.select;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The pass kernels on the Vector API: for each group of 4·L rows (L float lanes) four
 * accumulators stay in registers while the dimensions are walked; then the group's distances are
 * folded into the nearest distances and the block maximum before the next group is loaded. Only
 * loaded when {@code jdk.incubator.vector} is in the boot layer (see {@link PassKernel#best()}).
 */
final class VectorPassKernel implements PassKernel {

    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BYTES =
            VectorSpecies.of(byte.class, VectorShape.forBitSize(FLOATS.length() * Byte.SIZE));
    private static final int LANES = FLOATS.length();
    private static final int GROUP = 4 * LANES;
    private static final int BLOCK = EmbeddingStore.BLOCK;

    VectorPassKernel() {
        if (BLOCK % GROUP != 0) {
            throw new IllegalStateException("The block of " + BLOCK + " rows is not a multiple of " + GROUP + ".");
        }
    }

    @Override
    public void blockDots(byte[] q, int base, int dimension, float[] center, float[] out, int first) {
        for (int r = 0; r < BLOCK; r += GROUP) {
            FloatVector a0 = FloatVector.zero(FLOATS);
            FloatVector a1 = FloatVector.zero(FLOATS);
            FloatVector a2 = FloatVector.zero(FLOATS);
            FloatVector a3 = FloatVector.zero(FLOATS);
            for (int j = 0; j < dimension; j++) {
                int offset = base + j * BLOCK + r;
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
        int dimension = center.length;
        float largest = Float.NEGATIVE_INFINITY;
        for (int b = fromBlock; b < toBlock; b++) {
            int first = b * BLOCK;
            int base = first * dimension;
            FloatVector max = FloatVector.broadcast(FLOATS, Float.NEGATIVE_INFINITY);
            for (int r = 0; r < BLOCK; r += GROUP) {
                FloatVector a0 = FloatVector.zero(FLOATS);
                FloatVector a1 = FloatVector.zero(FLOATS);
                FloatVector a2 = FloatVector.zero(FLOATS);
                FloatVector a3 = FloatVector.zero(FLOATS);
                for (int j = 0; j < dimension; j++) {
                    int offset = base + j * BLOCK + r;
                    FloatVector c = FloatVector.broadcast(FLOATS, center[j]);
                    a0 = widen(q, offset).fma(c, a0);
                    a1 = widen(q, offset + LANES).fma(c, a1);
                    a2 = widen(q, offset + 2 * LANES).fma(c, a2);
                    a3 = widen(q, offset + 3 * LANES).fma(c, a3);
                }
                int i = first + r;
                max = max.max(foldInt8(a0, scales, norms, centerNorm, min, i));
                max = max.max(foldInt8(a1, scales, norms, centerNorm, min, i + LANES));
                max = max.max(foldInt8(a2, scales, norms, centerNorm, min, i + 2 * LANES));
                max = max.max(foldInt8(a3, scales, norms, centerNorm, min, i + 3 * LANES));
            }
            float m = max.reduceLanes(VectorOperators.MAX);
            blockMax[b] = m;
            largest = Math.max(largest, m);
        }
        return largest;
    }

    /** min[i..i+L) = min(min, max(0, norm + |c|² − 2·scale·dot)); returns the new values. */
    private static FloatVector foldInt8(
            FloatVector dots, float[] scales, float[] norms, float centerNorm, float[] min, int i) {
        FloatVector scale = FloatVector.fromArray(FLOATS, scales, i);
        FloatVector d = FloatVector.fromArray(FLOATS, norms, i)
                .add(centerNorm)
                .sub(scale.mul(2f).mul(dots))
                .max(0f);
        return lower(d, min, i);
    }

    @Override
    public float foldFloat32(float[] x, float[] center, int fromBlock, int toBlock, float[] min, float[] blockMax) {
        int dimension = center.length;
        float largest = Float.NEGATIVE_INFINITY;
        for (int b = fromBlock; b < toBlock; b++) {
            int first = b * BLOCK;
            int base = first * dimension;
            FloatVector max = FloatVector.broadcast(FLOATS, Float.NEGATIVE_INFINITY);
            for (int r = 0; r < BLOCK; r += GROUP) {
                FloatVector a0 = FloatVector.zero(FLOATS);
                FloatVector a1 = FloatVector.zero(FLOATS);
                FloatVector a2 = FloatVector.zero(FLOATS);
                FloatVector a3 = FloatVector.zero(FLOATS);
                for (int j = 0; j < dimension; j++) {
                    int offset = base + j * BLOCK + r;
                    FloatVector c = FloatVector.broadcast(FLOATS, center[j]);
                    // Multiply then add, never fused: the sums equal the scalar kernel's bit for bit.
                    FloatVector d0 = FloatVector.fromArray(FLOATS, x, offset).sub(c);
                    FloatVector d1 =
                            FloatVector.fromArray(FLOATS, x, offset + LANES).sub(c);
                    FloatVector d2 =
                            FloatVector.fromArray(FLOATS, x, offset + 2 * LANES).sub(c);
                    FloatVector d3 =
                            FloatVector.fromArray(FLOATS, x, offset + 3 * LANES).sub(c);
                    a0 = a0.add(d0.mul(d0));
                    a1 = a1.add(d1.mul(d1));
                    a2 = a2.add(d2.mul(d2));
                    a3 = a3.add(d3.mul(d3));
                }
                int i = first + r;
                max = max.max(lower(a0, min, i));
                max = max.max(lower(a1, min, i + LANES));
                max = max.max(lower(a2, min, i + 2 * LANES));
                max = max.max(lower(a3, min, i + 3 * LANES));
            }
            float m = max.reduceLanes(VectorOperators.MAX);
            blockMax[b] = m;
            largest = Math.max(largest, m);
        }
        return largest;
    }

    /**
     * min[i..i+L) = min(min, d); returns the new values. Written back only when a lane got lower:
     * after the first picks most rows keep their nearest center, and an unchanged line that is
     * not written is not written back to memory either.
     */
    private static FloatVector lower(FloatVector d, float[] min, int i) {
        FloatVector old = FloatVector.fromArray(FLOATS, min, i);
        if (d.compare(VectorOperators.LT, old).anyTrue()) {
            FloatVector m = old.min(d);
            m.intoArray(min, i);
            return m;
        }
        return old;
    }

    private static FloatVector widen(byte[] q, int offset) {
        return (FloatVector) ByteVector.fromArray(BYTES, q, offset).convertShape(VectorOperators.B2F, FLOATS, 0);
    }

    @Override
    public String name() {
        return "vector";
    }
}
