package dev.winnow.select.table;

import java.util.Arrays;
import java.util.List;

/**
 * The primitive arrays behind a {@link PredictionsTable} or one sealed chunk of a builder. Sample
 * {@code i} owns singletons {@code singletonStart[i] .. singletonStart[i + 1] - 1}; singleton
 * {@code s} owns probabilities {@code probabilityStart[s] .. probabilityStart[s + 1] - 1} and, in
 * keypoint tasks, confidences {@code keypointStart[s] .. keypointStart[s + 1] - 1}. Columns a task
 * type never uses ({@code bbox} without boxes, {@code segmentArea} outside semantic segmentation,
 * the keypoint columns outside keypoint detection) are empty so they cost nothing.
 */
final class Columns {
    final String[] samples;
    final int[] singletonStart;
    final int[] category;
    final double[] score;
    final float[] bbox;
    final int[] probabilityStart;
    final double[] probabilities;
    final long[] segmentArea;
    final int[] keypointStart;
    final double[] keypointConfidence;

    Columns(String[] samples, int[] singletonStart, int[] category, double[] score, float[] bbox,
            int[] probabilityStart, double[] probabilities, long[] segmentArea, int[] keypointStart,
            double[] keypointConfidence) {
        this.samples = samples;
        this.singletonStart = singletonStart;
        this.category = category;
        this.score = score;
        this.bbox = bbox;
        this.probabilityStart = probabilityStart;
        this.probabilities = probabilities;
        this.segmentArea = segmentArea;
        this.keypointStart = keypointStart;
        this.keypointConfidence = keypointConfidence;
    }

    int sampleCount() {
        return samples.length;
    }

    int singletonCount() {
        return category.length;
    }

    /**
     * Concatenates chunks in order. Each chunk's slot in {@code chunks} is cleared once copied, so
     * the peak is the result plus one chunk rather than twice the table.
     */
    static Columns concat(List<Columns> chunks, ColumnLayout layout) {
        int n = 0;
        int m = 0;
        int p = 0;
        int k = 0;
        for (Columns c : chunks) {
            n = Math.addExact(n, c.sampleCount());
            m = Math.addExact(m, c.singletonCount());
            p = Math.addExact(p, c.probabilities.length);
            k = Math.addExact(k, c.keypointConfidence.length);
        }
        String[] samples = new String[n];
        int[] singletonStart = new int[n + 1];
        int[] category = new int[m];
        double[] score = new double[m];
        float[] bbox = new float[layout.boxes() ? 4 * m : 0];
        int[] probabilityStart = new int[m + 1];
        double[] probabilities = new double[p];
        long[] segmentArea = new long[layout.areas() ? m : 0];
        int[] keypointStart = new int[layout.keypoints() ? m + 1 : 0];
        double[] keypointConfidence = new double[k];
        int sampleAt = 0;
        int singletonAt = 0;
        int probabilityAt = 0;
        int keypointAt = 0;
        for (int ci = 0; ci < chunks.size(); ci++) {
            Columns c = chunks.get(ci);
            int cn = c.sampleCount();
            int cm = c.singletonCount();
            System.arraycopy(c.samples, 0, samples, sampleAt, cn);
            for (int i = 0; i < cn; i++) {
                singletonStart[sampleAt + i] = singletonAt + c.singletonStart[i];
            }
            System.arraycopy(c.category, 0, category, singletonAt, cm);
            System.arraycopy(c.score, 0, score, singletonAt, cm);
            copy(c.bbox, bbox, 4 * singletonAt);
            for (int s = 0; s < cm; s++) {
                probabilityStart[singletonAt + s] = probabilityAt + c.probabilityStart[s];
            }
            copy(c.probabilities, probabilities, probabilityAt);
            copy(c.segmentArea, segmentArea, singletonAt);
            if (layout.keypoints()) {
                for (int s = 0; s < cm; s++) {
                    keypointStart[singletonAt + s] = keypointAt + c.keypointStart[s];
                }
            }
            copy(c.keypointConfidence, keypointConfidence, keypointAt);
            sampleAt += cn;
            singletonAt += cm;
            probabilityAt += c.probabilities.length;
            keypointAt += c.keypointConfidence.length;
            chunks.set(ci, null);
        }
        singletonStart[n] = singletonAt;
        probabilityStart[m] = probabilityAt;
        if (layout.keypoints()) {
            keypointStart[m] = keypointAt;
        }
        return new Columns(samples, singletonStart, category, score, bbox, probabilityStart, probabilities,
                segmentArea, keypointStart, keypointConfidence);
    }

    /** Copies all of {@code from} to {@code at}; unused (empty) columns copy nothing, wherever {@code at} points. */
    private static void copy(Object from, Object to, int at) {
        int length = java.lang.reflect.Array.getLength(from);
        if (length > 0) {
            System.arraycopy(from, 0, to, at, length);
        }
    }

    /** The same rows with samples in {@code order} (a permutation of sample indices); singletons keep their file order. */
    Columns permute(int[] order, ColumnLayout layout) {
        ColumnsWriter w = new ColumnsWriter(layout, sampleCount(), singletonCount(), probabilities.length,
                keypointConfidence.length);
        for (int i : order) {
            w.startSample(samples[i]);
            for (int s = singletonStart[i]; s < singletonStart[i + 1]; s++) {
                w.addSingleton(category[s], score[s]);
                if (layout.boxes()) {
                    w.box(bbox[4 * s], bbox[4 * s + 1], bbox[4 * s + 2], bbox[4 * s + 3]);
                }
                for (int q = probabilityStart[s]; q < probabilityStart[s + 1]; q++) {
                    w.probability(probabilities[q]);
                }
                if (layout.areas()) {
                    w.area(segmentArea[s]);
                }
                if (layout.keypoints()) {
                    for (int q = keypointStart[s]; q < keypointStart[s + 1]; q++) {
                        w.keypointConfidence(keypointConfidence[q]);
                    }
                }
            }
        }
        return w.seal();
    }
}
