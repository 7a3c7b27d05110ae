package dev.winnow.bench.media;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;
import javax.imageio.ImageIO;
import org.jcodec.api.awt.AWTSequenceEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Rational;

/**
 * Generates the images and videos the media benchmarks read: a 640x480 scene of a gradient and
 * shapes with some texture (so JPEG and H.264 have real work, unlike flat colour), and an H.264
 * MP4 of such scenes with the shapes moving. Seeded, so every run reads the same bytes.
 *
 * <p>{@code java -cp winnow-bench.jar dev.winnow.bench.media.SyntheticMedia video OUT.mp4 FRAMES}
 * <br>{@code java -cp winnow-bench.jar dev.winnow.bench.media.SyntheticMedia image OUT.jpg}
 */
public final class SyntheticMedia {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;

    private SyntheticMedia() {}

    /** Frame {@code t} of the scene: the same background, shapes displaced by {@code t}. */
    public static BufferedImage scene(int t, long seed) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(40, 90, 160), WIDTH, HEIGHT, new Color(200, 180, 90)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        Random random = new Random(seed);
        for (int i = 0; i < 400; i++) { // fine texture
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 60));
            g.fillRect(random.nextInt(WIDTH), random.nextInt(HEIGHT), 2 + random.nextInt(6), 2 + random.nextInt(6));
        }
        g.setStroke(new BasicStroke(3));
        for (int i = 0; i < 12; i++) {
            int x = Math.floorMod(random.nextInt(WIDTH) + t * (2 + i % 5), WIDTH);
            int y = Math.floorMod(random.nextInt(HEIGHT) + t * (1 + i % 3), HEIGHT);
            int size = 30 + random.nextInt(90);
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            if (i % 2 == 0) {
                g.fillOval(x, y, size, size);
            } else {
                g.drawRect(x, y, size, size * 2 / 3);
            }
        }
        g.dispose();
        return image;
    }

    /** Writes a JPEG of the scene. */
    public static void writeImage(Path file, long seed) throws IOException {
        ImageIO.write(scene(0, seed), "jpeg", file.toFile());
    }

    /** Writes an H.264 MP4 of {@code frames} frames of the moving scene at 25 frames per second. */
    public static void writeVideo(Path file, int frames, long seed) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (SeekableByteChannel out = NIOUtils.writableChannel(temp.toFile())) {
            AWTSequenceEncoder encoder = new AWTSequenceEncoder(out, Rational.R(25, 1));
            for (int t = 0; t < frames; t++) {
                encoder.encodeImage(scene(t, seed));
            }
            encoder.finish();
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 3 && args[0].equals("video")) {
            writeVideo(Path.of(args[1]), Integer.parseInt(args[2]), 42);
        } else if (args.length == 2 && args[0].equals("image")) {
            writeImage(Path.of(args[1]), 42);
        } else {
            System.err.println("usage: SyntheticMedia video OUT.mp4 FRAMES | SyntheticMedia image OUT.jpg");
            System.exit(2);
        }
    }
}
