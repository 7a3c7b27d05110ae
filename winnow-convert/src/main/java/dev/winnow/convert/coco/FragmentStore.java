package dev.winnow.convert.coco;

import java.io.ByteArrayOutputStream;
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

    void add(int imageIndex, byte[] json) {
        if (used + json.length > current.length) {
            current = new byte[Math.max(CHUNK, json.length)];
            chunks.add(current);
            used = 0;
        }
        System.arraycopy(json, 0, current, used, json.length);
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
        length[size] = json.length;
        size++;
        used += json.length;
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

    /** Appends the image's singletons, comma-separated, in file order. */
    void writeSingletons(int imageIndex, ByteArrayOutputStream out) {
        for (int k = groupStart[imageIndex]; k < groupStart[imageIndex + 1]; k++) {
            int i = groupOrder[k];
            if (k > groupStart[imageIndex]) {
                out.write(',');
            }
            out.write(chunks.get(chunkOf[i]), offset[i], length[i]);
        }
    }
}
