package dev.winnow.report;

import dev.winnow.format.BoundingBox;
import dev.winnow.format.Category;
import dev.winnow.format.Keypoints;
import dev.winnow.format.PredictionFile;
import dev.winnow.format.RleMask;
import dev.winnow.format.Singleton;
import dev.winnow.format.TaskSchema;
import dev.winnow.media.ImageSize;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws a sample's predictions onto a small copy of its image: boxes with their class and score,
 * segmentation masks as translucent fills, keypoints with their skeleton, and classifications in the
 * caption. Prediction coordinates are in original pixels and are scaled to the thumbnail.
 *
 * <p>Stateless and thread-safe.
 */
public final class ThumbnailRenderer {
    /** The longest side of a thumbnail in pixels. */
    public static final int MAX_SIDE = 320;

    private ThumbnailRenderer() {}

    /** One task's predictions for the sample. */
    public record TaskPredictions(String task, TaskSchema schema, PredictionFile predictions) {}

    /**
     * The thumbnail of {@code sample}: {@code image} (possibly decoded at reduced size) of an
     * original of {@code original} pixels, with {@code predictions} drawn.
     */
    public static Thumbnail render(
            String sample, BufferedImage image, ImageSize original, List<TaskPredictions> predictions)
            throws IOException {
        double fit = Math.min(1.0, MAX_SIDE / (double) Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * fit));
        int h = Math.max(1, (int) Math.round(image.getHeight() * fit));
        BufferedImage thumb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = thumb.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.drawImage(image, 0, 0, w, h, null);
            double sx = w / (double) original.width();
            double sy = h / (double) original.height();
            List<String> caption = new ArrayList<>();
            for (TaskPredictions task : predictions) {
                for (Singleton s : task.predictions().predictions()) {
                    draw(g, thumb, s, task.schema(), original, sx, sy, caption, task.task());
                }
            }
            return new Thumbnail(sample, "image/jpeg", jpeg(thumb), w, h, String.join(" · ", caption));
        } finally {
            g.dispose();
        }
    }

    private static void draw(
            Graphics2D g,
            BufferedImage thumb,
            Singleton s,
            TaskSchema schema,
            ImageSize original,
            double sx,
            double sy,
            List<String> caption,
            String task) {
        int index = Math.max(0, schema.indexOf(s.categoryId()));
        Color colour = Color.decode(HtmlReport.PALETTE.get(index % HtmlReport.PALETTE.size()));
        String name = schema.category(s.categoryId()).map(Category::name).orElse("#" + s.categoryId());
        String label = s.optionalScore().isPresent()
                ? name + " " + ReportNumbers.score(s.optionalScore().getAsDouble())
                : name;
        if (s instanceof Singleton.Classification) {
            caption.add(task + ": " + label);
        } else if (s instanceof Singleton.Detection d) {
            box(g, d.bbox(), sx, sy, colour, label);
        } else if (s instanceof Singleton.SemanticSegment m) {
            mask(thumb, m.segmentation(), original, colour);
            caption.add(task + ": " + label);
        } else if (s instanceof Singleton.InstanceSegment i) {
            mask(thumb, i.segmentation(), original, colour);
            box(g, i.bbox(), sx, sy, colour, label);
        } else if (s instanceof Singleton.KeypointInstance k) {
            k.bbox().ifPresent(b -> box(g, b, sx, sy, colour, label));
            keypoints(
                    g,
                    k.keypoints(),
                    schema.category(k.categoryId()).map(Category::skeleton).orElse(List.of()),
                    sx,
                    sy,
                    colour);
        }
    }

    private static void box(Graphics2D g, BoundingBox b, double sx, double sy, Color colour, String label) {
        int x = (int) Math.round(b.x() * sx);
        int y = (int) Math.round(b.y() * sy);
        int w = (int) Math.round(b.width() * sx);
        int h = (int) Math.round(b.height() * sy);
        g.setStroke(new BasicStroke(2f));
        g.setColor(colour);
        g.drawRect(x, y, w, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
        int tw = g.getFontMetrics().stringWidth(label) + 6;
        int ty = y >= 14 ? y - 14 : y;
        g.fillRect(x, ty, tw, 14);
        g.setColor(Color.WHITE);
        g.drawString(label, x + 3, ty + 11);
    }

    /** Blends the mask's set pixels with the colour, sampling the original-size mask at each thumbnail pixel. */
    private static void mask(BufferedImage thumb, RleMask rle, ImageSize original, Color colour) {
        if (rle.pixelCount() != original.pixelCount()) {
            return; // an invalid mask was already reported by validation; draw nothing rather than garbage
        }
        boolean[] mask = rle.decode((int) original.pixelCount());
        int w = thumb.getWidth();
        int h = thumb.getHeight();
        // Sample the full-size mask at each thumbnail pixel, then fill translucently and outline in full colour.
        boolean[] small = new boolean[w * h];
        for (int ty = 0; ty < h; ty++) {
            int oy = Math.min(original.height() - 1, (int) ((ty + 0.5) * original.height() / h));
            for (int tx = 0; tx < w; tx++) {
                int ox = Math.min(original.width() - 1, (int) ((tx + 0.5) * original.width() / w));
                small[ty * w + tx] = mask[oy * original.width() + ox];
            }
        }
        int r = colour.getRed();
        int gr = colour.getGreen();
        int b = colour.getBlue();
        for (int ty = 0; ty < h; ty++) {
            for (int tx = 0; tx < w; tx++) {
                int i = ty * w + tx;
                if (!small[i]) {
                    continue;
                }
                boolean edge = isEdge(small, w, h, tx, ty);
                if (edge) {
                    thumb.setRGB(tx, ty, colour.getRGB() & 0xffffff);
                } else {
                    int rgb = thumb.getRGB(tx, ty);
                    int nr = (((rgb >> 16) & 0xff) * 13 + r * 7) / 20;
                    int ng = (((rgb >> 8) & 0xff) * 13 + gr * 7) / 20;
                    int nb = ((rgb & 0xff) * 13 + b * 7) / 20;
                    thumb.setRGB(tx, ty, (nr << 16) | (ng << 8) | nb);
                }
            }
        }
    }

    /** Whether a mask pixel lies within 2 pixels of the mask's border, so the outline is 2 pixels wide. */
    private static boolean isEdge(boolean[] mask, int w, int h, int x, int y) {
        for (int d = 1; d <= 2; d++) {
            if (x - d < 0
                    || y - d < 0
                    || x + d >= w
                    || y + d >= h
                    || !mask[y * w + x - d]
                    || !mask[y * w + x + d]
                    || !mask[(y - d) * w + x]
                    || !mask[(y + d) * w + x]) {
                return true;
            }
        }
        return false;
    }

    private static void keypoints(
            Graphics2D g, Keypoints k, List<Category.SkeletonEdge> skeleton, double sx, double sy, Color colour) {
        g.setStroke(new BasicStroke(2f));
        g.setColor(colour);
        for (Category.SkeletonEdge e : skeleton) {
            int a = e.from() - 1;
            int b = e.to() - 1;
            if (a >= 0 && b >= 0 && a < k.count() && b < k.count() && k.confidence(a) > 0 && k.confidence(b) > 0) {
                g.drawLine(
                        (int) Math.round(k.x(a) * sx),
                        (int) Math.round(k.y(a) * sy),
                        (int) Math.round(k.x(b) * sx),
                        (int) Math.round(k.y(b) * sy));
            }
        }
        for (int i = 0; i < k.count(); i++) {
            if (k.confidence(i) <= 0) {
                continue;
            }
            int x = (int) Math.round(k.x(i) * sx);
            int y = (int) Math.round(k.y(i) * sy);
            g.setColor(Color.WHITE);
            g.fillOval(x - 4, y - 4, 8, 8);
            g.setColor(colour);
            g.fillOval(x - 3, y - 3, 6, 6);
        }
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
