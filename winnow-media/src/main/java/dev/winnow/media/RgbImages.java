package dev.winnow.media;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;

/**
 * Brings whatever ImageIO decoded into {@link BufferedImage#TYPE_INT_RGB}, the one layout the rest
 * of Winnow reads. Alpha is dropped (the colour channels are kept as stored, not blended onto a
 * background), and grey images copy their sample values straight into R, G and B: going through
 * Java's colour management would apply the linear grey space's gamma and brighten them.
 */
final class RgbImages {
    private RgbImages() {}

    static BufferedImage toIntRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        int width = image.getWidth();
        int height = image.getHeight();
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        boolean grey = image.getColorModel().getColorSpace().getNumComponents() == 1;
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            // What the JPEG reader gives for colour photos: the bytes copied as they are, which is what
            // drawing the image would do, without Java2D's set-up for a few thousand pixels.
            byte[] row = new byte[3 * width];
            for (int y = 0; y < height; y++) {
                raster.getDataElements(0, y, width, 1, row); // red, green, blue per pixel, in band order
                for (int x = 0, i = 0; x < width; x++, i += 3) {
                    out[y * width + x] = (row[i] & 0xFF) << 16 | (row[i + 1] & 0xFF) << 8 | (row[i + 2] & 0xFF);
                }
            }
        } else if (grey && (bands == 1 || bands == 2)) {
            int bits = image.getColorModel().getComponentSize(0);
            int shift = Math.max(0, bits - 8);
            int[] row = new int[width];
            for (int y = 0; y < height; y++) {
                raster.getSamples(0, y, width, 1, 0, row);
                for (int x = 0; x < width; x++) {
                    int v = bits < 8 ? row[x] * 255 / ((1 << bits) - 1) : row[x] >> shift;
                    out[y * width + x] = v << 16 | v << 8 | v;
                }
            }
        } else if (image.getColorModel().hasAlpha()) {
            int[] row = new int[width];
            for (int y = 0; y < height; y++) {
                image.getRGB(0, y, width, 1, row, 0, width);
                for (int x = 0; x < width; x++) {
                    out[y * width + x] = row[x] & 0xFFFFFF;
                }
            }
        } else {
            Graphics2D g = rgb.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        return rgb;
    }
}
