package dev.winnow.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The sort orders of the grid: {@code name} (the index's own order), {@code size}, an
 * active-learning score ({@code T.score} or a score name only one task has) or a metadata field
 * ({@code meta:field}), each ascending or, with {@code :desc}, descending. Samples without a value
 * come last either way. Each order is computed once and kept, so a request only filters.
 */
final class SampleOrder {
    private final SampleIndex index;
    private final Map<String, int[]> orders = new ConcurrentHashMap<>();

    SampleOrder(SampleIndex index) {
        this.index = index;
    }

    /** The sample positions in the order {@code sort} asks for ({@code null} or empty: by name). */
    int[] order(@Nullable String sort) throws QueryException {
        String field = sort == null || sort.isEmpty() ? "name" : sort;
        boolean descending = false;
        if (field.endsWith(":desc")) {
            descending = true;
            field = field.substring(0, field.length() - ":desc".length());
        } else if (field.endsWith(":asc")) {
            field = field.substring(0, field.length() - ":asc".length());
        }
        String key = field + (descending ? ":desc" : "");
        int[] cached = orders.get(key);
        if (cached != null) {
            return cached;
        }
        int[] computed = compute(field, descending);
        orders.put(key, computed);
        return computed;
    }

    private int[] compute(String field, boolean descending) throws QueryException {
        int n = index.sampleCount();
        if (field.equals("name")) {
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = descending ? n - 1 - i : i;
            }
            return order;
        }
        if (field.startsWith("meta:")) {
            String name = field.substring("meta:".length());
            String[] values = index.metadata().get(name);
            if (values == null) {
                throw new QueryException("sort=" + field + " names no metadata field; the fields are "
                        + (index.metadata().isEmpty()
                                ? "none"
                                : String.join(", ", index.metadata().keySet())) + ".");
            }
            // Each value parsed once, not in every comparison of the sort.
            double[] numbers = new double[n];
            boolean[] numeric = new boolean[n];
            for (int i = 0; i < n; i++) {
                String v = values[i];
                if (v != null) {
                    try {
                        numbers[i] = Double.parseDouble(v);
                        numeric[i] = true;
                    } catch (NumberFormatException e) {
                        numeric[i] = false;
                    }
                }
            }
            return PositionSort.sorted(n, (a, b) -> {
                String va = values[a];
                String vb = values[b];
                if (va == null || vb == null) {
                    return va == null ? (vb == null ? 0 : 1) : -1;
                }
                // Numbers by value when both are numbers, everything else as text.
                int c = numeric[a] && numeric[b] ? Double.compare(numbers[a], numbers[b]) : va.compareTo(vb);
                return descending ? -c : c;
            });
        }
        double[] keys = new double[n];
        if (field.equals("size")) {
            for (int i = 0; i < n; i++) {
                keys[i] = index.size(i) < 0 ? Double.NaN : index.size(i);
            }
        } else {
            float[] values = activeLearning(field);
            for (int i = 0; i < n; i++) {
                keys[i] = values[i];
            }
        }
        return byNumber(keys, descending);
    }

    private float[] activeLearning(String field) throws QueryException {
        int dot = field.lastIndexOf('.');
        List<float[]> found = new ArrayList<>();
        List<String> known = new ArrayList<>(List.of("name", "size"));
        for (TaskColumns t : index.tasks()) {
            if (dot > 0
                    && t.name().equals(field.substring(0, dot))
                    && t.activeLearning().containsKey(field.substring(dot + 1))) {
                return Objects.requireNonNull(t.activeLearning().get(field.substring(dot + 1)));
            }
            if (t.activeLearning().containsKey(field)) {
                found.add(t.activeLearning().get(field));
            }
            t.activeLearning().keySet().forEach(s -> known.add(t.name() + "." + s));
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        index.metadata().keySet().forEach(f -> known.add("meta:" + f));
        throw new QueryException("sort=" + field + " names nothing to sort by; expected one of "
                + String.join(", ", known) + ", optionally followed by :desc.");
    }

    /** Ascending or descending by key, ties by position, NaN last. */
    private static int[] byNumber(double[] keys, boolean descending) {
        return PositionSort.sorted(keys.length, (a, b) -> {
            double ka = keys[a];
            double kb = keys[b];
            boolean na = Double.isNaN(ka);
            boolean nb = Double.isNaN(kb);
            if (na || nb) {
                return na == nb ? 0 : (na ? 1 : -1);
            }
            int c = Double.compare(ka, kb);
            return descending ? -c : c;
        });
    }
}
