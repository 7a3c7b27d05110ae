package dev.winnow.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.run.RunLocations;
import dev.winnow.select.EmbeddingMatrix;
import dev.winnow.select.KCenterGreedy;
import dev.winnow.select.KCenterResult;
import dev.winnow.select.KCenterRoundOne;
import dev.winnow.select.TwoRoundKCenter;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Round one of two-round k-center on Spark's executors, round two on the driver: the picks are the
 * ones round one on the driver's threads gives, exactly the exact picks with one partition, and the
 * covering radius stays within 4 times exact farthest-first's on clustered data.
 */
class SparkKCenterTest {
    private static SparkSession spark;
    private static KCenterRoundOne executors;

    @BeforeAll
    static void start() {
        spark = SparkRuns.session();
        SparkEngine engine = new SparkEngine(
                JavaSparkContext.fromSparkContext(spark.sparkContext()),
                2,
                new RunLocations("in", "out", "{}", "run.json", "."));
        executors = engine.kCenterRoundOne().orElseThrow();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Points around {@code clusters} centres far apart (spread 1 around centres in a 100-wide cube), shuffled. */
    private static EmbeddingMatrix clustered(int clusters, int points, int dimension, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] centres = new float[clusters * dimension];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = (float) (random.nextDouble() * 100);
        }
        float[] rows = new float[points * dimension];
        for (int i = 0; i < points; i++) {
            int c = random.nextInt(clusters);
            for (int d = 0; d < dimension; d++) {
                rows[i * dimension + d] = centres[c * dimension + d] + (float) random.nextGaussian();
            }
        }
        return new EmbeddingMatrix(rows, dimension);
    }

    @Test
    void roundOneOnTheExecutors_picksAsOnTheDriver_andStaysWithinFourTimesTheExactRadius() {
        EmbeddingMatrix rows = clustered(16, 3_000, 12, 8);
        EmbeddingMatrix none = EmbeddingMatrix.empty(12);
        for (int k : new int[] {8, 16, 40}) {
            KCenterResult exact = new KCenterGreedy(rows, KCenterGreedy.Storage.FLOAT32, 2).select(k, none, 0, 3L);
            KCenterResult onSpark = new TwoRoundKCenter(null, 2, executors).select(rows, 5, k, none, 0, 3L);
            KCenterResult onDriver = new TwoRoundKCenter(null, 2).select(rows, 5, k, none, 0, 3L);

            assertThat(onSpark.picks()).as("k = " + k).hasSize(k).containsExactly(onDriver.picks());
            assertThat(onSpark.distances()).containsExactly(onDriver.distances());
            double radius = KCenterGreedy.coverageRadius(rows, onSpark.picks(), 2);
            assertThat(radius)
                    .as("k = " + k)
                    .isLessThanOrEqualTo(4 * KCenterGreedy.coverageRadius(rows, exact.picks(), 2));
        }
    }

    @Test
    void onePartition_givesExactlyTheExactPicks() {
        EmbeddingMatrix rows = clustered(10, 2_000, 8, 2);
        EmbeddingMatrix none = EmbeddingMatrix.empty(8);
        KCenterResult exact = new KCenterGreedy(rows, KCenterGreedy.Storage.FLOAT32, 2).select(25, none, 0, 9L);
        KCenterResult onSpark =
                new TwoRoundKCenter(KCenterGreedy.Storage.FLOAT32, 2, executors).select(rows, 1, 25, none, 0, 9L);

        assertThat(onSpark.picks()).containsExactly(exact.picks());
        assertThat(onSpark.distances()).containsExactly(exact.distances());
    }

    @Test
    void earlierSelections_areCentresOnTheExecutorsToo() {
        EmbeddingMatrix rows = new EmbeddingMatrix(new float[] {0, 0, 1, 0, 10, 0, 11, 0, 20, 0, 21, 0}, 2);
        EmbeddingMatrix earlier = new EmbeddingMatrix(new float[] {20.5f, 0}, 2);

        int[][] centres = executors.centres(
                List.of(rows.select(new int[] {0, 1, 2}), rows.select(new int[] {3, 4, 5})), 1, earlier, 0L);

        // Each part's first centre is its point farthest from the earlier selection.
        assertThat(centres).isDeepEqualTo(new int[][] {{0}, {0}});
    }
}
