package dev.winnow.embed;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Altered copies of an image, as a photo collection would hold them: flipped, cropped, recoloured, re-encoded. */
final class ImageVariants {

    private ImageVariants() {}

    static BufferedImage rgb(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    static BufferedImage mirrored(BufferedImage image) {
        BufferedImage in = rgb(image);
        int width = in.getWidth();
        BufferedImage out = new BufferedImage(width, in.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < in.getHeight(); y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(width - 1 - x, y, in.getRGB(x, y));
            }
        }
        return out;
    }

    /**
     * A crop of {@code fraction} of each side, placed at {@code (alongX, alongY)} of the free margin (0 = left/top, 1 =
     * right/bottom).
     */
    static BufferedImage cropped(BufferedImage image, double fraction, double alongX, double alongY) {
        int width = (int) (image.getWidth() * fraction);
        int height = (int) (image.getHeight() * fraction);
        int x = (int) ((image.getWidth() - width) * alongX);
        int y = (int) ((image.getHeight() - height) * alongY);
        return rgb(image.getSubimage(x, y, width, height));
    }

    /** Every channel scaled by {@code gain}, then shifted by the given offsets, clamped to 0-255. */
    static BufferedImage recoloured(BufferedImage image, float gain, int red, int green, int blue) {
        BufferedImage out = rgb(image);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int p = out.getRGB(x, y);
                int r = clamp(Math.round(((p >> 16) & 255) * gain) + red);
                int g = clamp(Math.round(((p >> 8) & 255) * gain) + green);
                int b = clamp(Math.round((p & 255) * gain) + blue);
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    static BufferedImage scaled(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    /** Encoded as JPEG at {@code quality} (0-1) and decoded again. */
    static BufferedImage reencoded(BufferedImage image, float quality) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(rgb(image), null, null), param);
        } finally {
            writer.dispose();
        }
        return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
    }

    static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}
