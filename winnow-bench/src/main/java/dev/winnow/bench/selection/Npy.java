package dev.winnow.bench.selection;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes two-dimensional little-endian float32 matrices in NumPy's {@code .npy} format (version 1.0). */
final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\((\\d+),\\s*(\\d+),?\\)");

    /** A matrix read from a file. */
    record Matrix(float[] values, int rows, int columns) {}

    private Npy() {}

    /** Writes {@code values} (row-major, rows × columns) atomically to {@code file}. */
    static void write(Path file, float[] values, int rows, int columns) throws IOException {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + columns + "), }";
        int unpadded = MAGIC.length + 4 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer head =
                    ByteBuffer.allocate(MAGIC.length + 4 + header.length()).order(ByteOrder.LITTLE_ENDIAN);
            head.put(MAGIC)
                    .put((byte) 1)
                    .put((byte) 0)
                    .putShort((short) header.length())
                    .put(header.getBytes(StandardCharsets.US_ASCII));
            head.flip();
            while (head.hasRemaining()) {
                out.write(head);
            }
            ByteBuffer chunk = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < values.length; ) {
                chunk.clear();
                int n = Math.min(values.length - i, chunk.capacity() / 4);
                chunk.asFloatBuffer().put(values, i, n);
                chunk.limit(n * 4);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
                i += n;
            }
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Where a {@code .npy} file's float32 data starts and its shape. */
    record Header(long dataOffset, int rows, int columns) {}

    /** Reads the header of a float32 matrix written by {@link #write} or by {@code numpy.save}. */
    static Header header(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            return header(file, in);
        }
    }

    private static Header header(Path file, FileChannel in) throws IOException {
        ByteBuffer prefix = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        readFully(in, prefix);
        for (int i = 0; i < MAGIC.length; i++) {
            if (prefix.get(i) != MAGIC[i]) {
                throw new IOException(file + " is not a .npy file: its first bytes are not the NumPy magic string.");
            }
        }
        int headerLength = Short.toUnsignedInt(prefix.getShort(8));
        ByteBuffer headerBytes = ByteBuffer.allocate(headerLength);
        readFully(in, headerBytes);
        String header = new String(headerBytes.array(), StandardCharsets.US_ASCII);
        if (!header.contains("'<f4'") || header.contains("'fortran_order': True")) {
            throw new IOException(
                    file + " must hold a C-ordered little-endian float32 matrix, but its header is " + header.trim());
        }
        Matcher shape = SHAPE.matcher(header);
        if (!shape.find()) {
            throw new IOException(file + " must hold a two-dimensional matrix, but its header is " + header.trim());
        }
        return new Header(10L + headerLength, Integer.parseInt(shape.group(1)), Integer.parseInt(shape.group(2)));
    }

    /** Reads a float32 matrix written by {@link #write} or by {@code numpy.save}. */
    static Matrix read(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            Header header = header(file, in);
            int rows = header.rows();
            int columns = header.columns();
            float[] values = new float[Math.multiplyExact(rows, columns)];
            ByteBuffer chunk = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < values.length; ) {
                chunk.clear();
                int n = Math.min(values.length - i, chunk.capacity() / 4);
                chunk.limit(n * 4);
                readFully(in, chunk);
                chunk.flip();
                chunk.asFloatBuffer().get(values, i, n);
                i += n;
            }
            return new Matrix(values, rows, columns);
        }
    }

    private static void readFully(FileChannel in, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (in.read(buffer) < 0) {
                throw new IOException("The .npy file ends early.");
            }
        }
    }
}
