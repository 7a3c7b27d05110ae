package dev.winnow.embed;

/** Small operations on float vectors shared by the embedders. */
final class Vectors {

    private Vectors() {}

    /** Scales {@code v} in place to unit Euclidean length; an all-zero vector is left as it is. */
    static float[] l2Normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        if (sum > 0) {
            float scale = (float) (1.0 / Math.sqrt(sum));
            for (int i = 0; i < v.length; i++) {
                v[i] *= scale;
            }
        }
        return v;
    }

    /** Scales {@code v[from, to)} in place to Euclidean length {@code length}; all zeros stay zeros. */
    static void normalizeRange(float[] v, int from, int to, float length) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) v[i] * v[i];
        }
        if (sum > 0) {
            float scale = (float) (length / Math.sqrt(sum));
            for (int i = from; i < to; i++) {
                v[i] *= scale;
            }
        }
    }
}
