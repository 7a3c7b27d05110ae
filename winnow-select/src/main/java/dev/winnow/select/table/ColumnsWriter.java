package dev.winnow.select.table;

import java.util.Arrays;

/**
 * Appends samples and their singletons to growable primitive arrays and seals them into
 * {@link Columns} of exact size. Used for one chunk at a time, so its arrays stay small; not
 * thread-safe.
 */
final class ColumnsWriter {
    private final ColumnLayout layout;
    private String[] samples;
    private int[] singletonStart;
    private int[] category;
    private double[] score;
    private float[] bbox;
    private int[] probabilityStart;
    private double[] probabilities;
    private long[] segmentArea;
    private int[] keypointStart;
    private double[] keypointConfidence;
    private int sampleCount;
    private int singletonCount;
    private int probabilityCount;
    private int keypointCount;

    ColumnsWriter(ColumnLayout layout, int samples, int singletons, int probabilities, int keypoints) {
        this.layout = layout;
        this.samples = new String[Math.max(samples, 16)];
        this.singletonStart = new int[Math.max(samples, 16) + 1];
        int m = Math.max(singletons, 16);
        this.category = new int[m];
        this.score = new double[m];
        this.bbox = new float[layout.boxes() ? 4 * m : 0];
        this.probabilityStart = new int[m + 1];
        this.probabilities = new double[Math.max(probabilities, 16)];
        this.segmentArea = new long[layout.areas() ? m : 0];
        this.keypointStart = new int[layout.keypoints() ? m + 1 : 0];
        this.keypointConfidence = new double[layout.keypoints() ? Math.max(keypoints, 16) : 0];
    }

    int sampleCount() {
        return sampleCount;
    }

    int singletonCount() {
        return singletonCount;
    }

    void startSample(String name) {
        if (sampleCount == samples.length) {
            samples = Arrays.copyOf(samples, grow(sampleCount));
            singletonStart = Arrays.copyOf(singletonStart, samples.length + 1);
        }
        samples[sampleCount] = name;
        singletonStart[sampleCount] = singletonCount;
        sampleCount++;
    }

    /** Appends a singleton to the current sample; its box starts out as NaN (absent). */
    void addSingleton(int categoryIndex, double singletonScore) {
        if (singletonCount == category.length) {
            int m = grow(singletonCount);
            category = Arrays.copyOf(category, m);
            score = Arrays.copyOf(score, m);
            probabilityStart = Arrays.copyOf(probabilityStart, m + 1);
            if (layout.boxes()) {
                bbox = Arrays.copyOf(bbox, 4 * m);
            }
            if (layout.areas()) {
                segmentArea = Arrays.copyOf(segmentArea, m);
            }
            if (layout.keypoints()) {
                keypointStart = Arrays.copyOf(keypointStart, m + 1);
            }
        }
        int s = singletonCount++;
        category[s] = categoryIndex;
        score[s] = singletonScore;
        probabilityStart[s] = probabilityCount;
        if (layout.boxes()) {
            Arrays.fill(bbox, 4 * s, 4 * s + 4, Float.NaN);
        }
        if (layout.keypoints()) {
            keypointStart[s] = keypointCount;
        }
    }

    void box(float x, float y, float width, float height) {
        int at = 4 * (singletonCount - 1);
        bbox[at] = x;
        bbox[at + 1] = y;
        bbox[at + 2] = width;
        bbox[at + 3] = height;
    }

    /** Appends one entry to the last singleton's probability vector. */
    void probability(double value) {
        if (probabilityCount == probabilities.length) {
            probabilities = Arrays.copyOf(probabilities, grow(probabilityCount));
        }
        probabilities[probabilityCount++] = value;
    }

    void area(long pixels) {
        segmentArea[singletonCount - 1] = pixels;
    }

    /** Appends one keypoint confidence to the last singleton. */
    void keypointConfidence(double confidence) {
        if (keypointCount == keypointConfidence.length) {
            keypointConfidence = Arrays.copyOf(keypointConfidence, grow(keypointCount));
        }
        keypointConfidence[keypointCount++] = confidence;
    }

    /** Exact-size columns of everything written so far. */
    Columns seal() {
        int n = sampleCount;
        int m = singletonCount;
        int[] starts = Arrays.copyOf(singletonStart, n + 1);
        starts[n] = m;
        int[] probStarts = Arrays.copyOf(probabilityStart, m + 1);
        probStarts[m] = probabilityCount;
        int[] keyStarts = new int[0];
        if (layout.keypoints()) {
            keyStarts = Arrays.copyOf(keypointStart, m + 1);
            keyStarts[m] = keypointCount;
        }
        return new Columns(Arrays.copyOf(samples, n), starts, Arrays.copyOf(category, m), Arrays.copyOf(score, m),
                Arrays.copyOf(bbox, layout.boxes() ? 4 * m : 0), probStarts,
                Arrays.copyOf(probabilities, probabilityCount), Arrays.copyOf(segmentArea, layout.areas() ? m : 0),
                keyStarts, Arrays.copyOf(keypointConfidence, keypointCount));
    }

    private static int grow(int size) {
        long next = Math.max(16L, size + (size >> 1) + 1L);
        if (next > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("A predictions table column cannot hold more than "
                    + (Integer.MAX_VALUE - 16) + " entries.");
        }
        return (int) next;
    }
}
