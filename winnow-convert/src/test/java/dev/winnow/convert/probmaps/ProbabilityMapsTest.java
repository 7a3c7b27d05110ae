package dev.winnow.convert.probmaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.format.Probabilities;
import dev.winnow.format.RleMask;
import dev.winnow.format.Singleton;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ProbabilityMapsTest {

    /** A C×H×W map from per-pixel vectors given row-major. */
    static ProbabilityMaps.ClassMap map(int h, int w, float[][] pixels) {
        return new ProbabilityMaps.ClassMap() {
            @Override
            public int classes() {
                return pixels[0].length;
            }

            @Override
            public int height() {
                return h;
            }

            @Override
            public int width() {
                return w;
            }

            @Override
            public float value(int c, int y, int x) {
                return pixels[y * w + x][c];
            }
        };
    }

    // 2 x 3 pixels, 3 classes; pixel 3 ties classes 0 and 1 (class 0 wins).
    static final float[][] PIXELS = {
        {0.7f, 0.2f, 0.1f}, {0.5f, 0.3f, 0.2f}, {0.1f, 0.8f, 0.1f},
        {0.4f, 0.4f, 0.2f}, {0.2f, 0.2f, 0.6f}, {0.6f, 0.3f, 0.1f}
    };

    @Test
    void argmax_median_evenAndOddCounts_tiesToLowestClass() {
        List<Singleton.SemanticSegment> s = ProbabilityMaps.singletons(
                map(2, 3, PIXELS), new int[] {10, 20, 30}, ProbabilityMaps.Aggregation.MEDIAN, false);
        assertThat(s).extracting(Singleton.SemanticSegment::categoryId).containsExactly(10, 20, 30);
        // Labels 0 0 1 / 0 2 0.
        assertThat(s.get(0).segmentation()).isEqualTo(RleMask.of(0, 2, 1, 1, 1, 1));
        assertThat(s.get(1).segmentation()).isEqualTo(RleMask.of(2, 1, 3));
        assertThat(s.get(2).segmentation()).isEqualTo(RleMask.of(4, 1, 1));
        // Class 0 has four pixels (0.7, 0.5, 0.4, 0.6): the median is the mean of 0.5 and 0.6.
        assertThat(s.get(0).score()).isEqualTo(((double) 0.5f + 0.6f) / 2);
        assertThat(s.get(1).score()).isEqualTo((double) 0.8f);
        assertThat(s.get(2).score()).isEqualTo((double) 0.6f);
        double[] sum = {
            (double) 0.7f + 0.5f + 0.4f + 0.6f, (double) 0.2f + 0.3f + 0.4f + 0.3f, (double) 0.1f + 0.2f + 0.2f + 0.1f
        };
        double total = sum[0] + sum[1] + sum[2];
        assertThat(s.get(0).probabilities()).contains(Probabilities.of(sum[0] / total, sum[1] / total, sum[2] / total));
        assertThat(s.get(0).probabilities().get().sum()).isCloseTo(1.0, Offset.offset(1e-12));
    }

    @Test
    void median_oddCount_andMean() {
        assertThat(ProbabilityMaps.median(new float[] {0.9f, 0.25f, 0.5f})).isEqualTo(0.5);
        List<Singleton.SemanticSegment> s = ProbabilityMaps.singletons(
                map(2, 3, PIXELS), new int[] {0, 1, 2}, ProbabilityMaps.Aggregation.MEAN, false);
        assertThat(s.get(0).score()).isEqualTo(((double) 0.7f + 0.5f + 0.4f + 0.6f) / 4);
    }

    @Test
    void classWinningNoPixel_getsNoSingleton() {
        float[][] pixels = {{0.6f, 0.4f, 0f}, {0.3f, 0.7f, 0f}};
        assertThat(ProbabilityMaps.singletons(
                        map(1, 2, pixels), new int[] {0, 1, 2}, ProbabilityMaps.Aggregation.MEDIAN, false))
                .extracting(Singleton.SemanticSegment::categoryId)
                .containsExactly(0, 1);
    }

    @Test
    void softmax_onLogits() {
        float[][] logits = {{2f, 1f, 0f}, {-1f, 3f, 0.5f}};
        List<Singleton.SemanticSegment> s = ProbabilityMaps.singletons(
                map(1, 2, logits), new int[] {0, 1, 2}, ProbabilityMaps.Aggregation.MEDIAN, true);
        double e0 = Math.exp(0);
        float p0 = (float) (e0 / (Math.exp(0) + Math.exp(-1) + Math.exp(-2)));
        assertThat(s).extracting(Singleton.SemanticSegment::categoryId).containsExactly(0, 1);
        assertThat(s.get(0).score()).isEqualTo((double) p0);
        assertThatThrownBy(() -> ProbabilityMaps.singletons(
                        map(1, 2, logits), new int[] {0, 1, 2}, ProbabilityMaps.Aggregation.MEDIAN, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The value of class 0 at x=0, y=0 is 2.0; probabilities lie from 0 to 1 (use "
                        + "--softmax for logits).");
    }

    @Test
    void masksDecodeBackToTheArgmaxMap() {
        Random random = new Random(9);
        int h = 17;
        int w = 23;
        float[][] pixels = new float[h * w][4];
        int[] argmax = new int[h * w];
        for (int i = 0; i < h * w; i++) {
            float total = 0;
            for (int c = 0; c < 4; c++) {
                pixels[i][c] = random.nextInt(5); // small integers make ties frequent
                total += pixels[i][c];
            }
            for (int c = 0; c < 4; c++) {
                pixels[i][c] = total == 0 ? 0.25f : pixels[i][c] / total;
                if (pixels[i][c] > pixels[i][argmax[i]]) {
                    argmax[i] = c;
                }
            }
        }
        List<Singleton.SemanticSegment> s = ProbabilityMaps.singletons(
                map(h, w, pixels), new int[] {0, 1, 2, 3}, ProbabilityMaps.Aggregation.MEDIAN, false);
        int[] decoded = new int[h * w];
        Arrays.fill(decoded, -1);
        for (Singleton.SemanticSegment seg : s) {
            boolean[] mask = seg.segmentation().decode(h * w);
            for (int i = 0; i < h * w; i++) {
                if (mask[i]) {
                    assertThat(decoded[i]).isEqualTo(-1);
                    decoded[i] = seg.categoryId();
                }
            }
        }
        assertThat(decoded).isEqualTo(argmax);
    }
}
