package dev.winnow.scores.table;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A growable column of ints kept in fixed-size pages, so that growing never copies what is
 * already stored and a full column never needs a second, larger copy of itself: the peak memory of
 * a column is its size plus one page. Only the first page starts small and doubles up to the page
 * size, so tiny tables stay tiny. Not thread-safe.
 */
final class PagedInts implements Serializable {
    private static final long serialVersionUID = 1L;

    static final int SHIFT = 14;
    static final int PAGE = 1 << SHIFT;
    static final int MASK = PAGE - 1;

    private int[][] pages = new int[1][];
    private int size;

    int size() {
        return size;
    }

    int get(int index) {
        return pages[index >>> SHIFT][index & MASK];
    }

    void set(int index, int value) {
        pages[index >>> SHIFT][index & MASK] = value;
    }

    void add(int value) {
        int p = size >>> SHIFT;
        int offset = size & MASK;
        if (p == pages.length) {
            pages = Arrays.copyOf(pages, pages.length * 2);
        }
        int[] page = pages[p];
        if (page == null) {
            page = new int[p == 0 ? 16 : PAGE];
            pages[p] = page;
        } else if (offset == page.length) {
            page = Arrays.copyOf(page, Math.min(PAGE, page.length * 2));
            pages[p] = page;
        }
        page[offset] = value;
        size++;
    }

    /** Appends every value of {@code other}. */
    void addAll(PagedInts other) {
        for (int i = 0; i < other.size; i++) {
            add(other.get(i));
        }
    }

    /**
     * Appends every value of {@code other} plus {@code base}: how offsets into another column move when it is appended.
     */
    void addAll(PagedInts other, int base) {
        for (int i = 0; i < other.size; i++) {
            add(other.get(i) + base);
        }
    }

    /** Copies {@code length} values from {@code from} into {@code into} at 0. */
    void copyTo(int from, int[] into, int length) {
        for (int i = 0; i < length; i++) {
            into[i] = get(from + i);
        }
    }
}
