package dev.winnow.media;

/** Width and height of an image in pixels. */
public record ImageSize(int width, int height) {
    public ImageSize {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(
                    "An image must be at least 1x1 pixels, but was " + width + "x" + height + ".");
        }
    }

    public long pixelCount() {
        return (long) width * height;
    }
}
