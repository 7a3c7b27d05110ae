package dev.winnow.run.datapool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The compact binary form of an embedding matrix: the 8 ASCII bytes {@code WNNWEMB1}, the row count
 * and the dimension as little-endian 32-bit integers, then the rows as little-endian 32-bit floats.
 * A file whose length does not match its header is refused, so a truncated file is never read as
 * fewer rows.
 */
final class EmbeddingFile {
    private static final byte[] MAGIC = {'W', 'N', 'N', 'W', 'E', 'M', 'B', '1'};
    private static final int HEADER = 16;

    private EmbeddingFile() {}

    static byte[] encode(int rows, int dimension, float[] values) {
        if ((long) rows * dimension != values.length) {
            throw new IllegalArgumentException("An embedding matrix of " + rows + " rows and " + dimension
                    + " columns needs " + (long) rows * dimension + " values, but has " + values.length + ".");
        }
        ByteBuffer buffer = ByteBuffer.allocate(HEADER + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(MAGIC).putInt(rows).putInt(dimension);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    /** The matrix stored at {@code file}, which must hold {@code expectedRows} rows. */
    static float[] read(Path file, int expectedRows, int expectedDimension) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = in.size();
            ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            while (header.hasRemaining() && in.read(header) >= 0) {
                // read the whole header
            }
            header.flip();
            byte[] magic = new byte[MAGIC.length];
            if (header.remaining() < HEADER) {
                throw new DatapoolException(
                        "The embedding file " + file + " is " + length + " bytes, too short for its header.");
            }
            header.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new DatapoolException("The embedding file " + file
                        + " does not start with WNNWEMB1; it is not a Winnow embedding file.");
            }
            int rows = header.getInt();
            int dimension = header.getInt();
            if (rows != expectedRows || dimension != expectedDimension) {
                throw new DatapoolException("The embedding file " + file + " holds " + rows + " rows of dimension "
                        + dimension + ", but the datapool expects " + expectedRows + " rows of dimension "
                        + expectedDimension + ".");
            }
            long expectedLength = HEADER + 4L * rows * dimension;
            if (length != expectedLength) {
                throw new DatapoolException("The embedding file " + file + " is " + length
                        + " bytes, but its header promises " + expectedLength + " bytes.");
            }
            ByteBuffer body =
                    ByteBuffer.allocate((int) (expectedLength - HEADER)).order(ByteOrder.LITTLE_ENDIAN);
            while (body.hasRemaining() && in.read(body) >= 0) {
                // read the whole body
            }
            body.flip();
            float[] values = new float[rows * dimension];
            body.asFloatBuffer().get(values);
            return values;
        }
    }
}
