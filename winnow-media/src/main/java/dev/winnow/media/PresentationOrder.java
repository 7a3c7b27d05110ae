package dev.winnow.media;

import java.util.Arrays;
import java.util.List;
import org.jcodec.containers.mp4.boxes.Box;
import org.jcodec.containers.mp4.boxes.CompositionOffsetsBox;
import org.jcodec.containers.mp4.boxes.Edit;
import org.jcodec.containers.mp4.boxes.EditListBox;
import org.jcodec.containers.mp4.boxes.NodeBox;
import org.jcodec.containers.mp4.boxes.TimeToSampleBox;
import org.jcodec.containers.mp4.boxes.TrakBox;

/**
 * Maps an MP4 track's samples from decoding order to the frame numbers ffmpeg gives them. A
 * stream with B-frames stores a frame before the earlier-shown frames that refer to it; its
 * presentation time is the decoding time ({@code stts}) plus the composition offset ({@code ctts}).
 * An edit list ({@code edts/elst}, written by cameras and by {@code ffmpeg -ss} cuts) shows only
 * part of the media: a sample whose presentation time lies outside every edit is decoded (later
 * frames may refer to it) but not shown, so it gets no number, as in ffmpeg's
 * {@code -vsync passthrough} output. Empty edits (a delay before the track starts) hide nothing.
 * Computed from the sample tables up front, so the one decoding pass knows each frame's number the
 * moment it is decoded. Cost: O(n log n) for n samples, a few arrays of n.
 */
final class PresentationOrder {
    private final int[] rank;
    private final int frames;

    private PresentationOrder(int[] rank, int frames) {
        this.rank = rank;
        this.frames = frames;
    }

    /** The frame number of the sample decoded {@code decoded}-th, or -1 when it is not shown. */
    int frameOf(int decoded) {
        return rank[decoded];
    }

    /** The number of frames shown. */
    int frames() {
        return frames;
    }

    /**
     * The order of {@code track}'s first {@code sampleCount} samples; {@code movieTimescale} is the
     * movie header's, in which edit durations are given.
     */
    static PresentationOrder of(TrakBox track, long movieTimescale, int sampleCount) {
        long[] pts = presentationTimes(track, sampleCount);
        boolean[] shown = shown(track, movieTimescale, pts);
        Integer[] byTime = new Integer[sampleCount];
        Arrays.setAll(byTime, i -> i);
        Arrays.sort(byTime, (a, b) -> pts[a] != pts[b] ? Long.compare(pts[a], pts[b]) : Integer.compare(a, b));
        int[] rank = new int[sampleCount];
        int next = 0;
        for (Integer sample : byTime) {
            rank[sample] = shown[sample] ? next++ : -1;
        }
        return new PresentationOrder(rank, next);
    }

    private static long[] presentationTimes(TrakBox track, int sampleCount) {
        long[] pts = new long[sampleCount];
        TimeToSampleBox stts = NodeBox.findFirstPath(track, TimeToSampleBox.class, Box.path("mdia.minf.stbl.stts"));
        CompositionOffsetsBox ctts =
                NodeBox.findFirstPath(track, CompositionOffsetsBox.class, Box.path("mdia.minf.stbl.ctts"));
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
        return pts;
    }

    /** Which samples an edit shows: presentation time in [media time, media time + duration). */
    private static boolean[] shown(TrakBox track, long movieTimescale, long[] pts) {
        boolean[] shown = new boolean[pts.length];
        EditListBox elst = NodeBox.findFirstPath(track, EditListBox.class, Box.path("edts.elst"));
        List<Edit> edits = elst == null
                ? List.of()
                : elst.getEdits().stream().filter(e -> e.getMediaTime() >= 0).toList();
        if (edits.isEmpty()) {
            Arrays.fill(shown, true);
            return shown;
        }
        long mediaTimescale = track.getTimescale();
        for (Edit edit : edits) {
            long start = edit.getMediaTime();
            // Durations are in the movie's timescale; a zero duration runs to the end of the media.
            long end = edit.getDuration() <= 0 || movieTimescale <= 0
                    ? Long.MAX_VALUE
                    : start + Math.round((double) edit.getDuration() * mediaTimescale / movieTimescale);
            for (int sample = 0; sample < pts.length; sample++) {
                shown[sample] |= pts[sample] >= start && pts[sample] < end;
            }
        }
        return shown;
    }
}
