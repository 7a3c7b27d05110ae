package dev.winnow.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rect;

/**
 * Turns a decoded 4:2:0 picture into an RGB image reduced by an integer factor, in one pass over
 * the source pixels: each source pixel is converted (BT.601, limited range, as H.264 streams
 * without other signalling are) and added to its output pixel's sums, which are then averaged.
 * The sums are kept between frames, so a video of equal-sized frames allocates only the output
 * images. Not thread-safe: one instance per decoding pass.
 */
final class YuvFrameScaler {
    private int[] sumRed = new int[0];
    private int[] sumGreen = new int[0];
    private int[] sumBlue = new int[0];
    private int[] counts = new int[0];
    /** Output column of each source column, for the current width and factor. */
    private int[] outColumn = new int[0];
    private int outColumnFactor;

    /** The visible part of {@code picture} as RGB, reduced by {@code factor}. */
    BufferedImage toRgb(Picture picture, int factor) {
        ColorSpace color = picture.getColor();
        if (color != ColorSpace.YUV420 && color != ColorSpace.YUV420J) {
            throw new IllegalArgumentException("Only 4:2:0 pictures are converted, but this one is " + color + ".");
        }
        Rect crop = picture.getCrop();
        int x0 = crop == null ? 0 : crop.getX();
        int y0 = crop == null ? 0 : crop.getY();
        int width = picture.getCroppedWidth();
        int height = picture.getCroppedHeight();
        int outWidth = (width + factor - 1) / factor;
        int outHeight = (height + factor - 1) / factor;
        BufferedImage image = new BufferedImage(outWidth, outHeight, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();

        byte[] lumaPlane = picture.getPlaneData(0);
        byte[] uPlane = picture.getPlaneData(1);
        byte[] vPlane = picture.getPlaneData(2);
        int lumaStride = picture.getPlaneWidth(0);
        int chromaStride = picture.getPlaneWidth(1);
        if (factor == 1) {
            for (int y = 0; y < height; y++) {
                int sy = y + y0;
                int lumaRow = sy * lumaStride;
                int chromaRow = (sy >> 1) * chromaStride;
                int outRow = y * outWidth;
                for (int x = 0; x < width; x++) {
                    int sx = x + x0;
                    out[outRow + x] = rgb(lumaPlane[lumaRow + sx] + 128, uPlane[chromaRow + (sx >> 1)] + 128,
                            vPlane[chromaRow + (sx >> 1)] + 128);
                }
            }
            return image;
        }
        int outPixels = outWidth * outHeight;
        ensureCapacity(outPixels);
        java.util.Arrays.fill(sumRed, 0, outPixels, 0);
        java.util.Arrays.fill(sumGreen, 0, outPixels, 0);
        java.util.Arrays.fill(sumBlue, 0, outPixels, 0);
        java.util.Arrays.fill(counts, 0, outPixels, 0);
        if (outColumn.length != width || outColumnFactor != factor) {
            outColumn = new int[width];
            for (int x = 0; x < width; x++) {
                outColumn[x] = x / factor;
            }
            outColumnFactor = factor;
        }
        for (int y = 0; y < height; y++) {
            int sy = y + y0;
            int lumaRow = sy * lumaStride;
            int chromaRow = (sy >> 1) * chromaStride;
            int outRow = (y / factor) * outWidth;
            for (int x = 0; x < width; x++) {
                int sx = x + x0;
                int rgb = rgb(lumaPlane[lumaRow + sx] + 128, uPlane[chromaRow + (sx >> 1)] + 128, vPlane[chromaRow + (sx >> 1)] + 128);
                int o = outRow + outColumn[x];
                sumRed[o] += rgb >>> 16;
                sumGreen[o] += (rgb >>> 8) & 0xFF;
                sumBlue[o] += rgb & 0xFF;
                counts[o]++;
            }
        }
        for (int o = 0; o < outPixels; o++) {
            int n = counts[o];
            int half = n >> 1;
            out[o] = ((sumRed[o] + half) / n) << 16 | ((sumGreen[o] + half) / n) << 8 | ((sumBlue[o] + half) / n);
        }
        return image;
    }

    private void ensureCapacity(int pixels) {
        if (sumRed.length < pixels) {
            sumRed = new int[pixels];
            sumGreen = new int[pixels];
            sumBlue = new int[pixels];
            counts = new int[pixels];
        }
    }

    /** BT.601 limited-range YCbCr to packed RGB, in 8.8 fixed point. */
    static int rgb(int luma, int cb, int cr) {
        int c = 298 * (luma - 16) + 128;
        int d = cb - 128;
        int e = cr - 128;
        int red = clamp((c + 409 * e) >> 8);
        int green = clamp((c - 100 * d - 208 * e) >> 8);
        int blue = clamp((c + 516 * d) >> 8);
        return red << 16 | green << 8 | blue;
    }

    private static int clamp(int value) {
        return value < 0 ? 0 : Math.min(value, 255);
    }
}
