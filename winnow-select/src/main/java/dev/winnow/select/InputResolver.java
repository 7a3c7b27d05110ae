package dev.winnow.select;

import dev.winnow.config.DidYouMean;
import dev.winnow.select.SelectionInput.PredictionsName;
import dev.winnow.select.SelectionStrategy.Distribution;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Turns a strategy's input into numbers for the selector: scores, metadata, seeded random values,
 * category counts, class vectors with their target, embeddings and query similarities. Every name
 * the config uses is checked against the inputs first, and a missing one is a
 * {@link SelectionException} that names the strategy as {@code strategies[i]}, lists what exists
 * and suggests the closest name.
 */
final class InputResolver {

    private final SelectionInputs inputs;
    private final int n;
    private final long seed;

    InputResolver(SelectionInputs inputs, int n, long seed) {
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
                throw new SelectionException(
                        NameProblems.score(s, scores.task(), scores.score(), inputs.scoreNames(scores.task())));
            }
            v = inputs.scores(scores.task(), scores.score());
        } else if (input instanceof SelectionInput.Metadata metadata) {
            if (!inputs.metadataKeys().contains(metadata.key())) {
                throw new SelectionException(NameProblems.metadataKey(s, metadata.key(), inputs.metadataKeys()));
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
                throw new SelectionException(NameProblems.category(s, input.task(), name, all));
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

    BalanceObjective balance(
            int s, SelectionInput.Predictions input, SelectionStrategy.Balance balance, int[] candidates) {
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
                    throw new SelectionException(NameProblems.targetClass(s, input.task(), e.getKey(), classes));
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
        EmbeddingMatrix matrix = checked(s, input, inputs.embeddings(input.task()));
        KCenterGreedy.requireFinite(matrix, "sample");
        return matrix;
    }

    /** The embeddings as DIVERSITY reads them: {@link SelectionInputs#embeddingRows}, checked the same way. */
    EmbeddingRows embeddingRows(int s, SelectionInput.Embeddings input) {
        EmbeddingRows rows = checked(s, input, inputs.embeddingRows(input.task()));
        KCenterGreedy.requireFinite(rows, "sample");
        return rows;
    }

    private <T extends EmbeddingRows> T checked(int s, SelectionInput.Embeddings input, Optional<T> given) {
        if (input.task().isPresent()) {
            task(s, input.task().get());
        }
        T rows = given.orElseThrow(() -> new SelectionException("strategies[" + s + "] needs embeddings"
                + input.task().map(t -> " of task '" + t + "'").orElse("")
                + ", but there are none"
                + input.task()
                        .map(t -> " (a task's embeddings are those of its object-level "
                                + "crops; set object_level to select among the objects of '" + t + "')")
                        .orElse("")
                + "."));
        if (rows.count() != n) {
            throw new SelectionException("strategies[" + s + "]: there are " + rows.count() + " embeddings for " + n
                    + " samples; every sample needs one.");
        }
        return rows;
    }

    double[] similarity(int s, SelectionStrategy.Similarity similarity, EmbeddingMatrix all, int[] candidates) {
        List<String> queries = similarity.queryFile().isPresent()
                ? inputs.queryFile(similarity.queryFile().get())
                : similarity.queryFilenames();
        if (queries.isEmpty()) {
            throw new SelectionException("strategies[" + s + "] has no query samples"
                    + similarity
                            .queryFile()
                            .map(f -> ": the file '" + f + "' lists none.")
                            .orElse("."));
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
            throw new SelectionException(NameProblems.task(s, task, inputs.tasks()));
        }
    }

    private void requireRows(int s, String what, int rows) {
        if (rows != n) {
            throw new SelectionException(
                    "strategies[" + s + "]: the inputs gave " + rows + " " + what + " for " + n + " samples.");
        }
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
}
