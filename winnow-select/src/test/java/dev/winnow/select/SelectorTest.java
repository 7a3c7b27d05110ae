package dev.winnow.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class SelectorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static SelectionConfig config(String json) {
        return SelectionConfigParser.parse(JSON.readTree(json.replace('\'', '"')), "/selection");
    }

    private static SelectionResult select(String json, SelectionInputs inputs, long seed) {
        return new Selector(2, null).select(config(json), inputs, seed);
    }

    private static String weightsOn(String score, String extra) {
        return "{'input': {'type': 'SCORES', 'task': 'det', 'score': '" + score + "'}, 'strategy': {'type': 'WEIGHTS'"
                + extra + "}}";
    }

    private static String threshold(String operation, double value) {
        return "{'input': {'type': 'METADATA', 'key': 'm'}, 'strategy': {'type': 'THRESHOLD', 'threshold': " + value
                + ", 'operation': '" + operation + "'}}";
    }

    @Test
    void threshold_filtersExactly_thenWeightsOrderTheRest() {
        FakeInputs inputs =
                FakeInputs.named(6).metadata("m", 5, 1, 7, 3, 7, 2).score("det", "s", 0.9, 0.8, 0.1, 0.5, 0.3, 1.0);
        SelectionResult result = select(
                "{'n_samples': 10, 'strategies': [" + threshold("BIGGER_EQUAL", 3) + ", " + weightsOn("s", "") + "]}",
                inputs,
                1);
        assertThat(result.picks()).containsExactly(0, 3, 4, 2);
        assertThat(result.candidates()).isEqualTo(4);
        assertThat(result.stopReason()).isEqualTo(StopReason.CANDIDATES_EXHAUSTED);
        assertThat(result.rawValue(0, 1)).isEqualTo(3.0);
        assertThat(result.objective(0, 1)).isNaN();
        assertThat(result.strategyLabels()).containsExactly("METADATA(m)->THRESHOLD", "SCORES(det/s)->WEIGHTS");
    }

    @Test
    void threshold_everyOperation() {
        FakeInputs inputs =
                FakeInputs.named(6).metadata("m", 5, 1, 7, 3, Double.NaN, 2).score("det", "s", 0, 0, 0, 0, 0, 0);
        assertThat(picked("SMALLER", inputs)).containsExactlyInAnyOrder(1, 5);
        assertThat(picked("SMALLER_EQUAL", inputs)).containsExactlyInAnyOrder(1, 3, 5);
        assertThat(picked("BIGGER", inputs)).containsExactlyInAnyOrder(0, 2);
        assertThat(picked("BIGGER_EQUAL", inputs)).containsExactlyInAnyOrder(0, 2, 3);
    }

    private static int[] picked(String operation, FakeInputs inputs) {
        return select(
                        "{'n_samples': 6, 'strategies': [" + threshold(operation, 3) + ", " + weightsOn("s", "") + "]}",
                        inputs,
                        1)
                .picks();
    }

    @Test
    void weights_preferHighScores_andLowOnesWithNegativeStrength() {
        FakeInputs inputs = FakeInputs.named(4).score("det", "s", 0.2, 0.9, 0.5, 0.1);
        SelectionResult high = select("{'n_samples': 4, 'strategies': [" + weightsOn("s", "") + "]}", inputs, 3);
        assertThat(high.picks()).containsExactly(1, 2, 0, 3);
        assertThat(high.value(0)).isEqualTo(1.0);
        assertThat(high.stopReason()).isEqualTo(StopReason.SAMPLE_COUNT_REACHED);
        SelectionResult low =
                select("{'n_samples': 4, 'strategies': [" + weightsOn("s", ", 'strength': -1") + "]}", inputs, 3);
        assertThat(low.picks()).containsExactly(3, 0, 2, 1);
        assertThat(low.objective(0, 0)).isEqualTo(1e-6);
        assertThat(low.value(0)).isCloseTo(1e6, within(1e-3));
        assertThat(low.rawValue(0, 0)).isEqualTo(0.1);
    }

    @Test
    void thresholdAlone_picksASeededRandomSampleOfThosePassing() {
        FakeInputs inputs = FakeInputs.named(8).metadata("m", 1, 5, 5, 1, 5, 5, 1, 5);
        String json = "{'n_samples': 3, 'strategies': [" + threshold("BIGGER", 2) + "]}";
        int[] picks = select(json, inputs, 5).picks();
        // Samples 1, 2, 4, 5 and 7 have the value 5 > 2; three distinct ones of them are drawn.
        assertThat(picks).hasSize(3).doesNotHaveDuplicates();
        assertThat(Arrays.stream(picks).boxed().toList()).isSubsetOf(1, 2, 4, 5, 7);
        assertThat(select(json, inputs, 5).picks()).containsExactly(picks);
    }

    @Test
    void weights_maxSum_stopsOnceReached() {
        FakeInputs inputs = FakeInputs.named(4).score("det", "s", 0.2, 0.9, 0.5, 0.1);
        SelectionResult result = select(
                "{'n_samples': 4, 'strategies': [" + weightsOn("s", ", 'stopping_condition_max_sum': 1.3") + "]}",
                inputs,
                3);
        assertThat(result.picks()).containsExactly(1, 2);
        assertThat(result.stopReason()).isEqualTo(StopReason.MAX_SUM_REACHED);
    }

    @Test
    void proportion_ofTheInputSamples() {
        FakeInputs inputs = FakeInputs.named(10).score("det", "s", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        SelectionResult result =
                select("{'proportion_samples': 0.3, 'strategies': [" + weightsOn("s", "") + "]}", inputs, 3);
        assertThat(result.picks()).containsExactly(9, 8, 7);
    }

    @Test
    void categoryCount_weightsCountOnlyTheChosenCategories() {
        FakeInputs inputs = FakeInputs.named(3);
        inputs.counts.put("det", new ClassTable(List.of("car", "person"), new double[] {1, 5, 3, 0, 2, 2}));
        String input = "{'type': 'PREDICTIONS', 'task': 'det', 'name': 'CATEGORY_COUNT'";
        assertThat(select(
                                "{'n_samples': 3, 'strategies': [{'input': " + input
                                        + ", 'categories': ['car']}, 'strategy': {'type': 'WEIGHTS'}}]}",
                                inputs,
                                1)
                        .picks())
                .containsExactly(1, 2, 0);
        assertThat(select(
                                "{'n_samples': 3, 'strategies': [{'input': " + input
                                        + "}, 'strategy': {'type': 'WEIGHTS'}}]}",
                                inputs,
                                1)
                        .picks())
                .containsExactly(0, 2, 1);
    }

    @Test
    void random_weightsFollowTheSeededUniformValues() {
        FakeInputs inputs = FakeInputs.named(8);
        SplittableRandom random = new SplittableRandom(7);
        double[] values =
                IntStream.range(0, 8).mapToDouble(i -> random.nextDouble()).toArray();
        Integer[] expected = IntStream.range(0, 8)
                .boxed()
                .sorted((a, b) -> Double.compare(values[b], values[a]))
                .toArray(Integer[]::new);
        SelectionResult result = select(
                "{'n_samples': 8, 'strategies': [{'input': {'type': 'RANDOM', 'random_seed': 7}, "
                        + "'strategy': {'type': 'WEIGHTS'}}]}",
                inputs,
                99);
        assertThat(Arrays.stream(result.picks()).boxed().toArray(Integer[]::new))
                .containsExactly(expected);
    }

    private static FakeInputs oneHot(int... classes) {
        FakeInputs inputs = FakeInputs.named(classes.length);
        int k = 3;
        double[] values = new double[classes.length * k];
        for (int i = 0; i < classes.length; i++) {
            values[i * k + classes[i]] = 1;
        }
        inputs.distributions.put("cls", new ClassTable(List.of("a", "b", "c"), values));
        return inputs;
    }

    private static int[] classCounts(SelectionResult result, FakeInputs inputs) {
        int[] counts = new int[3];
        ClassTable table = inputs.classDistribution("cls");
        for (int pick : result.picks()) {
            for (int c = 0; c < 3; c++) {
                counts[c] += (int) table.value(pick, c);
            }
        }
        return counts;
    }

    @Test
    void balance_hitsTheTargetWithinOneSample() {
        // 30 of class a, 10 of b, 10 of c.
        int[] classes =
                IntStream.range(0, 50).map(i -> i < 30 ? 0 : i < 40 ? 1 : 2).toArray();
        FakeInputs inputs = oneHot(classes);
        String input = "{'type': 'PREDICTIONS', 'task': 'cls', 'name': 'CLASS_DISTRIBUTION'}";
        SelectionResult target = select(
                "{'n_samples': 12, 'strategies': [{'input': " + input
                        + ", 'strategy': {'type': 'BALANCE', 'target': {'a': 0.25, 'b': 0.5, 'c': 0.25}}}]}",
                inputs,
                4);
        assertThat(classCounts(target, inputs)).containsExactly(3, 6, 3);
        SelectionResult uniform = select(
                "{'n_samples': 15, 'strategies': [{'input': " + input
                        + ", 'strategy': {'type': 'BALANCE', 'distribution': 'UNIFORM'}}]}",
                inputs,
                4);
        assertThat(classCounts(uniform, inputs)).containsExactly(5, 5, 5);
        SelectionResult rest = select(
                "{'n_samples': 8, 'strategies': [{'input': " + input
                        + ", 'strategy': {'type': 'BALANCE', 'target': {'a': 0.5}}}]}",
                inputs,
                4);
        assertThat(classCounts(rest, inputs)).containsExactly(4, 2, 2);
        SelectionResult input10 = select(
                "{'n_samples': 10, 'strategies': [{'input': " + input
                        + ", 'strategy': {'type': 'BALANCE', 'distribution': 'INPUT'}}]}",
                inputs,
                4);
        assertThat(classCounts(input10, inputs)).containsExactly(6, 2, 2);
    }

    @Test
    void balance_classesOutsideTheTargetDoNotCount() {
        int[] classes = IntStream.range(0, 30).map(i -> i % 3).toArray();
        FakeInputs inputs = oneHot(classes);
        SelectionResult result = select(
                "{'n_samples': 9, 'strategies': [{'input': {'type': 'PREDICTIONS', 'task': 'cls', "
                        + "'name': 'CLASS_DISTRIBUTION'}"
                        + ", 'strategy': {'type': 'BALANCE', 'target': {'a': 0.5, 'b': 0.5}}}]}",
                inputs,
                4);
        int[] counts = classCounts(result, inputs);
        // c cannot move the selection toward the target, so it comes last; a and b alternate.
        assertThat(counts[2]).isEqualTo(0);
        assertThat(Math.abs(counts[0] - counts[1])).isEqualTo(1);
    }

    private static final String DIVERSITY = "{'input': {'type': 'EMBEDDINGS'}, 'strategy': {'type': 'DIVERSITY'}}";

    @Test
    void diversity_alone_equalsKCenterGreedy_andTheCombinedLoop() {
        EmbeddingMatrix m = KCenterGreedyTest.randomUnit(500, 8, 11);
        FakeInputs inputs = FakeInputs.named(500);
        inputs.embeddings = m;
        inputs.score("det", "s", new double[500]);
        SelectionResult alone = select("{'n_samples': 25, 'strategies': [" + DIVERSITY + "]}", inputs, 8);
        int[] kcenter = new KCenterGreedy(m, KCenterGreedy.Storage.FLOAT32, 1)
                .select(25, EmbeddingMatrix.empty(8), 0, 8)
                .picks();
        assertThat(alone.picks()).containsExactly(kcenter);
        assertThat(alone.picks()).containsExactly(KCenterGreedyTest.reference(m, kcenter[0], 25));
        // A zero-strength second strategy forces the general product loop; it must agree.
        SelectionResult combined = select(
                "{'n_samples': 25, 'strategies': [" + DIVERSITY + ", " + weightsOn("s", ", 'strength': 0") + "]}",
                inputs,
                8);
        assertThat(combined.picks()).containsExactly(kcenter);
    }

    @Test
    void diversity_readsRowsHeldInAMappedFile_andPicksWhatTheHeapMatrixPicks(@TempDir Path dir) throws IOException {
        int n = 700;
        EmbeddingMatrix m = KCenterGreedyTest.randomUnit(n, 16, 12);
        double[] weights = new double[n];
        double[] meta = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = (i * 37 % 101) / 100.0;
            meta[i] = i % 5;
        }
        FakeInputs heap = FakeInputs.named(n).score("det", "w", weights).metadata("m", meta);
        heap.embeddings = m;
        Path file = dir.resolve("rows.f32");
        ByteBuffer bytes = ByteBuffer.allocate(12 + n * 16 * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.position(12);
        for (float v : m.rows()) {
            bytes.putFloat(v);
        }
        Files.write(file, bytes.array());
        MappedEmbeddingRows mapped = MappedEmbeddingRows.map(file, 12, n, 16);
        // Only the rows in the file: the heap matrix is not offered.
        SelectionInputs offHeap = new SelectionInputs() {
            @Override
            public List<String> sampleNames() {
                return heap.sampleNames();
            }

            @Override
            public Optional<EmbeddingMatrix> embeddings(Optional<String> task) {
                return Optional.empty();
            }

            @Override
            public Optional<EmbeddingRows> embeddingRows(Optional<String> task) {
                return Optional.of(mapped);
            }

            @Override
            public Set<String> tasks() {
                return heap.tasks();
            }

            @Override
            public Set<String> scoreNames(String task) {
                return heap.scoreNames(task);
            }

            @Override
            public double[] scores(String task, String score) {
                return heap.scores(task, score);
            }

            @Override
            public Set<String> metadataKeys() {
                return heap.metadataKeys();
            }

            @Override
            public double[] metadata(String key) {
                return heap.metadata(key);
            }
        };
        // The threshold leaves 560 of the 700 samples, so the candidates are a view of the file's rows.
        String config = "{'n_samples': 40, 'strategies': [" + threshold("SMALLER", 4) + ", " + DIVERSITY + ", "
                + weightsOn("w", "") + "]}";
        for (KCenterGreedy.Storage storage : KCenterGreedy.Storage.values()) {
            SelectionResult fromHeap = new Selector(2, storage).select(config(config), heap, 9);
            SelectionResult fromFile = new Selector(2, storage).select(config(config), offHeap, 9);
            assertThat(fromHeap.size()).isEqualTo(40);
            assertThat(fromFile.picks()).containsExactly(fromHeap.picks());
            for (int k = 0; k < 40; k++) {
                assertThat(meta[fromFile.pick(k)]).isLessThan(4);
                assertThat(fromFile.rawValue(1, k)).isEqualTo(fromHeap.rawValue(1, k));
            }
            SelectionResult alone = new Selector(2, storage)
                    .select(config("{'n_samples': 30, 'strategies': [" + DIVERSITY + "]}"), offHeap, 9);
            assertThat(alone.picks())
                    .containsExactly(new KCenterGreedy(m, storage, 1)
                            .select(30, EmbeddingMatrix.empty(16), 0, 9)
                            .picks());
        }
    }

    @Test
    void diversity_accountsForEarlierSelections() {
        FakeInputs inputs = FakeInputs.named(4).embeddings(2, 0.1f, 0, 0.5f, 0, 0.9f, 0, 0.3f, 0);
        inputs.earlier = new EmbeddingMatrix(new float[] {1, 0}, 2);
        SelectionResult result = select("{'n_samples': 2, 'strategies': [" + DIVERSITY + "]}", inputs, 5);
        // 0.1 is farthest from the earlier 1.0; then 0.5 is 0.4 from both.
        assertThat(result.picks()).containsExactly(0, 1);
        assertThat(result.rawValue(0, 0)).isCloseTo(0.9, within(1e-6));
        assertThat(result.rawValue(0, 1)).isCloseTo(0.4, within(1e-6));
    }

    @Test
    void diversity_minimumDistance_stops() {
        FakeInputs inputs = FakeInputs.named(4).embeddings(2, 0, 0, 1, 0, 0.95f, 0, 0.5f, 0);
        inputs.earlier = new EmbeddingMatrix(new float[] {0, 1}, 2);
        SelectionResult result = select(
                "{'n_samples': 4, 'strategies': [{'input': {'type': 'EMBEDDINGS'}, "
                        + "'strategy': {'type': 'DIVERSITY', 'stopping_condition_minimum_distance': 0.3}}]}",
                inputs,
                5);
        assertThat(result.picks()).containsExactly(1, 0, 3);
        assertThat(result.stopReason()).isEqualTo(StopReason.MINIMUM_DISTANCE_REACHED);
    }

    @Test
    void diversityAndWeights_handComputed() {
        // Points on a line at x = 0, 0.2, 1.0, 0.9 with weights 1.0, 0.0, 0.2, 0.6.
        // Pick 1: diversity is 1 for all, weights scaled [1, ε, 0.2, 0.6] -> sample 0.
        // Pick 2: distances to 0 are [0.2, 1.0, 0.9] / 1.0; weights over {0, 0.2, 0.6} -> [ε, 1/3, 1];
        //         products [0.2ε, 1/3, 0.9] -> sample 3.
        // Pick 3: distances [0.2, 0.1] / 0.2 = [1, 0.5]; weights [ε, 1] -> products [ε, 0.5] -> sample 2.
        FakeInputs inputs = FakeInputs.named(4)
                .embeddings(2, 0, 0, 0.2f, 0, 1.0f, 0, 0.9f, 0)
                .score("det", "w", 1.0, 0.0, 0.2, 0.6);
        SelectionResult result =
                select("{'n_samples': 4, 'strategies': [" + DIVERSITY + ", " + weightsOn("w", "") + "]}", inputs, 2);
        assertThat(result.picks()).containsExactly(0, 3, 2, 1);
        assertThat(result.value(0)).isCloseTo(1.0, within(1e-9));
        assertThat(result.value(1)).isCloseTo(0.9, within(1e-6));
        assertThat(result.value(2)).isCloseTo(0.5, within(1e-6));
        assertThat(result.objective(0, 2)).isCloseTo(0.5, within(1e-6));
        assertThat(result.objective(1, 1)).isCloseTo(1.0, within(1e-12));
        assertThat(result.rawValue(0, 1)).isCloseTo(0.9, within(1e-6));
    }

    @Test
    void similarity_prefersSamplesCloseToTheQueries() {
        FakeInputs inputs = FakeInputs.named(4).embeddings(2, 1, 0, 0, 1, -1, 0, 0.6f, 0.8f);
        SelectionResult result = select(
                "{'n_samples': 2, 'strategies': [{'input': {'type': 'EMBEDDINGS'}, "
                        + "'strategy': {'type': 'SIMILARITY', 'query_filenames': ['s1.png']}}]}",
                inputs,
                1);
        assertThat(result.picks()).containsExactly(1, 3);
        assertThat(result.rawValue(0, 1)).isCloseTo(0.8, within(1e-6));
        assertThat(result.objective(0, 1)).isCloseTo(0.9, within(1e-6));
        inputs.queryFiles.put("q.txt", List.of("s2.png"));
        SelectionResult fromFile = select(
                "{'n_samples': 1, 'strategies': [{'input': {'type': 'EMBEDDINGS'}, "
                        + "'strategy': {'type': 'SIMILARITY', 'query_file': 'q.txt'}}]}",
                inputs,
                1);
        assertThat(fromFile.picks()).containsExactly(2);
    }

    @Test
    void typicality_prefersDenseRegions() {
        FakeInputs inputs = FakeInputs.named(5).embeddings(2, 0, 0, 0.1f, 0, 0.2f, 0, 0.3f, 0, 5, 0);
        SelectionResult result = select(
                "{'n_samples': 5, 'strategies': [{'input': {'type': 'EMBEDDINGS'}, "
                        + "'strategy': {'type': 'TYPICALITY', 'num_nearest_neighbors': 2}}]}",
                inputs,
                1);
        int[] picks = result.picks();
        assertThat(Set.of(picks[0], picks[1])).containsExactlyInAnyOrder(1, 2);
        assertThat(Set.of(picks[2], picks[3])).containsExactlyInAnyOrder(0, 3);
        assertThat(picks[4]).isEqualTo(4);
        assertThat(result.rawValue(0, 0)).isCloseTo(10.0, within(1e-4));
        assertThat(result.rawValue(0, 4)).isCloseTo(1 / 4.75, within(1e-6));
    }

    @Test
    void sameSeed_samePicks_differentSeeds_differentFirstPicks() {
        FakeInputs inputs = FakeInputs.named(4).embeddings(2, 1, 0, 0, 1, -1, 0, 0, -1);
        String json = "{'n_samples': 4, 'strategies': [" + DIVERSITY + "]}";
        Set<Integer> firsts = new HashSet<>();
        for (long seed = 0; seed < 12; seed++) {
            int[] picks = select(json, inputs, seed).picks();
            assertThat(select(json, inputs, seed).picks()).containsExactly(picks);
            firsts.add(picks[0]);
            // The second pick is always the opposite point of the square.
            int opposite = (picks[0] + 2) % 4;
            assertThat(picks[1]).isEqualTo(opposite);
        }
        // Every corner of the square comes first for some seed.
        assertThat(firsts).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void missingInputs_areExplained() {
        FakeInputs inputs = FakeInputs.named(2)
                .score("detection", "uncertainty_entropy", 0, 1)
                .metadata("lightly.sharpness", 1, 2);
        assertThatThrownBy(() -> select(
                        "{'n_samples': 1, 'strategies': [{'input': {'type': 'SCORES', 'task': "
                                + "'detections', 'score': 'x'}, 'strategy': {'type': 'WEIGHTS'}}]}",
                        inputs,
                        1))
                .isInstanceOf(SelectionException.class)
                .hasMessage("strategies[0] names task 'detections', but there is no such task; known "
                        + "tasks: detection. Did you mean 'detection'?");
        assertThatThrownBy(() -> select(
                        "{'n_samples': 1, 'strategies': [{'input': {'type': 'SCORES', 'task': "
                                + "'detection', 'score': 'uncertainty_entropi'}, 'strategy': {'type': "
                                + "'WEIGHTS'}}]}",
                        inputs,
                        1))
                .hasMessage("strategies[0] names score 'uncertainty_entropi' of task 'detection', but "
                        + "there is no such score; known scores: uncertainty_entropy. Did you mean "
                        + "'uncertainty_entropy'?");
        assertThatThrownBy(() -> select(
                        "{'n_samples': 1, 'strategies': [{'input': {'type': 'METADATA', 'key': "
                                + "'width'}, 'strategy': {'type': 'WEIGHTS'}}]}",
                        inputs,
                        1))
                .hasMessage("strategies[0] names metadata key 'width', but there is no such key; known "
                        + "keys: lightly.sharpness.");
        assertThatThrownBy(() -> select("{'n_samples': 1, 'strategies': [" + DIVERSITY + "]}", inputs, 1))
                .hasMessage("strategies[0] needs embeddings, but there are none.");
        inputs.embeddings(2, 1, 0, 0, 1);
        assertThatThrownBy(() -> select(
                        "{'n_samples': 1, 'strategies': [{'input': {'type': 'EMBEDDINGS'}, 'strategy': "
                                + "{'type': 'SIMILARITY', 'query_filenames': ['s3.png']}}]}",
                        inputs,
                        1))
                .hasMessage("strategies[0] names query sample 's3.png', which is not among the samples. "
                        + "Did you mean 's0.png'?");
        FakeInputs classes = oneHot(0, 1);
        assertThatThrownBy(() -> select(
                        "{'n_samples': 1, 'strategies': [{'input': {'type': 'PREDICTIONS', 'task': "
                                + "'cls', 'name': 'CLASS_DISTRIBUTION'}, 'strategy': {'type': 'BALANCE', "
                                + "'target': {'dog': 1}}}]}",
                        classes,
                        1))
                .hasMessage("strategies[0] names class 'dog' in its target, but task 'cls' has no such "
                        + "category; known categories: a, b, c.");
    }
}
