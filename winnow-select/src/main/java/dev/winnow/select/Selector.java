package dev.winnow.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Selects the samples worth labelling: applies the THRESHOLD filters, then picks greedily by the
 * product of the other strategies' objectives, or by exact k-center greedy when
 * DIVERSITY is the only one. Deterministic for a given seed, whatever the thread count.
 *
 * <pre>{@code
 * SelectionConfig config = SelectionConfigParser.parse(runJson.get("selection"), "/selection");
 * SelectionResult result = new Selector().select(config, inputs, 42L);
 * for (int k = 0; k < result.size(); k++) {
 *     System.out.println(inputs.sampleNames().get(result.pick(k)));
 * }
 * }</pre>
 *
 * <p>Names in the config that the inputs lack (task, score, metadata key, category, query sample)
 * are {@link SelectionException}s whose message names the strategy as {@code strategies[i]}.
 * Thread-safe: each call uses its own pool of {@code parallelism} threads.
 */
public final class Selector {

    private final int parallelism;
    private final KCenterGreedy.@Nullable Storage storage;
    private final @Nullable KCenterRoundOne roundOne;

    /** A selector using all available processors and storage chosen by size. */
    public Selector() {
        this(Runtime.getRuntime().availableProcessors(), null);
    }

    /** A selector with a fixed thread count; {@code storage} null chooses by size. */
    public Selector(int parallelism, KCenterGreedy.@Nullable Storage storage) {
        this(parallelism, storage, null);
    }

    /**
     * As {@link #Selector(int, KCenterGreedy.Storage)}, with round one of the distributed engine's
     * two-round k-center run by {@code roundOne} (null: on this selector's threads).
     */
    public Selector(int parallelism, KCenterGreedy.@Nullable Storage storage, @Nullable KCenterRoundOne roundOne) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("The parallelism must be at least 1, but was " + parallelism + ".");
        }
        this.parallelism = parallelism;
        this.storage = storage;
        this.roundOne = roundOne;
    }

    /** Runs the selection described by {@code config} over {@code inputs}; {@code seed} breaks ties. */
    public SelectionResult select(SelectionConfig config, SelectionInputs inputs, long seed) {
        List<String> names = inputs.sampleNames();
        int n = names.size();
        List<StrategyConfig> strategies = config.strategies();
        List<String> labels = new ArrayList<>();
        for (StrategyConfig s : strategies) {
            labels.add(s.label());
        }
        InputResolver values = new InputResolver(inputs, n, seed);

        boolean[] keep = new boolean[n];
        Arrays.fill(keep, true);
        Map<Integer, double[]> thresholdValues = new HashMap<>();
        for (int s = 0; s < strategies.size(); s++) {
            StrategyConfig strategy = strategies.get(s);
            if (strategy.strategy() instanceof SelectionStrategy.Threshold threshold) {
                double[] v = values.numeric(s, strategy.input());
                thresholdValues.put(s, v);
                for (int i = 0; i < n; i++) {
                    keep[i] &= threshold.passes(v[i]);
                }
            }
        }
        int[] candidates = IntStream.range(0, n).filter(i -> keep[i]).toArray();
        int m = candidates.length;
        int requested = config.budget().resolve(n);
        int limit = Math.min(requested, m);
        int[] rank = SeededOrder.ranks(m, seed);

        ForkJoinPool pool = new ForkJoinPool(parallelism);
        try {
            List<Objective> objectives = new ArrayList<>();
            List<Integer> objectiveStrategy = new ArrayList<>();
            List<Double> strengths = new ArrayList<>();
            for (int s = 0; s < strategies.size(); s++) {
                StrategyConfig strategy = strategies.get(s);
                if (!(strategy.strategy() instanceof SelectionStrategy.Threshold)) {
                    objectives.add(objective(s, strategy, values, candidates, rank, pool, seed));
                    objectiveStrategy.add(s);
                    strengths.add(strategy.strategy().strength());
                }
            }
            GreedyCombiner.Outcome outcome;
            if (config.engine().distributed()) {
                outcome = twoRound(config, objectives, objectiveStrategy, values, candidates, limit, seed);
            } else if (objectives.size() == 1
                    && objectives.get(0) instanceof DiversityObjective diversity
                    && strengths.get(0) > 0) {
                outcome = farthestFirst(diversity, limit);
            } else {
                outcome = GreedyCombiner.run(
                        m,
                        rank,
                        objectives,
                        strengths.stream().mapToDouble(Double::doubleValue).toArray(),
                        limit);
            }
            int count = outcome.picks().length;
            int[] picks = new int[count];
            for (int k = 0; k < count; k++) {
                picks[k] = candidates[outcome.picks()[k]];
            }
            double[][] objectiveValues = new double[strategies.size()][];
            double[][] rawValues = new double[strategies.size()][];
            for (int o = 0; o < objectives.size(); o++) {
                objectiveValues[objectiveStrategy.get(o)] = outcome.scaled()[o];
                rawValues[objectiveStrategy.get(o)] = outcome.raw()[o];
            }
            for (Map.Entry<Integer, double[]> e : thresholdValues.entrySet()) {
                double[] nan = new double[count];
                Arrays.fill(nan, Double.NaN);
                objectiveValues[e.getKey()] = nan;
                double[] raw = new double[count];
                for (int k = 0; k < count; k++) {
                    raw[k] = e.getValue()[picks[k]];
                }
                rawValues[e.getKey()] = raw;
            }
            StopReason reason = outcome.stopReason() == StopReason.SAMPLE_COUNT_REACHED && count < requested
                    ? StopReason.CANDIDATES_EXHAUSTED
                    : outcome.stopReason();
            return new SelectionResult(labels, picks, outcome.values(), objectiveValues, rawValues, reason, m);
        } finally {
            pool.shutdown();
        }
    }

    /** DIVERSITY alone on the distributed engine: two-round k-center over the engine's partitions. */
    private GreedyCombiner.Outcome twoRound(
            SelectionConfig config,
            List<Objective> objectives,
            List<Integer> objectiveStrategy,
            InputResolver values,
            int[] candidates,
            int limit,
            long seed) {
        int s = objectiveStrategy.get(0);
        StrategyConfig strategy = config.strategies().get(s);
        SelectionInput.Embeddings input = (SelectionInput.Embeddings) strategy.input();
        EmbeddingMatrix all = values.embeddings(s, input);
        EmbeddingMatrix mine = candidates.length == all.count() ? all : all.select(candidates);
        EmbeddingMatrix earlier = values.inputs()
                .earlierSelections(input.task())
                .filter(e -> e.count() > 0)
                .orElse(EmbeddingMatrix.empty(all.dimension()));
        DiversityObjective diversity = (DiversityObjective) objectives.get(0);
        KCenterResult result = new TwoRoundKCenter(storage, parallelism, roundOne)
                .select(mine, config.engine().partitions(), limit, earlier, diversity.minimumDistance(), seed);
        return outcome(result);
    }

    private static GreedyCombiner.Outcome outcome(KCenterResult result) {
        int count = result.picks().length;
        double[] ones = new double[count];
        Arrays.fill(ones, 1);
        return new GreedyCombiner.Outcome(
                result.picks(),
                ones.clone(),
                new double[][] {ones},
                new double[][] {result.distances()},
                result.stopReason());
    }

    /** DIVERSITY alone: exact k-center greedy; every pick is the farthest, so its objective is 1. */
    private static GreedyCombiner.Outcome farthestFirst(DiversityObjective diversity, int limit) {
        KCenterResult result =
                KCenterGreedy.run(diversity.store(), diversity.distances(), limit, diversity.minimumDistance());
        int count = result.picks().length;
        double[] ones = new double[count];
        Arrays.fill(ones, 1);
        return new GreedyCombiner.Outcome(
                result.picks(),
                ones.clone(),
                new double[][] {ones},
                new double[][] {result.distances()},
                result.stopReason());
    }

    private Objective objective(
            int s,
            StrategyConfig strategy,
            InputResolver values,
            int[] candidates,
            int[] rank,
            ForkJoinPool pool,
            long seed) {
        SelectionStrategy kind = strategy.strategy();
        if (kind instanceof SelectionStrategy.Weights weights) {
            double[] all = values.numeric(s, strategy.input());
            return new WeightsObjective(
                    InputResolver.restrict(all, candidates), weights.maxSum().orElse(Double.NaN));
        }
        if (kind instanceof SelectionStrategy.Balance balance) {
            return values.balance(s, (SelectionInput.Predictions) strategy.input(), balance, candidates);
        }
        SelectionInput.Embeddings input = (SelectionInput.Embeddings) strategy.input();
        if (kind instanceof SelectionStrategy.Diversity diversity) {
            EmbeddingRows all = values.embeddingRows(s, input);
            EmbeddingRows mine = candidates.length == all.count() ? all : CandidateRows.of(all, candidates);
            KCenterGreedy.Storage chosen =
                    storage != null ? storage : KCenterGreedy.Storage.forSize(mine.count(), mine.dimension());
            EmbeddingStore store = EmbeddingStore.of(mine, chosen, pool.getParallelism());
            NearestSelectedDistances distances = new NearestSelectedDistances(store, SeededOrder.ofRanks(rank), pool);
            Optional<EmbeddingMatrix> earlier = values.inputs().earlierSelections(input.task());
            if (earlier.isPresent() && earlier.get().count() > 0) {
                EmbeddingMatrix e = earlier.get();
                if (e.dimension() != all.dimension()) {
                    throw new SelectionException(
                            "strategies[" + s + "]: the earlier selections' embeddings have dimension " + e.dimension()
                                    + ", but the samples' embeddings have dimension " + all.dimension() + ".");
                }
                KCenterGreedy.requireFinite(e, "earlier selection");
                for (int r = 0; r < e.count(); r++) {
                    distances.addCenter(e.row(r));
                }
            }
            return new DiversityObjective(
                    distances, store, diversity.minimumDistance().orElse(0));
        }
        EmbeddingMatrix all = values.embeddings(s, input);
        if (kind instanceof SelectionStrategy.Similarity similarity) {
            return StaticObjective.similarity(values.similarity(s, similarity, all, candidates));
        }
        SelectionStrategy.Typicality typicality = (SelectionStrategy.Typicality) kind;
        return StaticObjective.typicality(
                Typicality.compute(all, candidates, typicality.nearestNeighbors(), seed, pool));
    }
}
