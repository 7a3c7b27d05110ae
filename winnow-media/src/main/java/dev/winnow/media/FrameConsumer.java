package dev.winnow.media;

import java.io.IOException;

/** Receives decoded video frames in presentation order. */
@FunctionalInterface
public interface FrameConsumer {
    /**
     * Called once per requested frame, in increasing {@code frameIndex} order (0-based, the order
     * a player shows the frames). The image is the consumer's to keep.
     */
    void accept(int frameIndex, DecodedImage frame) throws IOException, MediaException;
}
