package dev.winnow.scores.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PagedColumnsTest {

    @Test
    void values_survivePageBoundaries() {
        PagedDoubles doubles = new PagedDoubles();
        int n = 3 * PagedDoubles.PAGE + 17;
        for (int i = 0; i < n; i++) {
            doubles.add(i * 0.5);
        }
        assertThat(doubles.size()).isEqualTo(n);
        for (int i = 0; i < n; i++) {
            assertThat(doubles.get(i)).isEqualTo(i * 0.5);
        }
        double[] window = new double[4];
        doubles.copyTo(PagedDoubles.PAGE - 2, window, 4);
        assertThat(window)
                .containsExactly(
                        (PagedDoubles.PAGE - 2) * 0.5,
                        (PagedDoubles.PAGE - 1) * 0.5,
                        PagedDoubles.PAGE * 0.5,
                        (PagedDoubles.PAGE + 1) * 0.5);
    }

    @Test
    void appendingWithABase_shiftsOffsets() {
        PagedInts first = new PagedInts();
        PagedInts second = new PagedInts();
        for (int i = 0; i < PagedInts.PAGE + 5; i++) {
            first.add(i);
            second.add(2 * i);
        }
        first.addAll(second, 1000);

        assertThat(first.size()).isEqualTo(2 * (PagedInts.PAGE + 5));
        assertThat(first.get(PagedInts.PAGE + 4)).isEqualTo(PagedInts.PAGE + 4);
        assertThat(first.get(PagedInts.PAGE + 5)).isEqualTo(1000);
        assertThat(first.get(2 * (PagedInts.PAGE + 5) - 1)).isEqualTo(1000 + 2 * (PagedInts.PAGE + 4));
    }

    @Test
    void setOverwritesInPlace_acrossEveryColumnType() {
        PagedFloats floats = new PagedFloats();
        PagedLongs longs = new PagedLongs();
        for (int i = 0; i < PagedFloats.PAGE + 1; i++) {
            floats.add(Float.NaN);
            longs.add(0);
        }
        floats.set(PagedFloats.PAGE, 2.5f);
        longs.set(PagedLongs.PAGE, 1L << 40);

        assertThat(floats.get(PagedFloats.PAGE)).isEqualTo(2.5f);
        assertThat(floats.get(PagedFloats.PAGE - 1)).isNaN();
        assertThat(longs.get(PagedLongs.PAGE)).isEqualTo(1L << 40);
    }
}
