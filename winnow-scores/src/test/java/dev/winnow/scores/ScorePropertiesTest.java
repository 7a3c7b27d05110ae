package dev.winnow.scores;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.format.BoundingBox;
import dev.winnow.format.Keypoints;
import dev.winnow.format.PredictionFile;
import dev.winnow.format.Probabilities;
import dev.winnow.format.RleMask;
import dev.winnow.format.Singleton;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import dev.winnow.scores.table.Fixtures;
import dev.winnow.scores.table.PredictionsTable;
import dev.winnow.scores.table.PredictionsTableBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Properties over seeded random predictions of every task type. */
class ScorePropertiesTest {
    private static final int SAMPLES = 400;

    @ParameterizedTest
    @EnumSource(TaskType.class)
    void everyScore_liesInTheUnitInterval(TaskType type) {
        for (long seed = 1; seed <= 5; seed++) {
            ActiveLearningScores scores =
                    ActiveLearningScorer.scoreTable(table(type, randomFiles(type, seed), List.of()));
            for (ScoreName name : scores.names()) {
                for (double v : scores.column(name)) {
                    assertThat(v).as("%s of %s, seed %d", name, type, seed).isBetween(0.0, 1.0);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TaskType.class)
    void scores_doNotDependOnFileOrderOrOnHowBuildersWereSplit(TaskType type) {
        Map<String, PredictionFile> files = randomFiles(type, 42);
        List<String> sorted = new ArrayList<>(files.keySet());
        List<String> shuffled = new ArrayList<>(sorted);
        Collections.shuffle(shuffled, new Random(7));

        String inOrder = ScoresCsv.toCsv(ActiveLearningScorer.scoreTable(table(type, files, sorted)));
        String inShuffledOrder = ScoresCsv.toCsv(ActiveLearningScorer.scoreTable(table(type, files, shuffled)));
        String inThreeBuilders = ScoresCsv.toCsv(ActiveLearningScorer.scoreTable(joined(type, files, shuffled)));

        assertThat(inShuffledOrder).isEqualTo(inOrder);
        assertThat(inThreeBuilders).isEqualTo(inOrder);
        assertThat(inOrder.lines().count()).isEqualTo(SAMPLES + 1);
    }

    private static PredictionsTable table(TaskType type, Map<String, PredictionFile> files, List<String> order) {
        PredictionsTableBuilder builder = new PredictionsTableBuilder("t", schema(type));
        for (String name : order.isEmpty() ? files.keySet() : order) {
            builder.add(name, Objects.requireNonNull(files.get(name)));
        }
        return builder.build();
    }

    private static PredictionsTable joined(TaskType type, Map<String, PredictionFile> files, List<String> order) {
        List<PredictionsTableBuilder> parts = List.of(
                new PredictionsTableBuilder("t", schema(type)),
                new PredictionsTableBuilder("t", schema(type)),
                new PredictionsTableBuilder("t", schema(type)));
        for (int i = 0; i < order.size(); i++) {
            parts.get(i % 3).add(order.get(i), Objects.requireNonNull(files.get(order.get(i))));
        }
        return parts.get(2).addAll(parts.get(0)).addAll(parts.get(1)).build();
    }

    private static TaskSchema schema(TaskType type) {
        return type == TaskType.CLASSIFICATION ? Fixtures.schema(type, 2) : Fixtures.schema(type, 0, 1, 4, 9);
    }

    /** Random files: sometimes no singleton, probabilities or not, extreme scores, empty masks, zero confidences. */
    private static Map<String, PredictionFile> randomFiles(TaskType type, long seed) {
        Random random = new Random(seed);
        TaskSchema schema = schema(type);
        Map<String, PredictionFile> files = new TreeMap<>();
        for (int i = 0; i < SAMPLES; i++) {
            List<Singleton> singletons = new ArrayList<>();
            int count = random.nextInt(5);
            for (int s = 0; s < count; s++) {
                int category = schema.categories()
                        .get(random.nextInt(schema.categoryCount()))
                        .id();
                double score = switch (random.nextInt(4)) {
                    case 0 -> 0.0;
                    case 1 -> 1.0;
                    default -> random.nextDouble();
                };
                Optional<Probabilities> p = random.nextBoolean()
                        ? Optional.of(probabilities(random, schema.categoryCount()))
                        : Optional.empty();
                singletons.add(
                        switch (type) {
                            case CLASSIFICATION ->
                                new Singleton.Classification(
                                        category,
                                        random.nextInt(3) == 0 ? OptionalDouble.empty() : OptionalDouble.of(score),
                                        p);
                            case OBJECT_DETECTION ->
                                new Singleton.Detection(category, new BoundingBox(1, 2, 3, 4), score, p);
                            case INSTANCE_SEGMENTATION ->
                                new Singleton.InstanceSegment(
                                        category, new BoundingBox(0, 0, 4, 4), mask(random), score, p);
                            case SEMANTIC_SEGMENTATION ->
                                new Singleton.SemanticSegment(category, mask(random), score, p);
                            case KEYPOINT_DETECTION ->
                                new Singleton.KeypointInstance(category, keypoints(random), score, Optional.empty(), p);
                        });
            }
            files.put(
                    String.format("dir%d/s%06d_%03d.png", i % 3, random.nextInt(1_000_000), i),
                    new PredictionFile(Optional.empty(), singletons));
        }
        return files;
    }

    private static Probabilities probabilities(Random random, int k) {
        double[] p = new double[k];
        if (random.nextInt(4) == 0) {
            p[random.nextInt(k)] = 1;
            return Probabilities.of(p);
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            p[i] = random.nextDouble();
            sum += p[i];
        }
        for (int i = 0; i < k; i++) {
            p[i] /= sum;
        }
        return Probabilities.of(p);
    }

    private static RleMask mask(Random random) {
        boolean[] pixels = new boolean[16];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(3) == 0;
        }
        return RleMask.encode(pixels);
    }

    private static Keypoints keypoints(Random random) {
        int n = random.nextInt(4);
        double[] xyc = new double[3 * n];
        for (int i = 0; i < n; i++) {
            xyc[3 * i] = random.nextInt(50);
            xyc[3 * i + 1] = random.nextInt(50);
            xyc[3 * i + 2] = random.nextBoolean() ? 0 : random.nextDouble();
        }
        return Keypoints.of(xyc);
    }
}
