package dev.winnow.convert.coco;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The converted singletons of a whole COCO file, held compactly: each singleton's JSON text in
 * UTF-8 is appended to large byte chunks, and primitive columns say where its bytes are and which
 * singleton of the same image comes next, so each image's singletons can be read in file order at
 * any time (a list per image, linked through the columns). About 16 bytes of bookkeeping per
 * singleton besides its JSON, and no object per singleton. Not thread-safe: one thread adds and
 * reads.
 */
final class FragmentStore {
    private static final int CHUNK = 8 << 20;

    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] current = new byte[CHUNK];
    private int used;
    private int[] chunkOf = new int[1024];
    private int[] offset = new int[1024];
    private int[] length = new int[1024];
    /** The next singleton of the same image, or -1. */
    private int[] next = new int[1024];

    private int size;

    /** Per image: its first and last singleton, or -1. */
    private final int[] first;

    private final int[] last;

    FragmentStore(int imageCount) {
        chunks.add(current);
        first = new int[imageCount];
        last = new int[imageCount];
        Arrays.fill(first, -1);
        Arrays.fill(last, -1);
    }

    int size() {
        return size;
    }

    /** Adds the JSON text in {@code json}; ASCII text (numbers and keys) is copied without an intermediate array. */
    void add(int imageIndex, CharSequence json) {
        int n = json.length();
        reserve(n);
        byte[] chunk = current;
        int at = used;
        for (int k = 0; k < n; k++) {
            char c = json.charAt(k);
            if (c >= 0x80) {
                add(imageIndex, json.toString().getBytes(StandardCharsets.UTF_8));
                return;
            }
            chunk[at + k] = (byte) c;
        }
        record(imageIndex, n);
    }

    void add(int imageIndex, byte[] json) {
        reserve(json.length);
        System.arraycopy(json, 0, current, used, json.length);
        record(imageIndex, json.length);
    }

    /** Makes room for {@code bytes} more bytes in the current chunk. */
    private void reserve(int bytes) {
        if (used + bytes > current.length) {
            current = new byte[Math.max(CHUNK, bytes)];
            chunks.add(current);
            used = 0;
        }
    }

    /** Records the {@code bytes} just placed at {@code used} as the next singleton, of image {@code imageIndex}. */
    private void record(int imageIndex, int bytes) {
        if (size == chunkOf.length) {
            int n = size * 2;
            chunkOf = Arrays.copyOf(chunkOf, n);
            offset = Arrays.copyOf(offset, n);
            length = Arrays.copyOf(length, n);
            next = Arrays.copyOf(next, n);
        }
        chunkOf[size] = chunks.size() - 1;
        offset[size] = used;
        length[size] = bytes;
        next[size] = -1;
        if (last[imageIndex] < 0) {
            first[imageIndex] = size;
        } else {
            next[last[imageIndex]] = size;
        }
        last[imageIndex] = size;
        size++;
        used += bytes;
    }

    /** Bytes of the image's singletons written comma-separated by {@link #copySingletons}. */
    int bytesOf(int imageIndex) {
        int bytes = 0;
        for (int i = first[imageIndex]; i >= 0; i = next[i]) {
            bytes += length[i] + 1; // and the comma before the next one
        }
        return Math.max(0, bytes - 1);
    }

    /** Copies the image's singletons, comma-separated, in file order, to {@code out} at {@code at}; returns the end. */
    int copySingletons(int imageIndex, byte[] out, int at) {
        int position = at;
        for (int i = first[imageIndex]; i >= 0; i = next[i]) {
            if (i != first[imageIndex]) {
                out[position++] = ',';
            }
            System.arraycopy(chunks.get(chunkOf[i]), offset[i], out, position, length[i]);
            position += length[i];
        }
        return position;
    }
}
