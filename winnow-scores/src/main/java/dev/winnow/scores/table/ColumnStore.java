package dev.winnow.scores.table;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The paged primitive columns behind a {@link PredictionsTable} and its builders. Sample {@code i}
 * owns singletons {@code singletonStart[i]} up to the next sample's start (or the singleton
 * count); singleton {@code s} owns the probabilities from {@code probabilityStart[s]} up to the next
 * singleton's start and, in keypoint tasks, the keypoint confidences likewise. Columns a task type
 * never uses stay empty: no boxes without boxes, no areas outside semantic segmentation, no
 * keypoint columns outside keypoint detection.
 *
 * <p>Appending (one sample at a time, or a whole other store) never copies what is already held,
 * so filling a table of a million samples peaks at the table's size plus a page per column.
 * Not thread-safe while written; read-only once a table wraps it.
 */
final class ColumnStore implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ColumnLayout layout;
    private String[] samples = new String[16];
    private int sampleCount;
    private final PagedInts singletonStart = new PagedInts();
    private final PagedInts category = new PagedInts();
    private final PagedDoubles score = new PagedDoubles();
    private final PagedFloats bbox = new PagedFloats();
    private final PagedInts probabilityStart = new PagedInts();
    private final PagedDoubles probabilities = new PagedDoubles();
    private final PagedLongs segmentArea = new PagedLongs();
    private final PagedInts keypointStart = new PagedInts();
    private final PagedDoubles keypointConfidence = new PagedDoubles();

    ColumnStore(ColumnLayout layout) {
        this.layout = layout;
    }

    ColumnLayout layout() {
        return layout;
    }

    int sampleCount() {
        return sampleCount;
    }

    int singletonCount() {
        return category.size();
    }

    String sample(int i) {
        return samples[i];
    }

    String[] samplesView() {
        return sampleCount == samples.length ? samples : (samples = Arrays.copyOf(samples, sampleCount));
    }

    int firstSingleton(int sample) {
        return singletonStart.get(sample);
    }

    int endSingleton(int sample) {
        return sample + 1 < sampleCount ? singletonStart.get(sample + 1) : category.size();
    }

    int category(int s) {
        return category.get(s);
    }

    double score(int s) {
        return score.get(s);
    }

    boolean hasBox(int s) {
        return layout.boxes() && !Float.isNaN(bbox.get(4 * s));
    }

    float box(int s, int part) {
        return bbox.get(4 * s + part);
    }

    int probabilityStart(int s) {
        return probabilityStart.get(s);
    }

    int probabilityEnd(int s) {
        return s + 1 < category.size() ? probabilityStart.get(s + 1) : probabilities.size();
    }

    double probabilityAt(int index) {
        return probabilities.get(index);
    }

    void copyProbabilities(int from, double[] into, int length) {
        probabilities.copyTo(from, into, length);
    }

    long segmentArea(int s) {
        return layout.areas() ? segmentArea.get(s) : 0;
    }

    int keypointCount(int s) {
        if (!layout.keypoints()) {
            return 0;
        }
        int end = s + 1 < category.size() ? keypointStart.get(s + 1) : keypointConfidence.size();
        return end - keypointStart.get(s);
    }

    double keypointConfidence(int s, int k) {
        return keypointConfidence.get(keypointStart.get(s) + k);
    }

    void startSample(String name) {
        if (sampleCount == samples.length) {
            samples = Arrays.copyOf(samples, sampleCount * 2);
        }
        samples[sampleCount++] = name;
        singletonStart.add(category.size());
    }

    /** Appends a singleton to the current sample; its box starts out as NaN (absent). */
    void addSingleton(int categoryIndex, double singletonScore) {
        category.add(categoryIndex);
        score.add(singletonScore);
        probabilityStart.add(probabilities.size());
        if (layout.boxes()) {
            for (int i = 0; i < 4; i++) {
                bbox.add(Float.NaN);
            }
        }
        if (layout.areas()) {
            segmentArea.add(0);
        }
        if (layout.keypoints()) {
            keypointStart.add(keypointConfidence.size());
        }
    }

    void box(float x, float y, float width, float height) {
        int at = 4 * (category.size() - 1);
        bbox.set(at, x);
        bbox.set(at + 1, y);
        bbox.set(at + 2, width);
        bbox.set(at + 3, height);
    }

    /** Appends one entry to the last singleton's probability vector. */
    void probability(double value) {
        probabilities.add(value);
    }

    void area(long pixels) {
        segmentArea.set(category.size() - 1, pixels);
    }

    /** Appends one keypoint confidence to the last singleton. */
    void keypointConfidence(double confidence) {
        keypointConfidence.add(confidence);
    }

    /** Appends every sample of {@code other} (same layout) behind this store's samples. */
    void appendAll(ColumnStore other) {
        for (int i = 0; i < other.sampleCount; i++) {
            if (sampleCount == samples.length) {
                samples = Arrays.copyOf(samples, Math.max(sampleCount * 2, sampleCount + other.sampleCount));
            }
            samples[sampleCount++] = other.samples[i];
        }
        singletonStart.addAll(other.singletonStart, category.size());
        probabilityStart.addAll(other.probabilityStart, probabilities.size());
        keypointStart.addAll(other.keypointStart, keypointConfidence.size());
        category.addAll(other.category, 0);
        score.addAll(other.score);
        bbox.addAll(other.bbox);
        probabilities.addAll(other.probabilities);
        segmentArea.addAll(other.segmentArea);
        keypointConfidence.addAll(other.keypointConfidence);
    }

    /**
     * A new store with the samples in {@code order} (a permutation of sample indices); singletons keep their file
     * order.
     */
    ColumnStore permuted(int[] order) {
        ColumnStore out = new ColumnStore(layout);
        for (int i : order) {
            out.startSample(samples[i]);
            for (int s = firstSingleton(i); s < endSingleton(i); s++) {
                out.addSingleton(category(s), score(s));
                if (layout.boxes()) {
                    out.box(box(s, 0), box(s, 1), box(s, 2), box(s, 3));
                }
                for (int q = probabilityStart(s); q < probabilityEnd(s); q++) {
                    out.probability(probabilities.get(q));
                }
                if (layout.areas()) {
                    out.area(segmentArea(s));
                }
                for (int k = 0; k < keypointCount(s); k++) {
                    out.keypointConfidence(keypointConfidence(s, k));
                }
            }
        }
        return out;
    }
}
