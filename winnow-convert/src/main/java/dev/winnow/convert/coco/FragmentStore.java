package dev.winnow.convert.coco;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The converted singletons of a whole COCO file, held compactly until they are grouped by image:
 * each singleton's JSON text in UTF-8 is appended to large byte chunks, and three primitive columns
 * say which image it belongs to and where its bytes are. After {@link #groupByImage}, a counting
 * sort gives each image's singletons in file order. About 12 bytes of bookkeeping per singleton
 * besides its JSON, and no object per singleton.
 */
final class FragmentStore {
    private static final int CHUNK = 8 << 20;

    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] current = new byte[CHUNK];
    private int used;
    private int[] image = new int[1024];
    private int[] chunkOf = new int[1024];
    private int[] offset = new int[1024];
    private int[] length = new int[1024];
    private int size;

    private int[] groupStart;
    private int[] groupOrder;

    FragmentStore() {
        chunks.add(current);
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
                add(imageIndex, json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
        if (size == image.length) {
            int n = size * 2;
            image = Arrays.copyOf(image, n);
            chunkOf = Arrays.copyOf(chunkOf, n);
            offset = Arrays.copyOf(offset, n);
            length = Arrays.copyOf(length, n);
        }
        image[size] = imageIndex;
        chunkOf[size] = chunks.size() - 1;
        offset[size] = used;
        length[size] = bytes;
        size++;
        used += bytes;
    }

    /** Groups the singletons of {@code imageCount} images; call once, after the last {@link #add}. */
    void groupByImage(int imageCount) {
        groupStart = new int[imageCount + 1];
        for (int i = 0; i < size; i++) {
            groupStart[image[i] + 1]++;
        }
        for (int i = 0; i < imageCount; i++) {
            groupStart[i + 1] += groupStart[i];
        }
        int[] fill = Arrays.copyOf(groupStart, imageCount);
        groupOrder = new int[size];
        for (int i = 0; i < size; i++) {
            groupOrder[fill[image[i]]++] = i;
        }
    }

    int countOf(int imageIndex) {
        return groupStart[imageIndex + 1] - groupStart[imageIndex];
    }

    /** Bytes of the image's singletons written comma-separated by {@link #copySingletons}. */
    int bytesOf(int imageIndex) {
        int bytes = Math.max(0, countOf(imageIndex) - 1);
        for (int k = groupStart[imageIndex]; k < groupStart[imageIndex + 1]; k++) {
            bytes += length[groupOrder[k]];
        }
        return bytes;
    }

    /** Copies the image's singletons, comma-separated, in file order, to {@code out} at {@code at}; returns the end. */
    int copySingletons(int imageIndex, byte[] out, int at) {
        int position = at;
        for (int k = groupStart[imageIndex]; k < groupStart[imageIndex + 1]; k++) {
            int i = groupOrder[k];
            if (k > groupStart[imageIndex]) {
                out[position++] = ',';
            }
            System.arraycopy(chunks.get(chunkOf[i]), offset[i], out, position, length[i]);
            position += length[i];
        }
        return position;
    }
}
