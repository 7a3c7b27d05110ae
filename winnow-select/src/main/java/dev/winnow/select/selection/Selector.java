package dev.winnow.select.selection;

import dev.winnow.select.config.DidYouMean;
import dev.winnow.select.selection.SelectionInput.PredictionsName;
import dev.winnow.select.selection.SelectionStrategy.Distribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;

/**
 * Selects the samples worth labelling: applies the THRESHOLD filters, then picks greedily by the
 * product of the other strategies' objectives (DESIGN §6), or by exact k-center greedy when
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
    private final KCenterGreedy.Storage storage;

    /** A selector using all available processors and storage chosen by size. */
    public Selector() {
        this(Runtime.getRuntime().availableProcessors(), null);
    }

    /** A selector with a fixed thread count; {@code storage} null chooses by size. */
    public Selector(int parallelism, KCenterGreedy.Storage storage) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("The parallelism must be at least 1, but was " + parallelism + ".");
        }
        this.parallelism = parallelism;
        this.storage = storage;
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
        InputValues values = new InputValues(inputs, n, seed);

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
        int[] candidates = java.util.stream.IntStream.range(0, n).filter(i -> keep[i]).toArray();
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
            if (objectives.size() == 1 && objectives.get(0) instanceof DiversityObjective diversity && strengths.get(0) > 0) {
                outcome = farthestFirst(diversity, limit);
            } else {
                outcome = GreedyCombiner.run(m, rank, objectives, strengths.stream().mapToDouble(Double::doubleValue).toArray(), limit);
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
                    ? StopReason.CANDIDATES_EXHAUSTED : outcome.stopReason();
            return new SelectionResult(labels, picks, outcome.values(), objectiveValues, rawValues, reason, m);
        } finally {
            pool.shutdown();
        }
    }

    /** DIVERSITY alone: exact k-center greedy; every pick is the farthest, so its objective is 1. */
    private static GreedyCombiner.Outcome farthestFirst(DiversityObjective diversity, int limit) {
        KCenterResult result = KCenterGreedy.run(diversity.store(), diversity.distances(), limit, diversity.minimumDistance());
        int count = result.picks().length;
        double[] ones = new double[count];
        Arrays.fill(ones, 1);
        return new GreedyCombiner.Outcome(result.picks(), ones.clone(), new double[][] {ones}, new double[][] {result.distances()},
                result.stopReason());
    }

    private Objective objective(int s, StrategyConfig strategy, InputValues values, int[] candidates, int[] rank,
                                ForkJoinPool pool, long seed) {
        SelectionStrategy kind = strategy.strategy();
        if (kind instanceof SelectionStrategy.Weights weights) {
            double[] all = values.numeric(s, strategy.input());
            return new WeightsObjective(restrict(all, candidates), weights.maxSum().orElse(Double.NaN));
        }
        if (kind instanceof SelectionStrategy.Balance balance) {
            return values.balance(s, (SelectionInput.Predictions) strategy.input(), balance, candidates);
        }
        SelectionInput.Embeddings input = (SelectionInput.Embeddings) strategy.input();
        EmbeddingMatrix all = values.embeddings(s, input);
        EmbeddingMatrix mine = candidates.length == all.count() ? all : all.select(candidates);
        if (kind instanceof SelectionStrategy.Diversity diversity) {
            KCenterGreedy.Storage chosen = storage != null ? storage : KCenterGreedy.Storage.forSize(mine.count(), mine.dimension());
            EmbeddingStore store = EmbeddingStore.of(mine, chosen);
            NearestSelectedDistances distances = new NearestSelectedDistances(store, rank, pool);
            Optional<EmbeddingMatrix> earlier = values.inputs().earlierSelections(input.task());
            if (earlier.isPresent() && earlier.get().count() > 0) {
                EmbeddingMatrix e = earlier.get();
                if (e.dimension() != all.dimension()) {
                    throw new SelectionException("strategies[" + s + "]: the earlier selections' embeddings have dimension "
                            + e.dimension() + ", but the samples' embeddings have dimension " + all.dimension() + ".");
                }
                KCenterGreedy.requireFinite(e, "earlier selection");
                for (int r = 0; r < e.count(); r++) {
                    distances.addCenter(e.row(r));
                }
            }
            return new DiversityObjective(distances, store, diversity.minimumDistance().orElse(0));
        }
        if (kind instanceof SelectionStrategy.Similarity similarity) {
            return StaticObjective.similarity(values.similarity(s, similarity, all, candidates));
        }
        SelectionStrategy.Typicality typicality = (SelectionStrategy.Typicality) kind;
        return StaticObjective.typicality(Typicality.compute(all, candidates, typicality.nearestNeighbors(), seed, pool));
    }

    static double[] restrict(double[] all, int[] candidates) {
        double[] mine = new double[candidates.length];
        for (int p = 0; p < candidates.length; p++) {
            mine[p] = all[candidates[p]];
        }
        return mine;
    }

    /** "…; known Xs: a, b. Did you mean 'c'?" for a name that does not exist. */
    static String known(String what, String given, Collection<String> known) {
        TreeSet<String> sorted = new TreeSet<>(known);
        return "; known " + what + ": " + (sorted.isEmpty() ? "none" : String.join(", ", sorted)) + "."
                + DidYouMean.hint(given, sorted);
    }

    /** Reads the inputs' values for the strategies, checking every name first. */
    private static final class InputValues {
        private final SelectionInputs inputs;
        private final int n;
        private final long seed;

        InputValues(SelectionInputs inputs, int n, long seed) {
            this.inputs = inputs;
            this.n = n;
            this.seed = seed;
        }

        SelectionInputs inputs() {
            return inputs;
        }

        double[] numeric(int s, SelectionInput input) {
            double[] v;
            if (input instanceof SelectionInput.Scores scores) {
                task(s, scores.task());
                if (!inputs.scoreNames(scores.task()).contains(scores.score())) {
                    throw new SelectionException("strategies[" + s + "] names score '" + scores.score() + "' of task '"
                            + scores.task() + "', but there is no such score" + known("scores", scores.score(), inputs.scoreNames(scores.task())));
                }
                v = inputs.scores(scores.task(), scores.score());
            } else if (input instanceof SelectionInput.Metadata metadata) {
                if (!inputs.metadataKeys().contains(metadata.key())) {
                    throw new SelectionException("strategies[" + s + "] names metadata key '" + metadata.key()
                            + "', but there is no such key" + known("keys", metadata.key(), inputs.metadataKeys()));
                }
                v = inputs.metadata(metadata.key());
            } else if (input instanceof SelectionInput.Random random) {
                SplittableRandom r = new SplittableRandom(random.seed().orElse(seed));
                v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = r.nextDouble();
                }
            } else {
                SelectionInput.Predictions predictions = (SelectionInput.Predictions) input;
                ClassTable counts = categoryCounts(s, predictions);
                int k = counts.categories().size();
                v = new double[n];
                for (int i = 0; i < n; i++) {
                    double sum = 0;
                    for (int c = 0; c < k; c++) {
                        sum += counts.value(i, c);
                    }
                    v[i] = sum;
                }
            }
            requireRows(s, "values", v.length);
            return v;
        }

        /** The task's category counts, with categories outside {@code input.categories} zeroed. */
        private ClassTable categoryCounts(int s, SelectionInput.Predictions input) {
            task(s, input.task());
            ClassTable counts = inputs.categoryCounts(input.task());
            requireRows(s, "category counts", counts.samples());
            if (input.categories().isEmpty()) {
                return counts;
            }
            List<String> all = counts.categories();
            boolean[] wanted = new boolean[all.size()];
            for (String name : input.categories().get()) {
                int index = all.indexOf(name);
                if (index < 0) {
                    throw new SelectionException("strategies[" + s + "] names category '" + name + "' of task '" + input.task()
                            + "', but there is no such category" + known("categories", name, all));
                }
                wanted[index] = true;
            }
            double[] values = counts.values().clone();
            for (int i = 0; i < values.length; i++) {
                if (!wanted[i % all.size()]) {
                    values[i] = 0;
                }
            }
            return new ClassTable(all, values);
        }

        BalanceObjective balance(int s, SelectionInput.Predictions input, SelectionStrategy.Balance balance, int[] candidates) {
            ClassTable table;
            if (input.name() == PredictionsName.CLASS_DISTRIBUTION) {
                task(s, input.task());
                table = inputs.classDistribution(input.task());
                requireRows(s, "class distributions", table.samples());
            } else {
                table = categoryCounts(s, input);
            }
            List<String> classes = table.categories();
            int k = classes.size();
            // Each candidate's class vector, normalised to sum 1 over all classes.
            double[] vectors = new double[candidates.length * k];
            for (int p = 0; p < candidates.length; p++) {
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    sum += Math.max(0, table.value(candidates[p], c));
                }
                for (int c = 0; c < k; c++) {
                    vectors[p * k + c] = sum > 0 ? Math.max(0, table.value(candidates[p], c)) / sum : 0;
                }
            }
            double[] target = new double[k];
            boolean[] counted = new boolean[k];
            if (balance.distribution() == Distribution.UNIFORM) {
                Arrays.fill(target, 1.0 / k);
                Arrays.fill(counted, true);
            } else if (balance.distribution() == Distribution.INPUT) {
                double total = 0;
                for (int i = 0; i < vectors.length; i++) {
                    target[i % k] += vectors[i];
                    total += vectors[i];
                }
                for (int c = 0; c < k; c++) {
                    target[c] = total > 0 ? target[c] / total : 1.0 / k;
                }
                Arrays.fill(counted, true);
            } else {
                double named = 0;
                for (Map.Entry<String, Double> e : balance.target().entrySet()) {
                    int index = classes.indexOf(e.getKey());
                    if (index < 0) {
                        throw new SelectionException("strategies[" + s + "] names class '" + e.getKey() + "' in its target, but task '"
                                + input.task() + "' has no such category" + known("categories", e.getKey(), classes));
                    }
                    target[index] = e.getValue();
                    counted[index] = true;
                    named += e.getValue();
                }
                int unnamed = k - balance.target().size();
                double rest = 1 - named;
                if (unnamed > 0 && rest > 1e-9) {
                    for (int c = 0; c < k; c++) {
                        if (!counted[c]) {
                            target[c] = rest / unnamed;
                            counted[c] = true;
                        }
                    }
                }
            }
            // Keep only the target's classes.
            int kept = 0;
            for (boolean c : counted) {
                kept += c ? 1 : 0;
            }
            double[] restricted = new double[candidates.length * kept];
            double[] keptTarget = new double[kept];
            for (int c = 0, q = 0; c < k; c++) {
                if (counted[c]) {
                    keptTarget[q] = target[c];
                    for (int p = 0; p < candidates.length; p++) {
                        restricted[p * kept + q] = vectors[p * k + c];
                    }
                    q++;
                }
            }
            return new BalanceObjective(restricted, keptTarget);
        }

        EmbeddingMatrix embeddings(int s, SelectionInput.Embeddings input) {
            if (input.task().isPresent()) {
                task(s, input.task().get());
            }
            EmbeddingMatrix matrix = inputs.embeddings(input.task()).orElseThrow(() -> new SelectionException(
                    "strategies[" + s + "] needs embeddings" + input.task().map(t -> " of task '" + t + "'").orElse("")
                            + ", but there are none."));
            if (matrix.count() != n) {
                throw new SelectionException("strategies[" + s + "]: there are " + matrix.count() + " embeddings for "
                        + n + " samples; every sample needs one.");
            }
            KCenterGreedy.requireFinite(matrix, "sample");
            return matrix;
        }

        double[] similarity(int s, SelectionStrategy.Similarity similarity, EmbeddingMatrix all, int[] candidates) {
            List<String> queries = similarity.queryFile().isPresent()
                    ? inputs.queryFile(similarity.queryFile().get())
                    : similarity.queryFilenames();
            if (queries.isEmpty()) {
                throw new SelectionException("strategies[" + s + "] has no query samples"
                        + similarity.queryFile().map(f -> ": the file '" + f + "' lists none.").orElse("."));
            }
            List<String> names = inputs.sampleNames();
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                index.put(names.get(i), i);
            }
            int d = all.dimension();
            float[] x = all.rows();
            int[] q = new int[queries.size()];
            for (int j = 0; j < q.length; j++) {
                Integer found = index.get(queries.get(j));
                if (found == null) {
                    throw new SelectionException("strategies[" + s + "] names query sample '" + queries.get(j)
                            + "', which is not among the samples." + DidYouMean.hint(queries.get(j), names));
                }
                q[j] = found;
            }
            double[] cosine = new double[candidates.length];
            for (int p = 0; p < candidates.length; p++) {
                int a = candidates[p] * d;
                double best = -1;
                for (int query : q) {
                    int b = query * d;
                    double dot = 0;
                    for (int j = 0; j < d; j++) {
                        dot += (double) x[a + j] * x[b + j];
                    }
                    best = Math.max(best, dot);
                }
                cosine[p] = Math.max(-1, Math.min(1, best));
            }
            return cosine;
        }

        private void task(int s, String task) {
            if (!inputs.tasks().contains(task)) {
                throw new SelectionException("strategies[" + s + "] names task '" + task + "', but there is no such task"
                        + known("tasks", task, inputs.tasks()));
            }
        }

        private void requireRows(int s, String what, int rows) {
            if (rows != n) {
                throw new SelectionException("strategies[" + s + "]: the inputs gave " + rows + " " + what + " for "
                        + n + " samples.");
            }
        }
    }
}
