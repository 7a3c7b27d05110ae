package dev.winnow.media;

/**
 * The reduction factor shared by image and video decoding: the largest integer {@code s} such
 * that the image, keeping every {@code s}-th pixel (or averaging {@code s x s} blocks), is still at
 * least as large as the target. The reduced size is {@code ceil(width / s) x ceil(height / s)}.
 */
public final class Subsampling {
    private Subsampling() {}

    /** The factor for a target short side ({@code 0} = no reduction). */
    public static int forShortSide(ImageSize original, int targetShortSide) {
        if (targetShortSide < 0) {
            throw new IllegalArgumentException(
                    "The target short side must be 0 (full size) or more, but was " + targetShortSide + ".");
        }
        if (targetShortSide == 0) {
            return 1;
        }
        return Math.max(1, Math.min(original.width(), original.height()) / targetShortSide);
    }

    /** The factor for a target size: the reduced image is at least that wide and at least that high. */
    public static int forSize(ImageSize original, ImageSize target) {
        return Math.max(1, Math.min(original.width() / target.width(), original.height() / target.height()));
    }

    /** The size of {@code original} reduced by {@code factor}. */
    public static ImageSize reduced(ImageSize original, int factor) {
        return new ImageSize(ceilDiv(original.width(), factor), ceilDiv(original.height(), factor));
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
