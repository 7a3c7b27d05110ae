package dev.winnow.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchEmbeddingTest {

    /** Embeds an image as (width, height), normalised, and records the batch sizes it was given. */
    private static final class SizeEmbedder implements Embedder {
        final List<Integer> batches = Collections.synchronizedList(new ArrayList<>());

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public int inputSize() {
            return 8;
        }

        @Override
        public float[][] embed(List<BufferedImage> batch) {
            batches.add(batch.size());
            float[][] rows = new float[batch.size()][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = Vectors.l2Normalize(
                        new float[] {batch.get(i).getWidth(), batch.get(i).getHeight()});
            }
            return rows;
        }

        @Override
        public void close() {}
    }

    @Test
    void embedAll_batchesKeepsOrderSkipsUndecodedAndReportsProgress() {
        SizeEmbedder embedder = new SizeEmbedder();
        List<String> progress = new ArrayList<>();
        // Sample i is an image i+1 wide and 1 high, except every third sample, which "cannot be decoded".
        float[][] rows = BatchEmbedding.embedAll(
                embedder,
                7,
                i -> i % 3 == 2 ? null : new BufferedImage(i + 1, 1, BufferedImage.TYPE_INT_RGB),
                3,
                (done, total) -> progress.add(done + "/" + total));
        assertThat(progress).containsExactly("3/7", "6/7", "7/7");
        assertThat(embedder.batches).containsExactly(2, 2, 1);
        assertThat(rows).hasNumberOfRows(7);
        assertThat(rows[2]).isNull();
        assertThat(rows[5]).isNull();
        for (int i : new int[] {0, 1, 3, 4, 6}) {
            assertThat(rows[i]).containsExactly(Vectors.l2Normalize(new float[] {i + 1, 1}));
        }
    }

    @Test
    void embedAll_withNothingToEmbed() {
        SizeEmbedder embedder = new SizeEmbedder();
        assertThat(BatchEmbedding.embedAll(embedder, 0, i -> null, 4, EmbeddingProgress.NONE))
                .isEmpty();
        assertThat(BatchEmbedding.embedAll(embedder, 2, i -> null, 4, EmbeddingProgress.NONE))
                .isDeepEqualTo(new float[2][]);
        assertThat(embedder.batches).isEmpty();
    }

    @Test
    void badArguments() {
        SizeEmbedder embedder = new SizeEmbedder();
        assertThatThrownBy(() -> BatchEmbedding.embedAll(embedder, 1, i -> null, 0, EmbeddingProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The batch size must be at least 1, but was 0.");
        assertThatThrownBy(() -> BatchEmbedding.embedAll(embedder, -1, i -> null, 4, EmbeddingProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The sample count cannot be negative, but was -1.");
    }
}
