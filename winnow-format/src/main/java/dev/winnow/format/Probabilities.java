package dev.winnow.format;

import java.util.Arrays;

/** A probability vector, one entry per schema category in ascending id order. Immutable. */
public final class Probabilities {
    private final double[] values;

    private Probabilities(double[] values) {
        this.values = values;
    }

    public static Probabilities of(double... values) {
        return new Probabilities(values.clone());
    }

    public int size() {
        return values.length;
    }

    public double get(int index) {
        return values[index];
    }

    public double[] toArray() {
        return values.clone();
    }

    public double sum() {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Probabilities p && Arrays.equals(values, p.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
