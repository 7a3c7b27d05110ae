package dev.winnow.run;

import dev.winnow.datasource.Datasource;
import dev.winnow.media.DecodedImage;
import dev.winnow.media.FrameRequest;
import dev.winnow.media.MediaException;
import dev.winnow.media.VideoDecoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the frames a run wants from one video in a single sequential pass, never seeking per
 * frame: the decoder is asked for every k-th frame, k the greatest common divisor of the wanted
 * indexes, and frames nobody wants are dropped as they arrive.
 */
final class VideoPass {
    /** Receives each wanted frame, in frame order. */
    @FunctionalInterface
    interface FrameHandler {
        void frame(RunSample sample, DecodedImage image) throws IOException, MediaException;
    }

    private VideoPass() {}

    /** The frames of {@code samples} grouped by video, videos in order of first appearance. */
    static Map<String, List<RunSample>> byVideo(List<RunSample> samples) {
        Map<String, List<RunSample>> videos = new LinkedHashMap<>();
        for (RunSample s : samples) {
            if (s.isFrame()) {
                videos.computeIfAbsent(s.file(), v -> new ArrayList<>()).add(s);
            }
        }
        return videos;
    }

    /**
     * Hands each of {@code frames} (all of one video) to {@code handler}, decoded so its short side is at least {@code
     * targetShortSide}.
     */
    static void decode(
            VideoDecoder decoder, Datasource input, List<RunSample> frames, int targetShortSide, FrameHandler handler)
            throws IOException, MediaException {
        if (frames.isEmpty()) {
            return;
        }
        Map<Integer, RunSample> wanted = new HashMap<>();
        int stride = 0;
        for (RunSample frame : frames) {
            wanted.put(frame.frame(), frame);
            stride = gcd(stride, frame.frame());
        }
        FrameRequest request = new FrameRequest(targetShortSide, Math.max(1, stride));
        int last = frames.stream().mapToInt(RunSample::frame).max().orElseThrow();
        decoder.decode(input, frames.get(0).file(), request, (index, image) -> {
            RunSample sample = wanted.get(index);
            if (sample != null) {
                handler.frame(sample, image);
            }
            // Frames arrive in order, so the rest of the video holds no wanted frame.
            return index < last;
        });
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
