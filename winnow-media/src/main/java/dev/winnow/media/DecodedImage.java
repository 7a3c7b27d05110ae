package dev.winnow.media;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * An image or video frame decoded at reduced resolution, with the size of the original it came
 * from: prediction coordinates are in original pixels, so crops and drawings scale by
 * {@link #scaleX()} and {@link #scaleY()}.
 *
 * @param image    the pixels, {@link BufferedImage#TYPE_INT_RGB}
 * @param original the size of the full-resolution image or frame
 */
public record DecodedImage(BufferedImage image, ImageSize original) {
    public DecodedImage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(original, "original");
    }

    /** Decoded pixels per original pixel, horizontally (1 when not reduced). */
    public double scaleX() {
        return (double) image.getWidth() / original.width();
    }

    /** Decoded pixels per original pixel, vertically (1 when not reduced). */
    public double scaleY() {
        return (double) image.getHeight() / original.height();
    }

    /** The size of the decoded image. */
    public ImageSize decodedSize() {
        return new ImageSize(image.getWidth(), image.getHeight());
    }
}
