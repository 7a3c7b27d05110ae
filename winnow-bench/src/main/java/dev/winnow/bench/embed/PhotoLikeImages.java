package dev.winnow.bench.embed;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

/**
 * Generates 640x480 JPEGs for the embedding benchmarks: a two-colour gradient, fine texture and a
 * dozen filled or outlined shapes, all drawn from a seed, so that JPEG decoding has real work and
 * no two images look alike. The same seed gives the same bytes.
 *
 * <p>{@code java -cp winnow-bench.jar dev.winnow.bench.embed.PhotoLikeImages COUNT DIR} writes
 * {@code DIR/img-00000.jpg ...}.
 */
public final class PhotoLikeImages {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;

    private PhotoLikeImages() {}

    /** Image number {@code index}. */
    public static BufferedImage image(int index) {
        Random random = new Random(1_000_003L * index + 17);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, randomColour(random), WIDTH, HEIGHT, randomColour(random)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 60));
            g.fillRect(random.nextInt(WIDTH), random.nextInt(HEIGHT), 2 + random.nextInt(6), 2 + random.nextInt(6));
        }
        g.setStroke(new BasicStroke(3));
        for (int i = 0; i < 12; i++) {
            int size = 30 + random.nextInt(120);
            g.setColor(randomColour(random));
            int x = random.nextInt(WIDTH);
            int y = random.nextInt(HEIGHT);
            if (random.nextBoolean()) {
                g.fillOval(x, y, size, size);
            } else {
                g.drawRect(x, y, size, size * 2 / 3);
            }
        }
        g.dispose();
        return image;
    }

    /** Image number {@code index} encoded as JPEG. */
    public static byte[] jpeg(int index) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image(index), "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Color randomColour(Random random) {
        return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: PhotoLikeImages COUNT DIR");
            System.exit(2);
        }
        int count = Integer.parseInt(args[0]);
        Path dir = Files.createDirectories(Path.of(args[1]));
        IntStream.range(0, count).parallel().forEach(i -> {
            try {
                Files.write(dir.resolve(String.format("img-%05d.jpg", i)), jpeg(i));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
