package dev.winnow.select;

import java.util.List;
import java.util.Objects;

/**
 * A selection config: how many samples to pick, the strategies that decide which, and the engine
 * DIVERSITY alone runs on (exact, or two-round over partitions). Build one
 * with {@link SelectionConfigParser#parse} from the {@code selection} object of {@code run.json},
 * or directly in code:
 *
 * <pre>{@code
 * new SelectionConfig(new SampleBudget.Count(100), List.of(
 *         new StrategyConfig(new SelectionInput.Embeddings(Optional.empty()),
 *                 new SelectionStrategy.Diversity(OptionalDouble.empty(), 1))));
 * }</pre>
 */
public record SelectionConfig(SampleBudget budget, List<StrategyConfig> strategies, SelectionEngine engine) {

    /** A selection with the exact engine. */
    public SelectionConfig(SampleBudget budget, List<StrategyConfig> strategies) {
        this(budget, strategies, SelectionEngine.EXACT);
    }

    public SelectionConfig {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(engine, "engine");
        strategies = List.copyOf(strategies);
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("A selection needs at least one strategy.");
        }
    }
}
