package dev.winnow.media;

import java.io.IOException;

/** Receives decoded video frames in presentation order. */
@FunctionalInterface
public interface FrameConsumer {
    /**
     * Called once per requested frame, in increasing {@code frameIndex} order (0-based, the order
     * a player shows the frames). The image is the consumer's to keep.
     *
     * @return true to go on decoding, false when no later frame is wanted: the decoder then stops
     *     and returns normally without reading the rest of the video
     */
    boolean accept(int frameIndex, DecodedImage frame) throws IOException, MediaException;
}
