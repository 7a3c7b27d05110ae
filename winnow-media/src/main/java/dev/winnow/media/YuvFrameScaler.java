package dev.winnow.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
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
    private int[] redTerm = new int[0];
    private int[] greenTerm = new int[0];
    private int[] blueTerm = new int[0];
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
        // The chroma terms of rgb() depend on the chroma sample only, which two source rows and two
        // source columns share: computed once per chroma row, they leave one multiply per pixel.
        int chromaWidth = ((x0 + width - 1) >> 1) + 1;
        ensureChroma(chromaWidth);
        int lastChromaRow = -1;
        if (factor == 1) {
            for (int y = 0; y < height; y++) {
                int sy = y + y0;
                int lumaRow = sy * lumaStride;
                if ((sy >> 1) != lastChromaRow) {
                    lastChromaRow = sy >> 1;
                    chromaTerms(uPlane, vPlane, lastChromaRow * chromaStride, x0 >> 1, chromaWidth);
                }
                int outRow = y * outWidth;
                for (int x = 0; x < width; x++) {
                    int sx = x + x0;
                    int c = 298 * (lumaPlane[lumaRow + sx] + 128 - 16) + 128;
                    int k = sx >> 1;
                    out[outRow + x] = clamp((c + redTerm[k]) >> 8) << 16
                            | clamp((c + greenTerm[k]) >> 8) << 8
                            | clamp((c + blueTerm[k]) >> 8);
                }
            }
            return image;
        }
        int outPixels = outWidth * outHeight;
        ensureCapacity(outPixels);
        Arrays.fill(sumRed, 0, outPixels, 0);
        Arrays.fill(sumGreen, 0, outPixels, 0);
        Arrays.fill(sumBlue, 0, outPixels, 0);
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
            if ((sy >> 1) != lastChromaRow) {
                lastChromaRow = sy >> 1;
                chromaTerms(uPlane, vPlane, lastChromaRow * chromaStride, x0 >> 1, chromaWidth);
            }
            int outRow = (y / factor) * outWidth;
            for (int x = 0; x < width; x++) {
                int sx = x + x0;
                int c = 298 * (lumaPlane[lumaRow + sx] + 128 - 16) + 128;
                int k = sx >> 1;
                int o = outRow + outColumn[x];
                sumRed[o] += clamp((c + redTerm[k]) >> 8);
                sumGreen[o] += clamp((c + greenTerm[k]) >> 8);
                sumBlue[o] += clamp((c + blueTerm[k]) >> 8);
            }
        }
        // Each output pixel averages a factor x factor block, smaller at the right and bottom edges.
        for (int oy = 0; oy < outHeight; oy++) {
            int rows = Math.min(factor, height - oy * factor);
            for (int ox = 0; ox < outWidth; ox++) {
                int n = rows * Math.min(factor, width - ox * factor);
                int half = n >> 1;
                int o = oy * outWidth + ox;
                out[o] = ((sumRed[o] + half) / n) << 16 | ((sumGreen[o] + half) / n) << 8 | ((sumBlue[o] + half) / n);
            }
        }
        return image;
    }

    /** The red, green and blue chroma terms of rgb() for chroma samples {@code from} to {@code to - 1} of one row. */
    private void chromaTerms(byte[] uPlane, byte[] vPlane, int rowStart, int from, int to) {
        for (int k = from; k < to; k++) {
            int d = uPlane[rowStart + k] + 128 - 128;
            int e = vPlane[rowStart + k] + 128 - 128;
            redTerm[k] = 409 * e;
            greenTerm[k] = -100 * d - 208 * e;
            blueTerm[k] = 516 * d;
        }
    }

    private void ensureChroma(int samples) {
        if (redTerm.length < samples) {
            redTerm = new int[samples];
            greenTerm = new int[samples];
            blueTerm = new int[samples];
        }
    }

    private void ensureCapacity(int pixels) {
        if (sumRed.length < pixels) {
            sumRed = new int[pixels];
            sumGreen = new int[pixels];
            sumBlue = new int[pixels];
        }
    }

    /** BT.601 limited-range YCbCr to packed RGB, in 8.8 fixed point; the loops of toRgb compute the same per pixel. */
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
