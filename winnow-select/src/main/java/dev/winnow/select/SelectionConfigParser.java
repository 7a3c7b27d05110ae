package dev.winnow.select;

import static dev.winnow.config.ConfigReader.checkKeys;
import static dev.winnow.config.ConfigReader.child;
import static dev.winnow.config.ConfigReader.describe;

import dev.winnow.config.ConfigException;
import dev.winnow.config.ConfigProblems;
import dev.winnow.config.ConfigReader;
import dev.winnow.config.DidYouMean;
import dev.winnow.select.SelectionInput.PredictionsName;
import dev.winnow.select.SelectionStrategy.Distribution;
import dev.winnow.select.SelectionStrategy.Operation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code selection} object of {@code run.json} (the shape of the reference Worker's
 * selection config) into a {@link SelectionConfig}. Every problem is a {@link ConfigException}
 * whose message names the JSON pointer, says what was expected and, for unknown keys and values,
 * suggests the closest allowed spelling.
 *
 * <pre>{@code
 * JsonNode run = JsonMapper.builder().build().readTree(text);
 * SelectionConfig config = SelectionConfigParser.parse(run.get("selection"), "/selection");
 * }</pre>
 */
public final class SelectionConfigParser {

    /** The default number of neighbours TYPICALITY averages over. */
    public static final int DEFAULT_NEAREST_NEIGHBORS = 20;

    private static final List<String> TOP_KEYS = List.of("n_samples", "proportion_samples", "strategies");
    private static final List<String> STRATEGY_KEYS = List.of("input", "strategy");

    private SelectionConfigParser() {}

    /** Parses the selection object found at {@code pointer} (for example {@code /selection}). */
    public static SelectionConfig parse(JsonNode selection, String pointer) {
        ConfigReader.requireObject(selection, pointer);
        ConfigProblems problems = new ConfigProblems();
        problems.check(() -> checkKeys(selection, pointer, TOP_KEYS));
        ConfigProblems.Part<SampleBudget> budget = problems.attempt(() -> budget(selection, pointer));
        ConfigProblems.Part<List<StrategyConfig>> strategies = problems.attempt(() -> strategies(selection, pointer));
        problems.throwIfAny();
        return new SelectionConfig(budget.value(), strategies.value());
    }

    private static SampleBudget budget(JsonNode selection, String pointer) {
        boolean hasCount = present(selection, "n_samples");
        boolean hasProportion = present(selection, "proportion_samples");
        if (!hasCount && !hasProportion) {
            // A misspelt n_samples is the reason neither is set; report it as the unknown key it is (once, with
            // checkKeys').
            for (String key : selection.propertyNames()) {
                Optional<String> meant = DidYouMean.suggest(key, TOP_KEYS).filter(k -> !k.equals("strategies"));
                if (!TOP_KEYS.contains(key) && meant.isPresent()) {
                    String at = child(pointer, key);
                    throw new ConfigException(
                            at, "Unknown key '" + key + "' at " + at + "." + DidYouMean.hint(key, TOP_KEYS));
                }
            }
        }
        if (hasCount == hasProportion) {
            throw new ConfigException(
                    pointer,
                    "Set exactly one of 'n_samples' and 'proportion_samples' at " + where(pointer)
                            + (hasCount ? ", not both." : "; neither is set."));
        }
        SampleBudget budget;
        if (hasCount) {
            int n = ConfigReader.optionalInt(selection, pointer, "n_samples").getAsInt();
            if (n < 1) {
                throw new ConfigException(
                        child(pointer, "n_samples"),
                        "Expected a positive integer at " + child(pointer, "n_samples") + ", but found " + n + ".");
            }
            budget = new SampleBudget.Count(n);
        } else {
            double p = ConfigReader.optionalNumber(selection, pointer, "proportion_samples")
                    .getAsDouble();
            if (!(p > 0 && p <= 1)) {
                throw new ConfigException(
                        child(pointer, "proportion_samples"),
                        "Expected a number in (0, 1] at " + child(pointer, "proportion_samples") + ", but found "
                                + describe(selection.get("proportion_samples")) + ".");
            }
            budget = new SampleBudget.Proportion(p);
        }
        return budget;
    }

    /** Every strategy is read, so that the mistakes of all of them are reported together. */
    private static List<StrategyConfig> strategies(JsonNode selection, String pointer) {
        String strategiesAt = child(pointer, "strategies");
        JsonNode strategies = ConfigReader.require(selection, pointer, "strategies");
        if (!strategies.isArray()) {
            throw new ConfigException(
                    strategiesAt,
                    "Expected an array of strategies at " + strategiesAt + ", but found " + describe(strategies) + ".");
        }
        if (strategies.isEmpty()) {
            throw new ConfigException(
                    strategiesAt, "Expected at least one strategy at " + strategiesAt + ", but the array is empty.");
        }
        List<ConfigProblems.Part<StrategyConfig>> parsed = new ArrayList<>();
        ConfigProblems problems = new ConfigProblems();
        for (int i = 0; i < strategies.size(); i++) {
            String at = child(strategiesAt, i);
            JsonNode entry = strategies.get(i);
            parsed.add(problems.attempt(() -> entry(entry, at)));
        }
        problems.throwIfAny();
        return parsed.stream().map(ConfigProblems.Part::value).toList();
    }

    private static StrategyConfig entry(JsonNode node, String at) {
        ConfigReader.requireObject(node, at);
        ConfigProblems problems = new ConfigProblems();
        problems.check(() -> checkKeys(node, at, STRATEGY_KEYS));
        ConfigProblems.Part<SelectionInput> inputPart =
                problems.attempt(() -> input(ConfigReader.require(node, at, "input"), child(at, "input")));
        ConfigProblems.Part<SelectionStrategy> strategyPart =
                problems.attempt(() -> strategy(ConfigReader.require(node, at, "strategy"), child(at, "strategy")));
        problems.throwIfAny();
        SelectionInput input = inputPart.value();
        SelectionStrategy strategy = strategyPart.value();
        if (!StrategyConfig.isAllowed(input, strategy)) {
            throw new ConfigException(
                    at,
                    "Strategy " + strategy.typeName() + " cannot use input " + StrategyConfig.describe(input) + " at "
                            + at + ". Allowed pairs: " + StrategyConfig.ALLOWED_PAIRS + ".");
        }
        return new StrategyConfig(input, strategy);
    }

    private enum InputType {
        EMBEDDINGS,
        SCORES,
        PREDICTIONS,
        METADATA,
        RANDOM
    }

    private enum StrategyType {
        DIVERSITY,
        WEIGHTS,
        THRESHOLD,
        BALANCE,
        SIMILARITY,
        TYPICALITY
    }

    private static SelectionInput input(JsonNode node, String at) {
        ConfigReader.requireObject(node, at);
        InputType type = ConfigReader.requireEnum(node, at, "type", InputType.class);
        switch (type) {
            case EMBEDDINGS:
                checkKeys(node, at, List.of("type", "task"));
                return new SelectionInput.Embeddings(ConfigReader.optionalString(node, at, "task"));
            case SCORES:
                checkKeys(node, at, List.of("type", "task", "score"));
                return new SelectionInput.Scores(
                        ConfigReader.requireString(node, at, "task"), ConfigReader.requireString(node, at, "score"));
            case PREDICTIONS: {
                checkKeys(node, at, List.of("type", "task", "name", "categories"));
                String task = ConfigReader.requireString(node, at, "task");
                PredictionsName name = ConfigReader.requireEnum(node, at, "name", PredictionsName.class);
                Optional<List<String>> categories = Optional.empty();
                if (present(node, "categories")) {
                    String categoriesAt = child(at, "categories");
                    if (name != PredictionsName.CATEGORY_COUNT) {
                        throw new ConfigException(
                                categoriesAt,
                                "The key 'categories' at " + categoriesAt + " applies only to name CATEGORY_COUNT.");
                    }
                    List<String> list = ConfigReader.stringList(node.get("categories"), categoriesAt);
                    if (list.isEmpty()) {
                        throw new ConfigException(
                                categoriesAt,
                                "Expected at least one category name at " + categoriesAt
                                        + "; leave the key out to count all categories.");
                    }
                    categories = Optional.of(list);
                }
                return new SelectionInput.Predictions(task, name, categories);
            }
            case METADATA:
                checkKeys(node, at, List.of("type", "key"));
                return new SelectionInput.Metadata(ConfigReader.requireString(node, at, "key"));
            case RANDOM:
            default:
                checkKeys(node, at, List.of("type", "random_seed"));
                return new SelectionInput.Random(ConfigReader.optionalLong(node, at, "random_seed"));
        }
    }

    private static SelectionStrategy strategy(JsonNode node, String at) {
        ConfigReader.requireObject(node, at);
        StrategyType type = ConfigReader.requireEnum(node, at, "type", StrategyType.class);
        switch (type) {
            case DIVERSITY: {
                checkKeys(node, at, List.of("type", "stopping_condition_minimum_distance", "strength"));
                OptionalDouble minimum = ConfigReader.optionalNumber(node, at, "stopping_condition_minimum_distance");
                if (minimum.isPresent() && minimum.getAsDouble() < 0) {
                    String where = child(at, "stopping_condition_minimum_distance");
                    throw new ConfigException(
                            where,
                            "Expected a distance of at least 0 at " + where + ", but found " + minimum.getAsDouble()
                                    + ".");
                }
                return new SelectionStrategy.Diversity(minimum, strength(node, at));
            }
            case WEIGHTS:
                checkKeys(node, at, List.of("type", "stopping_condition_max_sum", "strength"));
                return new SelectionStrategy.Weights(
                        ConfigReader.optionalNumber(node, at, "stopping_condition_max_sum"), strength(node, at));
            case THRESHOLD:
                checkKeys(node, at, List.of("type", "threshold", "operation"));
                return new SelectionStrategy.Threshold(
                        ConfigReader.requireNumber(node, at, "threshold"),
                        ConfigReader.requireEnum(node, at, "operation", Operation.class));
            case BALANCE:
                checkKeys(node, at, List.of("type", "target", "distribution", "strength"));
                return balance(node, at);
            case SIMILARITY: {
                checkKeys(node, at, List.of("type", "query_filenames", "query_file", "strength"));
                boolean names = present(node, "query_filenames");
                boolean file = present(node, "query_file");
                if (names == file) {
                    throw new ConfigException(
                            at,
                            "Set exactly one of 'query_filenames' and 'query_file' at " + at
                                    + (names ? ", not both." : "; neither is set."));
                }
                List<String> queries = names
                        ? ConfigReader.stringList(node.get("query_filenames"), child(at, "query_filenames"))
                        : List.of();
                if (names && queries.isEmpty()) {
                    throw new ConfigException(
                            child(at, "query_filenames"),
                            "Expected at least one sample name at " + child(at, "query_filenames") + ".");
                }
                return new SelectionStrategy.Similarity(
                        queries, ConfigReader.optionalString(node, at, "query_file"), strength(node, at));
            }
            case TYPICALITY:
            default: {
                checkKeys(node, at, List.of("type", "num_nearest_neighbors", "strength"));
                OptionalInt k = ConfigReader.optionalInt(node, at, "num_nearest_neighbors");
                if (k.isPresent() && k.getAsInt() < 1) {
                    String where = child(at, "num_nearest_neighbors");
                    throw new ConfigException(
                            where, "Expected a positive integer at " + where + ", but found " + k.getAsInt() + ".");
                }
                return new SelectionStrategy.Typicality(k.orElse(DEFAULT_NEAREST_NEIGHBORS), strength(node, at));
            }
        }
    }

    private static SelectionStrategy.Balance balance(JsonNode node, String at) {
        Distribution distribution = present(node, "distribution")
                ? ConfigReader.requireEnum(node, at, "distribution", Distribution.class)
                : Distribution.TARGET;
        boolean hasTarget = present(node, "target");
        if (distribution == Distribution.TARGET && !hasTarget) {
            throw new ConfigException(
                    child(at, "target"),
                    "Missing required key 'target' at " + at
                            + "; distribution TARGET needs fractions by class name, for example {\"cat\": 0.5}.");
        }
        if (distribution != Distribution.TARGET && hasTarget) {
            throw new ConfigException(
                    child(at, "target"),
                    "The key 'target' at " + child(at, "target")
                            + " is only used with distribution TARGET, but the distribution is " + distribution + ".");
        }
        Map<String, Double> target = new LinkedHashMap<>();
        if (hasTarget) {
            String targetAt = child(at, "target");
            JsonNode object = node.get("target");
            ConfigReader.requireObject(object, targetAt);
            if (object.isEmpty()) {
                throw new ConfigException(targetAt, "Expected at least one class fraction at " + targetAt + ".");
            }
            double sum = 0;
            for (String name : object.propertyNames()) {
                String fractionAt = child(targetAt, name);
                double fraction = ConfigReader.number(object.get(name), fractionAt);
                if (fraction < 0 || fraction > 1) {
                    throw new ConfigException(
                            fractionAt,
                            "Expected a fraction in [0, 1] at " + fractionAt + ", but found " + fraction + ".");
                }
                target.put(name, fraction);
                sum += fraction;
            }
            if (sum > 1 + 1e-6) {
                throw new ConfigException(
                        targetAt,
                        "The target fractions at " + targetAt + " sum to "
                                + new BigDecimal(sum)
                                        .round(new MathContext(6))
                                        .stripTrailingZeros()
                                        .toPlainString()
                                + "; they must sum to at most 1.");
            }
        }
        return new SelectionStrategy.Balance(target, distribution, strength(node, at));
    }

    private static double strength(JsonNode node, String at) {
        return ConfigReader.optionalNumber(node, at, "strength").orElse(1.0);
    }

    private static boolean present(JsonNode object, String key) {
        JsonNode value = object.get(key);
        return value != null && !value.isNull();
    }

    private static String where(String pointer) {
        return pointer.isEmpty() ? "the top level" : pointer;
    }
}
