package dev.winnow.format.rle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.format.RleMask;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LabelMapTest {

    @Test
    void handMade() {
        // 0 0 2
        // 2 2 0
        Map<Integer, RleMask> masks = LabelMap.masks(new int[] {0, 0, 2, 2, 2, 0});
        assertThat(masks).containsExactly(Map.entry(0, RleMask.of(0, 2, 3, 1)), Map.entry(2, RleMask.of(2, 3, 1)));
    }

    @Test
    void randomMaps_decodeBackPixelByPixel() {
        Random random = new Random(5);
        for (int trial = 0; trial < 100; trial++) {
            int n = 1 + random.nextInt(500);
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = random.nextInt(10) < 7 && i > 0 ? labels[i - 1] : random.nextInt(4);
            }
            Map<Integer, RleMask> masks = LabelMap.masks(labels);
            for (var e : masks.entrySet()) {
                boolean[] decoded = e.getValue().decode(n);
                for (int i = 0; i < n; i++) {
                    assertThat(decoded[i]).isEqualTo(labels[i] == e.getKey());
                }
            }
            assertThat(masks.values().stream().mapToLong(RleMask::area).sum()).isEqualTo(n);
            assertThat(MaskUnion.of(List.copyOf(masks.values()), n)).isEqualTo(RleMask.of(0, n));
        }
    }
}
