package dev.winnow.select;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Little-endian float32 rows read in place from a file (for example the data of a {@code .npy}
 * file after its header), mapped in slices of whole rows below 1 GiB each: ten million 64-value
 * rows (2.56 GB) stay in the page cache instead of the heap.
 */
public final class MappedEmbeddingRows implements EmbeddingRows {

    private static final long SLICE_BYTES = 1L << 30;

    private final int count;
    private final int dimension;
    private final int rowsPerSlice;
    private final FloatBuffer[] slices;

    private MappedEmbeddingRows(int count, int dimension, int rowsPerSlice, FloatBuffer[] slices) {
        this.count = count;
        this.dimension = dimension;
        this.rowsPerSlice = rowsPerSlice;
        this.slices = slices;
    }

    /**
     * Maps {@code count} rows of {@code dimension} values starting {@code offset} bytes into
     * {@code file}, which must hold them all.
     */
    public static MappedEmbeddingRows map(Path file, long offset, int count, int dimension) throws IOException {
        Objects.requireNonNull(file, "file");
        if (dimension < 1 || count < 0 || offset < 0) {
            throw new IllegalArgumentException("Cannot map " + count + " rows of dimension " + dimension + " at offset "
                    + offset + " of " + file + ".");
        }
        long rowBytes = (long) dimension * Float.BYTES;
        int rowsPerSlice = (int) Math.max(1, SLICE_BYTES / rowBytes);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long needed = offset + rowBytes * count;
            if (channel.size() < needed) {
                throw new IOException("The file " + file + " holds " + channel.size() + " bytes, but " + count
                        + " rows of dimension " + dimension + " at offset " + offset + " need " + needed + ".");
            }
            int sliceCount = (int) ((count + (long) rowsPerSlice - 1) / rowsPerSlice);
            FloatBuffer[] slices = new FloatBuffer[sliceCount];
            for (int s = 0; s < sliceCount; s++) {
                long first = (long) s * rowsPerSlice;
                long rows = Math.min(rowsPerSlice, count - first);
                slices[s] = channel.map(FileChannel.MapMode.READ_ONLY, offset + first * rowBytes, rows * rowBytes)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .asFloatBuffer();
            }
            return new MappedEmbeddingRows(count, dimension, rowsPerSlice, slices);
        }
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[] row(int i) {
        float[] row = new float[dimension];
        slices[i / rowsPerSlice].get((i % rowsPerSlice) * dimension, row);
        return row;
    }

    @Override
    public float squaredDistance(int i, float[] center) {
        FloatBuffer slice = slices[i / rowsPerSlice];
        int base = (i % rowsPerSlice) * dimension;
        float sum = 0;
        for (int j = 0; j < dimension; j++) {
            float diff = slice.get(base + j) - center[j];
            sum += diff * diff;
        }
        return sum;
    }
}
