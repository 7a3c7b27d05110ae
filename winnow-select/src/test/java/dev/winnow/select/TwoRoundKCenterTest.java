package dev.winnow.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TwoRoundKCenterTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** {@code clusters} tight clusters of {@code each} points around centres far apart, in a shuffled order. */
    private static EmbeddingMatrix clustered(int clusters, int each, int dimension, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] centres = new float[clusters][dimension];
        for (float[] c : centres) {
            for (int d = 0; d < dimension; d++) {
                c[d] = (float) (random.nextDouble() * 100);
            }
        }
        int n = clusters * each;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        float[] rows = new float[n * dimension];
        for (int i = 0; i < n; i++) {
            float[] centre = centres[order[i] % clusters];
            for (int d = 0; d < dimension; d++) {
                rows[i * dimension + d] = centre[d] + (float) random.nextGaussian();
            }
        }
        return new EmbeddingMatrix(rows, dimension);
    }

    @Test
    void onePartition_givesExactlyTheExactPicks() {
        EmbeddingMatrix rows = clustered(12, 150, 8, 5);
        KCenterResult exact =
                new KCenterGreedy(rows, KCenterGreedy.Storage.FLOAT32, 2).select(30, EmbeddingMatrix.empty(8), 0, 42L);
        KCenterResult twoRound = new TwoRoundKCenter(KCenterGreedy.Storage.FLOAT32, 2)
                .select(rows, 1, 30, EmbeddingMatrix.empty(8), 0, 42L);

        assertThat(twoRound.picks()).containsExactly(exact.picks());
        assertThat(twoRound.distances()).containsExactly(exact.distances());
    }

    @Test
    void sevenPartitions_radiusWithinFourTimesTheExactRadius_onClusteredData() {
        EmbeddingMatrix rows = clustered(20, 200, 16, 9);
        for (int k : new int[] {10, 20, 40}) {
            int[] exact = new KCenterGreedy(rows, KCenterGreedy.Storage.FLOAT32, 2)
                    .select(k, EmbeddingMatrix.empty(16), 0, 1L)
                    .picks();
            int[] twoRound = new TwoRoundKCenter(null, 2)
                    .select(rows, 7, k, EmbeddingMatrix.empty(16), 0, 1L)
                    .picks();
            double exactRadius = KCenterGreedy.coverageRadius(rows, exact, 2);
            double twoRoundRadius = KCenterGreedy.coverageRadius(rows, twoRound, 2);

            assertThat(twoRound).hasSize(k).doesNotHaveDuplicates();
            assertThat(twoRoundRadius).as("k = " + k).isLessThanOrEqualTo(4 * exactRadius);
        }
        // With a centre per cluster, each cluster is covered from inside it: the radius is the clusters' own size.
        int[] twoRound = new TwoRoundKCenter(null, 2)
                .select(rows, 7, 20, EmbeddingMatrix.empty(16), 0, 1L)
                .picks();
        assertThat(KCenterGreedy.coverageRadius(rows, twoRound, 2)).isLessThan(15);
    }

    @Test
    void earlierSelections_areCentresInBothRounds() {
        EmbeddingMatrix rows = new EmbeddingMatrix(new float[] {0, 0, 1, 0, 10, 0, 11, 0, 20, 0, 21, 0}, 2);
        EmbeddingMatrix earlier = new EmbeddingMatrix(new float[] {20.5f, 0}, 2);

        KCenterResult result = new TwoRoundKCenter(KCenterGreedy.Storage.FLOAT32, 1).select(rows, 3, 2, earlier, 0, 0L);

        assertThat(result.picks()).containsExactlyInAnyOrder(0, 2).hasSize(2);
    }

    @Test
    void selector_distributedEngine_runsTwoRoundsAndEqualsExactWithOnePartition() {
        EmbeddingMatrix rows = clustered(6, 40, 4, 3);
        FakeInputs inputs = FakeInputs.named(rows.count());
        inputs.embeddings = rows;
        String diversity = "'strategies': [{'input': {'type': 'EMBEDDINGS'}, 'strategy': {'type': 'DIVERSITY'}}]";
        SelectionResult exact =
                new Selector(2, null).select(config("{'n_samples': 12, " + diversity + "}"), inputs, 4L);
        SelectionResult one = new Selector(2, null)
                .select(
                        config("{'n_samples': 12, 'engine': 'distributed', 'partitions': 1, " + diversity + "}"),
                        inputs,
                        4L);
        SelectionResult five = new Selector(2, null)
                .select(
                        config("{'n_samples': 12, 'engine': 'distributed', 'partitions': 5, " + diversity + "}"),
                        inputs,
                        4L);

        assertThat(picks(one)).containsExactly(picks(exact));
        assertThat(picks(five)).hasSize(12).doesNotHaveDuplicates();
        assertThat(KCenterGreedy.coverageRadius(rows, picks(five), 1))
                .isLessThanOrEqualTo(4 * KCenterGreedy.coverageRadius(rows, picks(exact), 1));
    }

    @Test
    void config_engineValuesAndMistakes() {
        String diversity = "'strategies': [{'input': {'type': 'EMBEDDINGS'}, 'strategy': {'type': 'DIVERSITY'}}]";
        assertThat(config("{'n_samples': 2, " + diversity + "}").engine()).isEqualTo(SelectionEngine.EXACT);
        assertThat(config("{'n_samples': 2, 'engine': 'distributed', " + diversity + "}")
                        .engine())
                .isEqualTo(SelectionEngine.distributed(SelectionEngine.DEFAULT_PARTITIONS));
        assertThat(config("{'n_samples': 2, 'engine': 'distributed', 'partitions': 3, " + diversity + "}")
                        .engine())
                .isEqualTo(SelectionEngine.distributed(3));
        assertThatThrownBy(() -> config("{'n_samples': 2, 'engine': 'distributd', " + diversity + "}"))
                .hasMessage("Expected 'exact' or 'distributed' at /selection/engine, but found 'distributd'."
                        + " Did you mean 'distributed'?");
        assertThatThrownBy(() -> config("{'n_samples': 2, 'partitions': 3, " + diversity + "}"))
                .hasMessage(
                        "The key 'partitions' at /selection/partitions applies only to \"engine\": \"distributed\".");
        assertThatThrownBy(
                        () -> config("{'n_samples': 2, 'engine': 'distributed', 'partitions': 0, " + diversity + "}"))
                .hasMessage("Expected a positive integer at /selection/partitions, but found 0.");
        assertThatThrownBy(() -> config("{'n_samples': 2, 'engine': 'distributed', 'strategies': ["
                        + "{'input': {'type': 'EMBEDDINGS'}, 'strategy': {'type': 'DIVERSITY'}},"
                        + "{'input': {'type': 'RANDOM'}, 'strategy': {'type': 'WEIGHTS'}}]}"))
                .hasMessage("The engine 'distributed' at /selection/engine runs DIVERSITY alone (THRESHOLD filters"
                        + " allowed), but the strategies rank by 2 strategies; use the engine 'exact' or keep only"
                        + " DIVERSITY.");
    }

    private static SelectionConfig config(String json) {
        return SelectionConfigParser.parse(JSON.readTree(json.replace('\'', '"')), "/selection");
    }

    private static int[] picks(SelectionResult result) {
        int[] picks = new int[result.size()];
        for (int k = 0; k < picks.length; k++) {
            picks[k] = result.pick(k);
        }
        return picks;
    }
}
