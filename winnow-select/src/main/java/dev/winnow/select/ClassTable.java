package dev.winnow.select;

import java.util.List;
import java.util.Objects;

/**
 * A number per sample and category of one task, row-major: sample {@code i}, category {@code k}
 * is {@code values[i * categories.size() + k]}. Used for class distributions (each row sums to 1,
 * or 0 for a sample without predictions) and for per-category object counts.
 */
public record ClassTable(List<String> categories, double[] values) {

    public ClassTable {
        categories = List.copyOf(categories);
        Objects.requireNonNull(values, "values");
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("A class table needs at least one category.");
        }
        if (values.length % categories.size() != 0) {
            throw new IllegalArgumentException(
                    "A class table of " + categories.size() + " categories cannot hold " + values.length + " values.");
        }
    }

    /** The number of samples (rows). */
    public int samples() {
        return values.length / categories.size();
    }

    public double value(int sample, int category) {
        return values[sample * categories.size() + category];
    }
}
