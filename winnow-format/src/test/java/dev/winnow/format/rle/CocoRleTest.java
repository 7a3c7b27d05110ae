package dev.winnow.format.rle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.format.RleMask;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CocoRleTest {

    @Test
    void compressed_smallCountsOneCharacterEach() {
        assertThat(CocoRle.of(1, 10, 3, 2, 5).compressedCounts()).isEqualTo("325");
    }

    @Test
    void compressed_positiveDifferenceNeedsTwoCharacters() {
        // Fourth count 30 is written as 30 - 10 = 20, which has bit 0x10 set and so needs a second character.
        CocoRle rle = CocoRle.of(6, 7, 0, 10, 2, 30);
        assertThat(rle.compressedCounts()).isEqualTo("0:2d0");
        assertThat(CocoRle.fromCompressed(6, 7, "0:2d0")).isEqualTo(rle);
    }

    @Test
    void compressed_negativeDifference() {
        // 30 has bit 0x10 set, so it needs a second character ("n0"); the fourth count 2 is written as
        // 2 - 30 = -28: low bits 4 with "more" ('T'), then 31, whose sign bit ends the number ('O').
        CocoRle rle = CocoRle.of(37, 1, 0, 30, 5, 2);
        assertThat(rle.compressedCounts()).isEqualTo("0n05TO");
        assertThat(CocoRle.fromCompressed(37, 1, "0n05TO").counts()).containsExactly(0, 30, 5, 2);
    }

    @Test
    void compressed_roundTripsLargeAndRandomCounts() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(40);
            int[] counts = new int[n];
            for (int i = 0; i < n; i++) {
                counts[i] = random.nextInt(trial % 2 == 0 ? 50 : 3_000_000);
            }
            String text = CompressedCounts.encode(counts);
            assertThat(CompressedCounts.decode(text)).containsExactly(counts);
        }
    }

    @Test
    void compressed_badCharacter() {
        assertThatThrownBy(() -> CocoRle.fromCompressed(2, 2, "1 3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The compressed RLE counts have the character ' ' at position 1; only "
                        + "characters from '0' to 'o' occur there.");
    }

    @Test
    void compressed_truncatedNumber() {
        assertThatThrownBy(() -> CocoRle.fromCompressed(2, 2, "0d"))
                .hasMessage("The compressed RLE counts end in the middle of a number (after 2 characters).");
    }

    @Test
    void compressed_negativeCount() {
        // The first count may not be a difference, so a negative value is simply wrong.
        assertThatThrownBy(() -> CocoRle.fromCompressed(2, 2, "O"))
                .hasMessage("The compressed RLE counts decode to the count -1 (count 0); counts must lie "
                        + "between 0 and 2147483647.");
    }

    @Test
    void size_mustMatchCounts() {
        assertThatThrownBy(() -> CocoRle.of(3, 4, 5, 6))
                .hasMessage("The RLE counts sum to 11 pixels, but its size [3, 4] has 12.");
        assertThatThrownBy(() -> CocoRle.fromRowMajor(RleMask.of(5, 6), 3, 4))
                .hasMessage("The mask's runs sum to 11 pixels, but a 4x3 image has 12.");
        assertThatThrownBy(() -> CocoRle.of(1, 2, 3, -1)).hasMessage("RLE count 1 is -1; counts must be 0 or more.");
    }

    @Test
    void toRowMajor_handMadeMask() {
        // 3 rows x 4 columns:
        // 0 0 1 1
        // 0 1 1 1
        // 0 0 0 1
        // Column-major: col0 000, col1 010, col2 110, col3 111 -> runs 4,1,1,2,1,3
        CocoRle coco = CocoRle.of(3, 4, 4, 1, 1, 2, 1, 3);
        assertThat(coco.toRowMajor()).isEqualTo(RleMask.of(2, 2, 1, 3, 3, 1));
        assertThat(CocoRle.fromRowMajor(RleMask.of(2, 2, 1, 3, 3, 1), 3, 4)).isEqualTo(coco);
        assertThat(coco.area()).isEqualTo(6);
    }

    @Test
    void conversions_zeroLengthRunsAndFullMasks() {
        assertThat(CocoRle.of(2, 2, 0, 4).toRowMajor()).isEqualTo(RleMask.of(0, 4));
        assertThat(CocoRle.of(2, 2, 4).toRowMajor()).isEqualTo(RleMask.of(4));
        // Two touching set runs separated by an empty 0-run read as one.
        assertThat(CocoRle.of(2, 2, 0, 1, 0, 3).toRowMajor()).isEqualTo(RleMask.of(0, 4));
        assertThat(CocoRle.of(0, 0).toRowMajor()).isEqualTo(RleMask.of(0));
    }

    @Test
    void conversions_matchPixelByPixelDecoding() {
        Random random = new Random(42);
        for (int trial = 0; trial < 300; trial++) {
            int h = 1 + random.nextInt(40);
            int w = 1 + random.nextInt(40);
            double density = random.nextDouble();
            boolean blocky = random.nextBoolean();
            boolean[][] grid = new boolean[h][w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    grid[y][x] = blocky ? ((x / 5 + y / 3) % 3 == 0) : random.nextDouble() < density;
                }
            }
            boolean[] rowMajor = new boolean[h * w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    rowMajor[y * w + x] = grid[y][x];
                }
            }
            boolean[] colMajor = new boolean[h * w];
            for (int x = 0; x < w; x++) {
                for (int y = 0; y < h; y++) {
                    colMajor[x * h + y] = grid[y][x];
                }
            }
            int[] cocoCounts = RleMask.encode(colMajor).counts();
            CocoRle coco = CocoRle.of(h, w, cocoCounts);
            RleMask expected = RleMask.encode(rowMajor);
            assertThat(coco.toRowMajor()).isEqualTo(expected);
            assertThat(CocoRle.fromRowMajor(expected, h, w)).isEqualTo(coco);
            assertThat(CocoRle.fromCompressed(h, w, coco.compressedCounts())).isEqualTo(coco);
        }
    }
}
