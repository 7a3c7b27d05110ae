package dev.winnow.report;

import dev.winnow.format.FrameName;
import dev.winnow.format.PredictionsLayout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One video of a run as the report shows it: a strip of evenly spaced frame thumbnails and a
 * timeline over all its frames with the selected ones marked.
 *
 * <p>Example: {@code new VideoStrip("street/tree.mp4", 68, 4, List.of(0, 12), frames)} is a video
 * of 68 frames of which frames 0, 4, 8, … were samples and frames 0 and 12 were selected.
 *
 * @param video          the video's name relative to the input, e.g. {@code street/tree.mp4}
 * @param frameCount     how many frames the video has (at least 1)
 * @param stride         the run's frame stride: frames 0, stride, 2 × stride, … were samples
 * @param selectedFrames the selected frames' indexes, strictly increasing, each below {@code frameCount}
 * @param frames         at most {@link #MAX_FRAMES} frame thumbnails, in increasing frame order
 */
public record VideoStrip(
        String video, int frameCount, int stride, List<Integer> selectedFrames, List<FrameThumbnail> frames) {
    /** The most frame thumbnails a strip holds. */
    public static final int MAX_FRAMES = 16;

    public VideoStrip {
        Objects.requireNonNull(video, "The video's name is missing.");
        if (video.isBlank()) {
            throw new IllegalArgumentException("A video strip needs the video's name, but it is blank.");
        }
        if (frameCount < 1) {
            throw new IllegalArgumentException(
                    "Video " + video + " has " + frameCount + " frames; a strip needs at least one frame.");
        }
        if (!hasExtension(video)) {
            throw new IllegalArgumentException("The video name " + video + " has no extension; frame names need it.");
        }
        if (stride < 1) {
            throw new IllegalArgumentException(
                    "Video " + video + " has frame stride " + stride + "; the stride must be at least 1.");
        }
        selectedFrames = List.copyOf(
                Objects.requireNonNull(selectedFrames, "The selected frames of " + video + " are missing."));
        frames = List.copyOf(Objects.requireNonNull(frames, "The frame thumbnails of " + video + " are missing."));
        int previous = -1;
        for (int frame : selectedFrames) {
            checkFrame(video, frameCount, previous, frame, "selected frame");
            previous = frame;
        }
        if (frames.size() > MAX_FRAMES) {
            throw new IllegalArgumentException("Video " + video + " has " + frames.size()
                    + " frame thumbnails; a strip holds at most " + MAX_FRAMES + ".");
        }
        previous = -1;
        for (FrameThumbnail thumbnail : frames) {
            checkFrame(video, frameCount, previous, thumbnail.frame(), "frame thumbnail");
            previous = thumbnail.frame();
        }
    }

    /**
     * The frames a strip shows for a video of {@code frameCount} frames sampled every
     * {@code stride}-th frame: all samples when there are at most {@link #MAX_FRAMES}, else
     * {@link #MAX_FRAMES} samples evenly spaced from the first to the last, in increasing order.
     */
    public static List<Integer> stripFrames(int frameCount, int stride) {
        return stripFrames(frameCount, stride, MAX_FRAMES);
    }

    /** As {@link #stripFrames(int, int)}, with at most {@code count} frames (2 to {@link #MAX_FRAMES}). */
    public static List<Integer> stripFrames(int frameCount, int stride, int count) {
        if (frameCount < 0 || stride < 1 || count < 2 || count > MAX_FRAMES) {
            throw new IllegalArgumentException(
                    "A strip needs a frame count of 0 or more, a stride of 1 or more and 2 to " + MAX_FRAMES
                            + " frames, but got " + frameCount + " frames, stride " + stride + " and " + count
                            + " frames.");
        }
        int samples = (int) ((frameCount + (long) stride - 1) / stride);
        int shown = Math.min(samples, count);
        List<Integer> frames = new ArrayList<>(shown);
        for (int i = 0; i < shown; i++) {
            long sample = shown == samples ? i : Math.round((double) i * (samples - 1) / (count - 1));
            frames.add((int) (sample * stride));
        }
        return List.copyOf(frames);
    }

    /** Whether {@code frame} was selected. */
    public boolean isSelected(int frame) {
        return Collections.binarySearch(selectedFrames, frame) >= 0;
    }

    /** The sample name of {@code frame} of this video, e.g. {@code street/tree-07-mp4.png}. */
    public String frameSample(int frame) {
        return FrameName.of(video, frame, frameCount).sampleName();
    }

    private static boolean hasExtension(String path) {
        return !PredictionsLayout.extension(path).isEmpty();
    }

    private static void checkFrame(String video, int frameCount, int previous, int frame, String what) {
        if (frame < 0 || frame >= frameCount) {
            throw new IllegalArgumentException("Video " + video + " has frames 0 to " + (frameCount - 1) + ", but its "
                    + what + " " + frame + " is outside them.");
        }
        if (frame <= previous) {
            throw new IllegalArgumentException("The " + what + "s of video " + video
                    + " must be in strictly increasing order, but " + frame + " follows " + previous + ".");
        }
    }
}
