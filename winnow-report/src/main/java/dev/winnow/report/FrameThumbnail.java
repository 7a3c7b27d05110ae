package dev.winnow.report;

import java.util.Objects;

/**
 * One frame of a video's strip in the report: the frame's 0-based index in the video and its
 * picture.
 *
 * @param frame the frame index, 0-based, in the order a decoder presents the frames
 * @param image the frame's thumbnail; its {@link Thumbnail#sample()} is the frame's sample name
 */
public record FrameThumbnail(int frame, Thumbnail image) {
    public FrameThumbnail {
        if (frame < 0) {
            throw new IllegalArgumentException("A frame index counts from 0, but " + frame + " was given.");
        }
        Objects.requireNonNull(image, "The thumbnail of frame " + frame + " is missing.");
    }
}
