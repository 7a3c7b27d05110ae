package dev.winnow.media;

import java.util.Arrays;
import org.jcodec.containers.mp4.boxes.Box;
import org.jcodec.containers.mp4.boxes.CompositionOffsetsBox;
import org.jcodec.containers.mp4.boxes.NodeBox;
import org.jcodec.containers.mp4.boxes.TimeToSampleBox;
import org.jcodec.containers.mp4.boxes.TrakBox;

/**
 * Maps an MP4 track's samples from decoding order to presentation order. A stream with B-frames
 * stores a frame before the earlier-shown frames that refer to it; its presentation time is the
 * decoding time ({@code stts}) plus the composition offset ({@code ctts}). Computed from the sample
 * tables up front, so the one decoding pass knows each frame's index the moment it is decoded.
 * Cost: O(n log n) for n samples, two int arrays.
 */
final class PresentationOrder {
    private PresentationOrder() {
    }

    /** {@code rank[d]} = presentation index of the sample decoded {@code d}-th. */
    static int[] ranks(TrakBox track, int sampleCount) {
        long[] pts = new long[sampleCount];
        TimeToSampleBox stts = NodeBox.findFirstPath(track, TimeToSampleBox.class, Box.path("mdia.minf.stbl.stts"));
        CompositionOffsetsBox ctts = NodeBox.findFirstPath(track, CompositionOffsetsBox.class, Box.path("mdia.minf.stbl.ctts"));
        if (stts != null) {
            long time = 0;
            int sample = 0;
            for (TimeToSampleBox.TimeToSampleEntry entry : stts.getEntries()) {
                for (int i = 0; i < entry.getSampleCount() && sample < sampleCount; i++) {
                    pts[sample++] = time;
                    time += entry.getSampleDuration();
                }
            }
            for (; sample < sampleCount; sample++) {
                pts[sample] = time + sample; // tables shorter than the sample count: keep stored order
            }
        } else {
            Arrays.setAll(pts, i -> i);
        }
        if (ctts != null) {
            int sample = 0;
            for (CompositionOffsetsBox.Entry entry : ctts.getEntries()) {
                for (int i = 0; i < entry.getCount() && sample < sampleCount; i++) {
                    pts[sample++] += entry.getOffset();
                }
            }
        }
        Integer[] byTime = new Integer[sampleCount];
        Arrays.setAll(byTime, i -> i);
        Arrays.sort(byTime, (a, b) -> pts[a] != pts[b] ? Long.compare(pts[a], pts[b]) : Integer.compare(a, b));
        int[] rank = new int[sampleCount];
        for (int p = 0; p < sampleCount; p++) {
            rank[byTime[p]] = p;
        }
        return rank;
    }
}
