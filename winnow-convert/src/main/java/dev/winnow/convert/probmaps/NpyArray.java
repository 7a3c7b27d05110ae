package dev.winnow.convert.probmaps;

import dev.winnow.datasource.Datasource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A NumPy {@code .npy} array of float32 ({@code <f4}) or float16 ({@code <f2}) values, memory-mapped from a local file
 * rather than read, so a 660 MB map costs address space, not heap.
 *
 * <p>The format: the magic {@code \x93NUMPY}, a version byte pair (1.0 has a 2-byte header length,
 * 2.0 and 3.0 a 4-byte one, all little-endian), then a Python dict literal with {@code descr} (the
 * dtype), {@code fortran_order} and {@code shape}, padded with spaces to a multiple of 64 bytes, then
 * the values in C order (last index fastest) or, with {@code fortran_order}, first index fastest.
 * Problems are {@link IllegalArgumentException}s with a sentence naming what is wrong.
 */
final class NpyArray {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private final int[] shape;
    private final boolean fortranOrder;
    private final boolean half;
    private final ByteBuffer data;
    private final long[] strides;

    private NpyArray(int[] shape, boolean fortranOrder, boolean half, ByteBuffer data) {
        this.shape = shape;
        this.fortranOrder = fortranOrder;
        this.half = half;
        this.data = data;
        strides = new long[shape.length];
        long stride = 1;
        if (fortranOrder) {
            for (int i = 0; i < shape.length; i++) {
                strides[i] = stride;
                stride *= shape[i];
            }
        } else {
            for (int i = shape.length - 1; i >= 0; i--) {
                strides[i] = stride;
                stride *= shape[i];
            }
        }
    }

    /**
     * Reads the array in the file {@code path} of {@code source}: memory-mapped from a local file,
     * read into the heap from any other channel (an object in a bucket, read by ranges).
     */
    static NpyArray open(Datasource source, String path) throws IOException {
        try (SeekableByteChannel channel = source.openSeekable(path)) {
            long size = channel.size();
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, 12)).order(ByteOrder.LITTLE_ENDIAN);
            readAt(channel, head, 0);
            head.flip();
            if (head.remaining() < 10 || !startsWithMagic(head)) {
                throw new IllegalArgumentException(
                        "The file is not a NumPy .npy file (it does not start with \\x93NUMPY).");
            }
            int major = head.get(6) & 0xff;
            long headerLength;
            int prefix;
            if (major == 1) {
                headerLength = head.getShort(8) & 0xffff;
                prefix = 10;
            } else if (major == 2 || major == 3) {
                if (head.remaining() < 12) {
                    throw new IllegalArgumentException("The file is truncated inside its header.");
                }
                headerLength = head.getInt(8) & 0xffffffffL;
                prefix = 12;
            } else {
                throw new IllegalArgumentException(
                        "The file is .npy format version " + major + "; versions 1 to 3 are read.");
            }
            if (headerLength > 1 << 20 || prefix + headerLength > size) {
                throw new IllegalArgumentException("The file is truncated inside its header (it declares "
                        + headerLength + " header bytes, but the file has " + size + " bytes).");
            }
            ByteBuffer dict = ByteBuffer.allocate((int) headerLength);
            readAt(channel, dict, prefix);
            String header = new String(dict.array(), StandardCharsets.ISO_8859_1);
            String descr = group(DESCR, header, "descr");
            boolean fortran = group(FORTRAN, header, "fortran_order").equals("True");
            int[] shape = shape(group(SHAPE, header, "shape"));
            boolean half;
            if (descr.equals("<f4")) {
                half = false;
            } else if (descr.equals("<f2")) {
                half = true;
            } else {
                throw new IllegalArgumentException("The array's dtype is '" + descr
                        + "'; probability maps must be float32 ('<f4')" + " or float16 ('<f2').");
            }
            long offset = prefix + headerLength;
            // Computed without overflow: a shape of huge sizes must not wrap into a small or negative count.
            long bytes = half ? 2 : 4;
            for (int d : shape) {
                bytes = bytes > Long.MAX_VALUE / Math.max(d, 1) ? Long.MAX_VALUE : bytes * d;
            }
            if (bytes == Long.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "The file is truncated: its header declares shape " + describe(shape) + " of "
                                + descr + ", more bytes of data than any file holds, but only " + (size - offset)
                                + " bytes follow the header.");
            }
            if (size - offset < bytes) {
                throw new IllegalArgumentException(
                        "The file is truncated: its header declares shape " + describe(shape) + " of " + descr + ", "
                                + bytes + " bytes of data, but only " + (size - offset) + " bytes follow the header.");
            }
            if (bytes > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "The array holds " + bytes + " bytes; maps of more than 2 GB are not supported.");
            }
            ByteBuffer data;
            if (channel instanceof FileChannel file) {
                data = file.map(FileChannel.MapMode.READ_ONLY, offset, bytes);
            } else {
                data = ByteBuffer.allocate((int) bytes);
                readAt(channel, data, offset);
                data.flip();
            }
            return new NpyArray(shape, fortran, half, data.order(ByteOrder.LITTLE_ENDIAN));
        }
    }

    /** Fills {@code buffer} from {@code position} on, or until the channel ends. */
    private static void readAt(SeekableByteChannel channel, ByteBuffer buffer, long position) throws IOException {
        channel.position(position);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            // until the buffer is full or the file ends
        }
    }

    private static boolean startsWithMagic(ByteBuffer head) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (head.get(i) != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static String group(Pattern pattern, String header, String key) {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException(
                    "The .npy header has no readable '" + key + "' entry: " + header.strip());
        }
        return m.group(1);
    }

    private static int[] shape(String text) {
        List<Integer> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            try {
                long v = Long.parseLong(p.endsWith("L") ? p.substring(0, p.length() - 1) : p);
                if (v < 0 || v > Integer.MAX_VALUE) {
                    throw new NumberFormatException();
                }
                dims.add((int) v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The .npy shape (" + text + ") is not a tuple of sizes.");
            }
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    static String describe(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    int[] shape() {
        return shape.clone();
    }

    boolean fortranOrder() {
        return fortranOrder;
    }

    /** The value at a 3-D index. */
    float get(int i, int j, int k) {
        long index = i * strides[0] + j * strides[1] + k * strides[2];
        return half ? halfToFloat(data.getShort((int) (index * 2))) : data.getFloat((int) (index * 4));
    }

    /** IEEE 754 binary16 to float (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short bits) {
        int h = bits & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13)); // infinity or NaN
        }
        if (exponent == 0) {
            if (mantissa == 0) {
                return Float.intBitsToFloat(sign);
            }
            // Subnormal: value = mantissa × 2^-24.
            float v = mantissa * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
