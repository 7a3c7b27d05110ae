package dev.winnow.format.rle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.format.RleMask;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Round trips of the run-length code on random masks, each checked against the pixels themselves. */
class RleProperties {
    /** A mask of height x width pixels, row-major. */
    record Grid(int height, int width, boolean[] pixels) {}

    @Provide
    Arbitrary<Grid> grids() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 24),
                        Arbitraries.integers().between(1, 24),
                        Arbitraries.doubles().between(0, 1))
                .flatAs((h, w, density) -> Arbitraries.randomValue(random -> {
                    boolean[] pixels = new boolean[h * w];
                    for (int i = 0; i < pixels.length; i++) {
                        pixels[i] = random.nextDouble() < density;
                    }
                    return new Grid(h, w, pixels);
                }));
    }

    private static boolean[] transposed(boolean[] pixels, int lines, int lineLength) {
        boolean[] t = new boolean[pixels.length];
        for (int line = 0; line < lines; line++) {
            for (int x = 0; x < lineLength; x++) {
                t[x * lines + line] = pixels[line * lineLength + x];
            }
        }
        return t;
    }

    @Property(tries = 300)
    void encodeThenDecode_givesThePixelsBack(@ForAll("grids") Grid g) {
        RleMask mask = RleMask.encode(g.pixels());
        assertThat(mask.decode(g.pixels().length)).isEqualTo(g.pixels());
        assertThat(mask.pixelCount()).isEqualTo(g.pixels().length);
        long set = 0;
        for (boolean p : g.pixels()) {
            set += p ? 1 : 0;
        }
        assertThat(mask.area()).isEqualTo(set);
    }

    @Property(tries = 300)
    void transpose_matchesThePixelTranspose_andTwiceIsTheIdentity(@ForAll("grids") Grid g) {
        int[] counts = RleMask.encode(g.pixels()).counts();
        int[] once = RunTranspose.transpose(counts, g.height(), g.width());
        assertThat(RleMask.of(once).decode(g.pixels().length)).isEqualTo(transposed(g.pixels(), g.height(), g.width()));
        assertThat(RleMask.of(RunTranspose.transpose(once, g.width(), g.height())))
                .isEqualTo(RleMask.of(counts));
    }

    @Property(tries = 300)
    void cocoRle_toAndFromRowMajor_andThroughCompressedCounts(@ForAll("grids") Grid g) {
        RleMask rowMajor = RleMask.encode(g.pixels());
        CocoRle coco = CocoRle.fromRowMajor(rowMajor, g.height(), g.width());
        assertThat(coco.toRowMajor()).isEqualTo(rowMajor);
        int[] columnMajor = RunTranspose.transpose(rowMajor.counts(), g.height(), g.width());
        String compressed = CompressedCounts.encode(columnMajor);
        assertThat(CompressedCounts.decode(compressed)).isEqualTo(columnMajor);
        assertThat(CocoRle.fromCompressed(g.height(), g.width(), compressed).toRowMajor())
                .isEqualTo(rowMajor);
    }

    @Property(tries = 200)
    void compressedCounts_roundTripAnyCounts(@ForAll("counts") int[] counts) {
        assertThat(CompressedCounts.decode(CompressedCounts.encode(counts))).isEqualTo(counts);
    }

    @Provide
    Arbitrary<int[]> counts() {
        return Arbitraries.integers()
                .between(0, Integer.MAX_VALUE / 2)
                .array(int[].class)
                .ofMaxSize(40);
    }

    @Property(tries = 200)
    void union_isThePixelOr_andIgnoresOrder(
            @ForAll("grids") Grid a, @ForAll @IntRange(min = 0, max = 4) int more, @ForAll("seeds") long seed) {
        Random random = new Random(seed);
        int n = a.pixels().length;
        List<boolean[]> masks = new ArrayList<>();
        masks.add(a.pixels());
        for (int m = 0; m < more; m++) {
            boolean[] p = new boolean[n];
            for (int i = 0; i < n; i++) {
                p[i] = random.nextInt(4) == 0;
            }
            masks.add(p);
        }
        boolean[] or = new boolean[n];
        List<RleMask> encoded = new ArrayList<>();
        for (boolean[] p : masks) {
            for (int i = 0; i < n; i++) {
                or[i] |= p[i];
            }
            encoded.add(RleMask.encode(p));
        }
        RleMask union = MaskUnion.of(encoded, n);
        assertThat(union.decode(n)).isEqualTo(or);
        List<RleMask> reversed = new ArrayList<>(encoded);
        Collections.reverse(reversed);
        assertThat(MaskUnion.of(reversed, n)).isEqualTo(union);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }
}
