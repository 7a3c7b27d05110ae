package dev.winnow.select;

import java.util.List;
import java.util.Objects;

/**
 * A selection config: how many samples to pick and the strategies that decide which. Build one
 * with {@link SelectionConfigParser#parse} from the {@code selection} object of {@code run.json},
 * or directly in code:
 *
 * <pre>{@code
 * new SelectionConfig(new SampleBudget.Count(100), List.of(
 *         new StrategyConfig(new SelectionInput.Embeddings(Optional.empty()),
 *                 new SelectionStrategy.Diversity(OptionalDouble.empty(), 1))));
 * }</pre>
 */
public record SelectionConfig(SampleBudget budget, List<StrategyConfig> strategies) {

    public SelectionConfig {
        Objects.requireNonNull(budget, "budget");
        strategies = List.copyOf(strategies);
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("A selection needs at least one strategy.");
        }
    }
}
