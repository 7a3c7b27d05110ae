package dev.winnow.format;

import java.util.Arrays;

/** Keypoints of one instance as the flat list {@code [x1, y1, c1, x2, y2, c2, ...]}. Immutable. */
public final class Keypoints {
    private final double[] values;

    private Keypoints(double[] values) {
        if (values.length % 3 != 0) {
            throw new IllegalArgumentException(
                    "Keypoints need 3 numbers each (x, y, confidence), but " + values.length + " numbers were given.");
        }
        this.values = values;
    }

    public static Keypoints of(double... values) {
        return new Keypoints(values.clone());
    }

    public int count() {
        return values.length / 3;
    }

    public double x(int i) {
        return values[3 * i];
    }

    public double y(int i) {
        return values[3 * i + 1];
    }

    public double confidence(int i) {
        return values[3 * i + 2];
    }

    public double[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Keypoints k && Arrays.equals(values, k.values);
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
