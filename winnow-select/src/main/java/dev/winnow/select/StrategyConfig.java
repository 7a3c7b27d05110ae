package dev.winnow.select;

import dev.winnow.select.SelectionInput.Predictions;
import dev.winnow.select.SelectionInput.PredictionsName;
import java.util.Objects;

/**
 * One entry of the config's {@code strategies}: an input and what to do with it. Only some pairs
 * make sense; {@link #ALLOWED_PAIRS} lists them:
 * <ul>
 *   <li>EMBEDDINGS with DIVERSITY, SIMILARITY or TYPICALITY;</li>
 *   <li>SCORES, METADATA or RANDOM with WEIGHTS or THRESHOLD (a number per sample);</li>
 *   <li>PREDICTIONS CLASS_DISTRIBUTION with BALANCE;</li>
 *   <li>PREDICTIONS CATEGORY_COUNT with WEIGHTS, THRESHOLD or BALANCE.</li>
 * </ul>
 */
public record StrategyConfig(SelectionInput input, SelectionStrategy strategy) {

    /** The allowed input/strategy pairs, as a sentence for error messages. */
    public static final String ALLOWED_PAIRS = "EMBEDDINGS with DIVERSITY, SIMILARITY or TYPICALITY; "
            + "SCORES, METADATA or RANDOM with WEIGHTS or THRESHOLD; "
            + "PREDICTIONS CLASS_DISTRIBUTION with BALANCE; "
            + "PREDICTIONS CATEGORY_COUNT with WEIGHTS, THRESHOLD or BALANCE";

    public StrategyConfig {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(strategy, "strategy");
        if (!isAllowed(input, strategy)) {
            throw new IllegalArgumentException("Strategy " + strategy.typeName() + " cannot use input "
                    + describe(input) + ". Allowed pairs: " + ALLOWED_PAIRS + ".");
        }
    }

    /** Whether the strategy can work with the input. */
    public static boolean isAllowed(SelectionInput input, SelectionStrategy strategy) {
        boolean numeric =
                strategy instanceof SelectionStrategy.Weights || strategy instanceof SelectionStrategy.Threshold;
        if (input instanceof SelectionInput.Embeddings) {
            return strategy instanceof SelectionStrategy.Diversity
                    || strategy instanceof SelectionStrategy.Similarity
                    || strategy instanceof SelectionStrategy.Typicality;
        }
        if (input instanceof Predictions p) {
            return p.name() == PredictionsName.CLASS_DISTRIBUTION
                    ? strategy instanceof SelectionStrategy.Balance
                    : numeric || strategy instanceof SelectionStrategy.Balance;
        }
        return numeric;
    }

    /** The input's type as a user writes it, with the name for PREDICTIONS ("PREDICTIONS CATEGORY_COUNT"). */
    public static String describe(SelectionInput input) {
        return input instanceof Predictions p ? "PREDICTIONS " + p.name() : input.typeName();
    }

    /** A short label for reports and CSV headers, for example {@code SCORES(det/uncertainty_entropy)->WEIGHTS}. */
    public String label() {
        String what;
        if (input instanceof SelectionInput.Embeddings e) {
            what = "EMBEDDINGS" + e.task().map(t -> "(" + t + ")").orElse("");
        } else if (input instanceof SelectionInput.Scores s) {
            what = "SCORES(" + s.task() + "/" + s.score() + ")";
        } else if (input instanceof Predictions p) {
            what = "PREDICTIONS(" + p.task() + "/" + p.name() + ")";
        } else if (input instanceof SelectionInput.Metadata m) {
            what = "METADATA(" + m.key() + ")";
        } else {
            what = "RANDOM";
        }
        return what + "->" + strategy.typeName();
    }
}
