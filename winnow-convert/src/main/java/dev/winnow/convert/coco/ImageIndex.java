package dev.winnow.convert.coco;

import java.util.Arrays;

/**
 * The images of a COCO file in columns: image {@code i} (in file order) has id {@code ids[i]}, name
 * {@code names[i]} and size {@code widths[i] × heights[i]} (0 when unknown). Ids map to positions
 * through an open-addressing hash table of primitives, so 100k images cost a few megabytes.
 */
final class ImageIndex {
    private long[] ids = new long[1024];
    private String[] names = new String[1024];
    private int[] widths = new int[1024];
    private int[] heights = new int[1024];
    private int size;

    private long[] slotIds = new long[2048];
    private int[] slotIndex = filled(2048);

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    int size() {
        return size;
    }

    /** Adds an image; returns its position, or -1 when the id is already present. */
    int add(long id, String name, int width, int height) {
        if (indexOf(id) >= 0) {
            return -1;
        }
        if (size == ids.length) {
            int n = size * 2;
            ids = Arrays.copyOf(ids, n);
            names = Arrays.copyOf(names, n);
            widths = Arrays.copyOf(widths, n);
            heights = Arrays.copyOf(heights, n);
        }
        ids[size] = id;
        names[size] = name;
        widths[size] = width;
        heights[size] = height;
        if (2 * (size + 1) > slotIds.length) {
            rehash(slotIds.length * 2);
        }
        insert(id, size);
        return size++;
    }

    /** Position of the image with this id, or -1. */
    int indexOf(long id) {
        int mask = slotIds.length - 1;
        for (int slot = hash(id) & mask; ; slot = (slot + 1) & mask) {
            int index = slotIndex[slot];
            if (index < 0) {
                return -1;
            }
            if (slotIds[slot] == id) {
                return index;
            }
        }
    }

    private void insert(long id, int index) {
        int mask = slotIds.length - 1;
        int slot = hash(id) & mask;
        while (slotIndex[slot] >= 0) {
            slot = (slot + 1) & mask;
        }
        slotIds[slot] = id;
        slotIndex[slot] = index;
    }

    private void rehash(int capacity) {
        slotIds = new long[capacity];
        slotIndex = filled(capacity);
        for (int i = 0; i < size; i++) {
            insert(ids[i], i);
        }
    }

    private static int hash(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    long id(int index) {
        return ids[index];
    }

    String name(int index) {
        return names[index];
    }

    int width(int index) {
        return widths[index];
    }

    int height(int index) {
        return heights[index];
    }

    void setSize(int index, int width, int height) {
        widths[index] = width;
        heights[index] = height;
    }
}
