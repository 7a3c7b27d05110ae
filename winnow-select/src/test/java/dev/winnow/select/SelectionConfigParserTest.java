package dev.winnow.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.config.ConfigException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SelectionConfigParserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static SelectionConfig parse(String json) {
        JsonNode node = JSON.readTree(json.replace('\'', '"'));
        return SelectionConfigParser.parse(node, "/selection");
    }

    private static void assertError(String json, String pointer, String message) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((ConfigException) e).pointer()).isEqualTo(pointer));
    }

    @Test
    void parse_everyInputAndStrategy() {
        SelectionConfig config = parse("{'n_samples': 50, 'strategies': ["
                + "{'input': {'type': 'EMBEDDINGS'}, 'strategy': {'type': 'DIVERSITY', "
                + "'stopping_condition_minimum_distance': 0.2}},"
                + "{'input': {'type': 'SCORES', 'task': 'det', 'score': 'uncertainty_entropy'}, "
                + "'strategy': {'type': 'WEIGHTS', 'strength': -2}},"
                + "{'input': {'type': 'METADATA', 'key': 'lightly.sharpness'}, 'strategy': {'type': "
                + "'THRESHOLD', 'threshold': 20, 'operation': 'BIGGER_EQUAL'}},"
                + "{'input': {'type': 'PREDICTIONS', 'task': 'cls', 'name': 'CLASS_DISTRIBUTION'}, "
                + "'strategy': {'type': 'BALANCE', 'target': {'cat': 0.25, 'dog': 0.75}}},"
                + "{'input': {'type': 'PREDICTIONS', 'task': 'det', 'name': 'CATEGORY_COUNT', "
                + "'categories': ['car']}, 'strategy': {'type': 'WEIGHTS', 'stopping_condition_max_sum': 10}},"
                + "{'input': {'type': 'EMBEDDINGS', 'task': 'det'}, 'strategy': {'type': 'SIMILARITY', "
                + "'query_filenames': ['a.png']}},"
                + "{'input': {'type': 'EMBEDDINGS'}, 'strategy': {'type': 'TYPICALITY', "
                + "'num_nearest_neighbors': 5, 'strength': 0.5}},"
                + "{'input': {'type': 'RANDOM', 'random_seed': 7}, 'strategy': {'type': 'WEIGHTS'}},"
                + "{'input': {'type': 'PREDICTIONS', 'task': 'det', 'name': 'CATEGORY_COUNT'}, "
                + "'strategy': {'type': 'BALANCE', 'distribution': 'UNIFORM'}}"
                + "]}");
        assertThat(config.budget()).isEqualTo(new SampleBudget.Count(50));
        assertThat(config.strategies())
                .containsExactly(
                        new StrategyConfig(
                                new SelectionInput.Embeddings(Optional.empty()),
                                new SelectionStrategy.Diversity(OptionalDouble.of(0.2), 1)),
                        new StrategyConfig(
                                new SelectionInput.Scores("det", "uncertainty_entropy"),
                                new SelectionStrategy.Weights(OptionalDouble.empty(), -2)),
                        new StrategyConfig(
                                new SelectionInput.Metadata("lightly.sharpness"),
                                new SelectionStrategy.Threshold(20, SelectionStrategy.Operation.BIGGER_EQUAL)),
                        new StrategyConfig(
                                new SelectionInput.Predictions(
                                        "cls", SelectionInput.PredictionsName.CLASS_DISTRIBUTION, Optional.empty()),
                                new SelectionStrategy.Balance(
                                        Map.of("cat", 0.25, "dog", 0.75), SelectionStrategy.Distribution.TARGET, 1)),
                        new StrategyConfig(
                                new SelectionInput.Predictions(
                                        "det",
                                        SelectionInput.PredictionsName.CATEGORY_COUNT,
                                        Optional.of(List.of("car"))),
                                new SelectionStrategy.Weights(OptionalDouble.of(10), 1)),
                        new StrategyConfig(
                                new SelectionInput.Embeddings(Optional.of("det")),
                                new SelectionStrategy.Similarity(List.of("a.png"), Optional.empty(), 1)),
                        new StrategyConfig(
                                new SelectionInput.Embeddings(Optional.empty()),
                                new SelectionStrategy.Typicality(5, 0.5)),
                        new StrategyConfig(
                                new SelectionInput.Random(OptionalLong.of(7)),
                                new SelectionStrategy.Weights(OptionalDouble.empty(), 1)),
                        new StrategyConfig(
                                new SelectionInput.Predictions(
                                        "det", SelectionInput.PredictionsName.CATEGORY_COUNT, Optional.empty()),
                                new SelectionStrategy.Balance(Map.of(), SelectionStrategy.Distribution.UNIFORM, 1)));
        assertThat(config.strategies().get(1).label()).isEqualTo("SCORES(det/uncertainty_entropy)->WEIGHTS");
    }

    @Test
    void parse_proportion() {
        SelectionConfig config = parse("{'proportion_samples': 0.25, 'strategies': [{'input': {'type': 'EMBEDDINGS'}, "
                + "'strategy': {'type': 'DIVERSITY'}}]}");
        assertThat(config.budget()).isEqualTo(new SampleBudget.Proportion(0.25));
        assertThat(config.budget().resolve(10)).isEqualTo(3);
        assertThat(config.budget().resolve(2)).isEqualTo(1);
    }

    @Test
    void unknownKey_suggestsTheClosest() {
        assertError(
                "{'n_samples': 5, 'strategies': [{'input': {'type': 'EMBEDDINGS'}, 'stratgy': {'type': 'DIVERSITY'}}]}",
                "/selection/strategies/0/stratgy",
                "Unknown key 'stratgy' at /selection/strategies/0/stratgy. Did you mean 'strategy'?");
        assertError(
                "{'n_sample': 5, 'strategies': [{'input': {'type': 'EMBEDDINGS'}, 'strategy': {'type': 'DIVERSITY'}}]}",
                "/selection/n_sample",
                "Unknown key 'n_sample' at /selection/n_sample. Did you mean 'n_samples'?");
        assertError(
                "{'n_samples': 5, 'strategies': [{'input': {'type': 'SCORES', 'task': 't', 'scor': "
                        + "'s'}, 'strategy': {'type': 'WEIGHTS'}}]}",
                "/selection/strategies/0/input/scor",
                "Unknown key 'scor' at /selection/strategies/0/input/scor. Did you mean 'score'?");
    }

    @Test
    void unknownKey_farFromAll_listsTheAllowedKeys() {
        assertError(
                "{'n_samples': 5, 'strategies': [{'input': {'type': 'EMBEDDINGS'}, 'strategy': "
                        + "{'type': 'DIVERSITY'}}], 'budget': 3}",
                "/selection/budget",
                "Unknown key 'budget' at /selection/budget. Allowed keys there: n_samples, "
                        + "proportion_samples, strategies, engine, partitions.");
    }

    @Test
    void severalMistakes_areReportedTogether_inTheOrderOfTheConfiguration() {
        Throwable thrown = Assertions.catchThrowable(() -> parse("{'n_samples': 5, 'proportion_samples': 0.5,"
                + " 'strategies': [{'input': {'type': 'EMBEDDINGS'}, 'strategy': {'type': 'DIVERSTY'}},"
                + " {'inptu': {'type': 'EMBEDDINGS'}, 'strategy': {'type': 'DIVERSITY'}}], 'n_sample': 3}"));
        assertThat(thrown).isInstanceOf(ConfigException.class);
        ConfigException e = (ConfigException) thrown;
        assertThat(e.problems())
                .extracting(ConfigException::pointer)
                .containsExactly(
                        "/selection/n_sample",
                        "/selection",
                        "/selection/strategies/0/strategy/type",
                        "/selection/strategies/1/inptu");
        assertThat(e.getMessage()).isEqualTo("""
                Unknown key 'n_sample' at /selection/n_sample. Did you mean 'n_samples'?
                Set exactly one of 'n_samples' and 'proportion_samples' at /selection, not both.
                Unknown value 'DIVERSTY' at /selection/strategies/0/strategy/type; expected one of DIVERSITY, WEIGHTS, \
                THRESHOLD, \
                BALANCE, SIMILARITY, TYPICALITY. Did you mean 'DIVERSITY'?
                Unknown key 'inptu' at /selection/strategies/1/inptu. Did you mean 'input'?""");
        assertThat(e.pointer()).isEqualTo("/selection/n_sample");
    }

    @Test
    void sampleCount_exactlyOne() {
        assertError(
                "{'n_samples': 5, 'proportion_samples': 0.5, 'strategies': [{'input': {'type': "
                        + "'EMBEDDINGS'}, 'strategy': {'type': 'DIVERSITY'}}]}",
                "/selection",
                "Set exactly one of 'n_samples' and 'proportion_samples' at /selection, not both.");
        assertError(
                "{'strategies': [{'input': {'type': 'EMBEDDINGS'}, 'strategy': {'type': 'DIVERSITY'}}]}",
                "/selection",
                "Set exactly one of 'n_samples' and 'proportion_samples' at /selection; neither is set.");
    }

    @Test
    void sampleCount_valuesAndTypes() {
        assertError(
                "{'n_samples': '10', 'strategies': [{'input': {'type': 'EMBEDDINGS'}, 'strategy': "
                        + "{'type': 'DIVERSITY'}}]}",
                "/selection/n_samples",
                "Expected an integer at /selection/n_samples, but found the string \"10\".");
        assertError(
                "{'n_samples': 0, 'strategies': [{'input': {'type': 'EMBEDDINGS'}, 'strategy': "
                        + "{'type': 'DIVERSITY'}}]}",
                "/selection/n_samples",
                "Expected a positive integer at /selection/n_samples, but found 0.");
        assertError(
                "{'proportion_samples': 1.5, 'strategies': [{'input': {'type': 'EMBEDDINGS'}, "
                        + "'strategy': {'type': 'DIVERSITY'}}]}",
                "/selection/proportion_samples",
                "Expected a number in (0, 1] at /selection/proportion_samples, but found the number 1.5.");
        assertError(
                "{'n_samples': 3, 'strategies': []}",
                "/selection/strategies",
                "Expected at least one strategy at /selection/strategies, but the array is empty.");
        assertError("{'n_samples': 3}", "/selection/strategies", "Missing required key 'strategies' at /selection.");
    }

    @Test
    void wrongPair_namesTheAllowedPairs() {
        assertError(
                "{'n_samples': 3, 'strategies': [{'input': {'type': 'SCORES', 'task': 't', 'score': "
                        + "'s'}, 'strategy': {'type': 'DIVERSITY'}}]}",
                "/selection/strategies/0",
                "Strategy DIVERSITY cannot use input SCORES at /selection/strategies/0. Allowed pairs: "
                        + "EMBEDDINGS with DIVERSITY, SIMILARITY or TYPICALITY; SCORES, METADATA or "
                        + "RANDOM with WEIGHTS or THRESHOLD; "
                        + "PREDICTIONS CLASS_DISTRIBUTION with BALANCE; PREDICTIONS CATEGORY_COUNT with "
                        + "WEIGHTS, THRESHOLD or BALANCE.");
        assertError(
                "{'n_samples': 3, 'strategies': [{'input': {'type': 'PREDICTIONS', 'task': 't', "
                        + "'name': 'CLASS_DISTRIBUTION'}, 'strategy': {'type': 'WEIGHTS'}}]}",
                "/selection/strategies/0",
                "Strategy WEIGHTS cannot use input PREDICTIONS CLASS_DISTRIBUTION at "
                        + "/selection/strategies/0. Allowed pairs: "
                        + "EMBEDDINGS with DIVERSITY, SIMILARITY or TYPICALITY; SCORES, METADATA or "
                        + "RANDOM with WEIGHTS or THRESHOLD; "
                        + "PREDICTIONS CLASS_DISTRIBUTION with BALANCE; PREDICTIONS CATEGORY_COUNT with "
                        + "WEIGHTS, THRESHOLD or BALANCE.");
    }

    @Test
    void enumValues_suggestTheClosest() {
        assertError(
                "{'n_samples': 3, 'strategies': [{'input': {'type': 'EMBEDING'}, 'strategy': {'type': 'DIVERSITY'}}]}",
                "/selection/strategies/0/input/type",
                "Unknown value 'EMBEDING' at /selection/strategies/0/input/type; expected one of "
                        + "EMBEDDINGS, SCORES, PREDICTIONS, METADATA, RANDOM. Did you mean 'EMBEDDINGS'?");
        assertError(
                "{'n_samples': 3, 'strategies': [{'input': {'type': 'METADATA', 'key': 'k'}, "
                        + "'strategy': {'type': 'THRESHOLD', 'threshold': 1, 'operation': 'GREATER'}}]}",
                "/selection/strategies/0/strategy/operation",
                "Unknown value 'GREATER' at /selection/strategies/0/strategy/operation; expected one "
                        + "of SMALLER, SMALLER_EQUAL, BIGGER, BIGGER_EQUAL.");
        assertError(
                "{'n_samples': 3, 'strategies': [{'input': {'type': 7}, 'strategy': {'type': 'DIVERSITY'}}]}",
                "/selection/strategies/0/input/type",
                "Expected one of EMBEDDINGS, SCORES, PREDICTIONS, METADATA, RANDOM at "
                        + "/selection/strategies/0/input/type, but found the number 7.");
    }

    @Test
    void strategyValues() {
        assertError(
                "{'n_samples': 3, 'strategies': [{'input': {'type': 'METADATA', 'key': 'k'}, "
                        + "'strategy': {'type': 'THRESHOLD', 'operation': 'BIGGER'}}]}",
                "/selection/strategies/0/strategy/threshold",
                "Missing required key 'threshold' at /selection/strategies/0/strategy.");
        assertError(
                "{'n_samples': 3, 'strategies': [{'input': {'type': 'EMBEDDINGS'}, 'strategy': "
                        + "{'type': 'DIVERSITY', 'strength': 'high'}}]}",
                "/selection/strategies/0/strategy/strength",
                "Expected a number at /selection/strategies/0/strategy/strength, but found the string \"high\".");
        assertError(
                "{'n_samples': 3, 'strategies': [{'input': {'type': 'EMBEDDINGS'}, 'strategy': "
                        + "{'type': 'TYPICALITY', 'num_nearest_neighbors': 0}}]}",
                "/selection/strategies/0/strategy/num_nearest_neighbors",
                "Expected a positive integer at /selection/strategies/0/strategy/num_nearest_neighbors, but found 0.");
        assertError(
                "{'n_samples': 3, 'strategies': [{'input': {'type': 'EMBEDDINGS'}, 'strategy': "
                        + "{'type': 'SIMILARITY'}}]}",
                "/selection/strategies/0/strategy",
                "Set exactly one of 'query_filenames' and 'query_file' at "
                        + "/selection/strategies/0/strategy; neither is set.");
        assertError(
                "{'n_samples': 3, 'strategies': [{'input': {'type': 'EMBEDDINGS'}, 'strategy': "
                        + "{'type': 'DIVERSITY', 'stopping_condition_minimum_distance': -1}}]}",
                "/selection/strategies/0/strategy/stopping_condition_minimum_distance",
                "Expected a distance of at least 0 at "
                        + "/selection/strategies/0/strategy/stopping_condition_minimum_distance, but found -1.0.");
    }

    @Test
    void balanceTarget() {
        String prefix = "{'n_samples': 3, 'strategies': [{'input': {'type': 'PREDICTIONS', 'task': 't', "
                + "'name': 'CLASS_DISTRIBUTION'}, 'strategy': ";
        assertError(
                prefix + "{'type': 'BALANCE', 'target': {'a': 0.7, 'b': 0.5}}}]}",
                "/selection/strategies/0/strategy/target",
                "The target fractions at /selection/strategies/0/strategy/target sum to 1.2; they must "
                        + "sum to at most 1.");
        assertError(
                prefix + "{'type': 'BALANCE'}}]}",
                "/selection/strategies/0/strategy/target",
                "Missing required key 'target' at /selection/strategies/0/strategy; distribution "
                        + "TARGET needs fractions by class name, for example {\"cat\": 0.5}.");
        assertError(
                prefix + "{'type': 'BALANCE', 'distribution': 'UNIFORM', 'target': {'a': 1}}}]}",
                "/selection/strategies/0/strategy/target",
                "The key 'target' at /selection/strategies/0/strategy/target is only used with "
                        + "distribution TARGET, but the distribution is UNIFORM.");
        assertError(
                prefix + "{'type': 'BALANCE', 'target': {'a': -0.1}}}]}",
                "/selection/strategies/0/strategy/target/a",
                "Expected a fraction in [0, 1] at /selection/strategies/0/strategy/target/a, but found -0.1.");
    }

    @Test
    void categoriesOnlyForCategoryCount() {
        assertError(
                "{'n_samples': 3, 'strategies': [{'input': {'type': 'PREDICTIONS', 'task': 't', "
                        + "'name': 'CLASS_DISTRIBUTION', 'categories': ['a']}, 'strategy': {'type': 'BALANCE', "
                        + "'distribution': 'UNIFORM'}}]}",
                "/selection/strategies/0/input/categories",
                "The key 'categories' at /selection/strategies/0/input/categories applies only to name "
                        + "CATEGORY_COUNT.");
    }

    @Test
    void notAnObject() {
        assertError("[1]", "/selection", "Expected an object at /selection, but found an array.");
    }
}
