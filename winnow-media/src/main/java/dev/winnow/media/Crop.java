package dev.winnow.media;

import dev.winnow.format.BoundingBox;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Cuts the pixels of one detected object out of a decoded image or frame. Box coordinates are
 * in original-image pixels (as predictions give them) even when the decoded image is reduced.
 *
 * <p>{@code padding} enlarges the box's width and height by that fraction, half on each side
 * (0.1 turns a 100x50 box into 110x55 around the same centre); the result is clipped to the image.
 * In decoded pixels the crop covers every pixel the box touches (outer edges rounded outwards).
 *
 * <pre>{@code
 * BufferedImage object = Crop.cut(decoded, new BoundingBox(10, 20, 100, 50), 0.1);
 * }</pre>
 */
public final class Crop {
    private Crop() {}

    /** The padded box, clipped to the original image, in original pixels. */
    public static BoundingBox paddedBox(BoundingBox box, double padding, ImageSize original) {
        if (!(padding >= 0) || Double.isInfinite(padding)) {
            throw new IllegalArgumentException(
                    "The crop padding must be a fraction of 0 or more, but was " + padding + ".");
        }
        double width = box.width() * (1 + padding);
        double height = box.height() * (1 + padding);
        double x0 = Math.max(0, box.x() - box.width() * padding / 2);
        double y0 = Math.max(0, box.y() - box.height() * padding / 2);
        double x1 = Math.min(original.width(), box.x() - box.width() * padding / 2 + width);
        double y1 = Math.min(original.height(), box.y() - box.height() * padding / 2 + height);
        if (!(x1 > x0 && y1 > y0)) {
            throw new IllegalArgumentException(
                    "The box [" + box.x() + ", " + box.y() + ", " + box.width() + ", " + box.height()
                            + "] has no area inside the " + original.width() + "x" + original.height() + " image.");
        }
        return new BoundingBox(x0, y0, x1 - x0, y1 - y0);
    }

    /** The rectangle of decoded pixels a crop takes from {@code image}. */
    public static Rectangle region(BufferedImage image, BoundingBox box, double padding, ImageSize original) {
        BoundingBox padded = paddedBox(box, padding, original);
        double scaleX = (double) image.getWidth() / original.width();
        double scaleY = (double) image.getHeight() / original.height();
        int x0 = clamp((int) Math.floor(padded.x() * scaleX), image.getWidth() - 1);
        int y0 = clamp((int) Math.floor(padded.y() * scaleY), image.getHeight() - 1);
        int x1 = clamp((int) Math.ceil((padded.x() + padded.width()) * scaleX), image.getWidth());
        int y1 = clamp((int) Math.ceil((padded.y() + padded.height()) * scaleY), image.getHeight());
        return new Rectangle(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
    }

    /**
     * The pixels of {@code box} enlarged by {@code padding}, from {@code image}, which shows the
     * original image of size {@code original} (possibly reduced). A new TYPE_INT_RGB image that
     * shares nothing with {@code image}.
     */
    public static BufferedImage cut(BufferedImage image, BoundingBox box, double padding, ImageSize original) {
        Rectangle region = region(image, box, padding, original);
        BufferedImage crop = new BufferedImage(region.width, region.height, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) crop.getRaster().getDataBuffer()).getData();
        image.getRGB(region.x, region.y, region.width, region.height, out, 0, region.width);
        for (int i = 0; i < out.length; i++) {
            out[i] &= 0xFFFFFF;
        }
        return crop;
    }

    /** {@link #cut(BufferedImage, BoundingBox, double, ImageSize)} on a decoded image or frame. */
    public static BufferedImage cut(DecodedImage image, BoundingBox box, double padding) {
        return cut(image.image(), box, padding, image.original());
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(value, max));
    }
}
