package dev.winnow.select;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** What a selection strategy looks at: the {@code input} object of a strategy in the selection config. */
public sealed interface SelectionInput {

    /** The config's name of this input type, as written in {@code input.type}. */
    String typeName();

    /** The samples' embeddings; with a task, the embeddings of that task's object crops. */
    record Embeddings(Optional<String> task) implements SelectionInput {
        public Embeddings {
            task = task == null ? Optional.empty() : task;
        }

        @Override
        public String typeName() {
            return "EMBEDDINGS";
        }
    }

    /** One active-learning score of a task, for example {@code uncertainty_entropy}. */
    record Scores(String task, String score) implements SelectionInput {
        @Override
        public String typeName() {
            return "SCORES";
        }
    }

    /** A quantity derived from a task's predictions. */
    record Predictions(String task, PredictionsName name, Optional<List<String>> categories) implements SelectionInput {
        public Predictions {
            categories = categories == null ? Optional.empty() : categories.map(List::copyOf);
        }

        @Override
        public String typeName() {
            return "PREDICTIONS";
        }
    }

    /** A numeric metadata value, for example {@code lightly.sharpness}. */
    record Metadata(String key) implements SelectionInput {
        @Override
        public String typeName() {
            return "METADATA";
        }
    }

    /** A uniform random value per sample, seeded by {@code random_seed} (the run's seed when absent). */
    record Random(OptionalLong seed) implements SelectionInput {
        public Random {
            seed = seed == null ? OptionalLong.empty() : seed;
        }

        @Override
        public String typeName() {
            return "RANDOM";
        }
    }

    /** Which quantity a {@link Predictions} input derives from the predictions. */
    enum PredictionsName {
        /** Per sample, its probability vectors summed (or one-hot category counts), normalised to sum 1. */
        CLASS_DISTRIBUTION,
        /** Per sample, the number of predicted objects of the chosen categories (all when none chosen). */
        CATEGORY_COUNT
    }
}
