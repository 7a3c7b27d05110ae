package dev.winnow.select;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How a strategy uses its input: the {@code strategy} object of a strategy in the selection config.
 * Every strategy but {@link Threshold} contributes one objective in [ε, 1] raised to its
 * {@link #strength()}; a negative strength prefers low objective values.
 */
public sealed interface SelectionStrategy {

    /** The config's name of this strategy type, as written in {@code strategy.type}. */
    String typeName();

    /** The exponent of this strategy's objective in the greedy product (1 by default). */
    double strength();

    /** Spread the selection out in embedding space (farthest-first). */
    record Diversity(OptionalDouble minimumDistance, double strength) implements SelectionStrategy {
        public Diversity {
            minimumDistance = minimumDistance == null ? OptionalDouble.empty() : minimumDistance;
        }

        @Override
        public String typeName() {
            return "DIVERSITY";
        }
    }

    /** Prefer samples with high input values (low ones with a negative strength). */
    record Weights(OptionalDouble maxSum, double strength) implements SelectionStrategy {
        public Weights {
            maxSum = maxSum == null ? OptionalDouble.empty() : maxSum;
        }

        @Override
        public String typeName() {
            return "WEIGHTS";
        }
    }

    /** Keep only samples whose input value passes a comparison; applied before everything else. */
    record Threshold(double threshold, Operation operation) implements SelectionStrategy {
        @Override
        public String typeName() {
            return "THRESHOLD";
        }

        @Override
        public double strength() {
            return 0;
        }

        /** Whether {@code value} passes; NaN never passes. */
        public boolean passes(double value) {
            return switch (operation) {
                case SMALLER -> value < threshold;
                case SMALLER_EQUAL -> value <= threshold;
                case BIGGER -> value > threshold;
                case BIGGER_EQUAL -> value >= threshold;
            };
        }
    }

    /** Move the selected class distribution toward a target. */
    record Balance(Map<String, Double> target, Distribution distribution, double strength)
            implements SelectionStrategy {
        public Balance {
            target = target == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(target));
        }

        @Override
        public String typeName() {
            return "BALANCE";
        }
    }

    /** Prefer samples similar to query samples (named in the config or in a file of names). */
    record Similarity(List<String> queryFilenames, Optional<String> queryFile, double strength)
            implements SelectionStrategy {
        public Similarity {
            queryFilenames = queryFilenames == null ? List.of() : List.copyOf(queryFilenames);
            queryFile = queryFile == null ? Optional.empty() : queryFile;
        }

        @Override
        public String typeName() {
            return "SIMILARITY";
        }
    }

    /** Prefer typical samples: those in dense regions of the embedding space. */
    record Typicality(int nearestNeighbors, double strength) implements SelectionStrategy {
        @Override
        public String typeName() {
            return "TYPICALITY";
        }
    }

    /** The comparison of a {@link Threshold}: the sample's value OPERATION the threshold. */
    enum Operation {
        SMALLER,
        SMALLER_EQUAL,
        BIGGER,
        BIGGER_EQUAL
    }

    /** Which distribution a {@link Balance} aims at. */
    enum Distribution {
        /** The configured fractions by class name; any rest is spread evenly over the unnamed classes. */
        TARGET,
        /** Every class of the task equally. */
        UNIFORM,
        /** The class distribution of all candidates. */
        INPUT
    }
}
