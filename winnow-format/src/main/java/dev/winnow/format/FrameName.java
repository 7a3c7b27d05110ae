package dev.winnow.format;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of one video frame as a sample: {@code <dir/stem>-<index>-<ext>}, the index zero-padded
 * to the number of digits of the video's frame count. Frame 99 of {@code my_video.mp4} with 200
 * frames is {@code my_video-099-mp4}; its prediction file is {@code my_video-099-mp4.json} and its
 * sample name {@code my_video-099-mp4.png}.
 */
public record FrameName(String video, int index, int frameCount) {

    private static final Pattern FRAME = Pattern.compile("^(.*)-([0-9]+)-([A-Za-z0-9]+)$");

    public FrameName {
        Objects.requireNonNull(video, "video");
        if (frameCount <= 0) {
            throw new IllegalArgumentException(
                    "A video needs at least one frame, but " + video + " has " + frameCount + ".");
        }
        if (index < 0 || index >= frameCount) {
            throw new IllegalArgumentException("Frame " + index + " does not exist in " + video + ", which has "
                    + frameCount + " frames (0 to " + (frameCount - 1) + ").");
        }
        if (PredictionsLayout.extension(video).isEmpty()) {
            throw new IllegalArgumentException("The video name " + video + " has no extension.");
        }
    }

    public static FrameName of(String video, int index, int frameCount) {
        return new FrameName(video, index, frameCount);
    }

    /** Digits the index is padded to: {@code len(str(frameCount))}. */
    public static int padding(int frameCount) {
        return Integer.toString(frameCount).length();
    }

    /** {@code a/v-099-mp4}: the frame's name without any extension. */
    public String base() {
        String ext = PredictionsLayout.extension(video);
        String stem = video.substring(0, video.length() - ext.length() - 1);
        String digits = Integer.toString(index);
        return stem + "-" + "0".repeat(padding(frameCount) - digits.length()) + digits + "-" + ext;
    }

    /** The frame's sample name, {@code a/v-099-mp4.png}. */
    public String sampleName() {
        return base() + ".png";
    }

    /** The frame's prediction file relative to its task folder, {@code a/v-099-mp4.json}. */
    public String predictionPath() {
        return base() + ".json";
    }

    /**
     * Splits a frame base name ({@code a/v-099-mp4}, without {@code .json}/{@code .png}) into the video's
     * name ({@code a/v.mp4}), the index as written ({@code 099}) and its value. Empty when the name
     * does not have the frame shape.
     */
    public static Optional<Parsed> parse(String base) {
        Matcher m = FRAME.matcher(base);
        if (!m.matches()) {
            return Optional.empty();
        }
        String digits = m.group(2);
        if (digits.length() > 9) {
            return Optional.empty();
        }
        String video = m.group(1) + "." + m.group(3);
        if (PredictionsLayout.extension(video).isEmpty()) {
            return Optional.empty(); // "-1-mp4" or "a/-1-mp4": no name before the extension
        }
        return Optional.of(new Parsed(video, digits, Integer.parseInt(digits)));
    }

    /** A frame name as written, not yet checked against the video's frame count. */
    public record Parsed(String video, String indexText, int index) {
        /** Whether the index is padded as a video of {@code frameCount} frames requires. */
        public boolean paddedFor(int frameCount) {
            return indexText.length() == padding(frameCount);
        }
    }
}
