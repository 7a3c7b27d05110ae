package dev.winnow.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.format.BoundingBox;
import dev.winnow.format.Category;
import dev.winnow.format.Keypoints;
import dev.winnow.format.PredictionFile;
import dev.winnow.format.RleMask;
import dev.winnow.format.Singleton;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import dev.winnow.media.ImageSize;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ThumbnailRendererTest {
    static final List<Category> CATEGORIES = List.of(Category.of(0, "cat"), Category.of(1, "dog"));

    static BufferedImage grey(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, 0x808080);
            }
        }
        return image;
    }

    static int distance(int rgb, Color c) {
        return Math.abs(((rgb >> 16) & 0xff) - c.getRed())
                + Math.abs(((rgb >> 8) & 0xff) - c.getGreen())
                + Math.abs((rgb & 0xff) - c.getBlue());
    }

    /**
     * Whether a pixel shows {@code c}: JPEG smears thin lines, so "at least twice as close to c as the grey
     * background".
     */
    static boolean shows(int rgb, Color c) {
        return distance(rgb, c) * 2 < distance(0x808080, c);
    }

    @Test
    void render_drawsBoxesMasksAndKeypointsScaledToTheThumbnail() throws Exception {
        // The image was decoded at half size (200x100 of a 400x200 original).
        ImageSize original = new ImageSize(400, 200);
        var detection = new ThumbnailRenderer.TaskPredictions(
                "det",
                new TaskSchema(TaskType.OBJECT_DETECTION, CATEGORIES),
                PredictionFile.of(
                        "a.png",
                        List.of(new Singleton.Detection(1, new BoundingBox(40, 80, 120, 100), 0.9, Optional.empty()))));
        boolean[] mask = new boolean[400 * 200];
        for (int y = 20; y < 60; y++) {
            for (int x = 300; x < 380; x++) {
                mask[y * 400 + x] = true;
            }
        }
        var segmentation = new ThumbnailRenderer.TaskPredictions(
                "seg",
                new TaskSchema(TaskType.SEMANTIC_SEGMENTATION, CATEGORIES),
                PredictionFile.of(
                        "a.png",
                        List.of(new Singleton.SemanticSegment(0, RleMask.encode(mask), 0.8, Optional.empty()))));
        var classification = new ThumbnailRenderer.TaskPredictions(
                "cls",
                new TaskSchema(TaskType.CLASSIFICATION, CATEGORIES),
                PredictionFile.of(
                        "a.png", List.of(new Singleton.Classification(0, OptionalDouble.of(0.75), Optional.empty()))));

        Thumbnail thumb = ThumbnailRenderer.render(
                "a.png", grey(200, 100), original, List.of(detection, segmentation, classification));

        assertThat(thumb.width()).isEqualTo(200);
        assertThat(thumb.height()).isEqualTo(100);
        assertThat(thumb.mimeType()).isEqualTo("image/jpeg");
        assertThat(thumb.caption()).isEqualTo("seg: cat 0.80 · cls: cat 0.75");
        BufferedImage drawn = ImageIO.read(new ByteArrayInputStream(thumb.bytes()));
        Color dog = Color.decode(HtmlReport.PALETTE.get(1));
        Color cat = Color.decode(HtmlReport.PALETTE.get(0));
        // The box's left edge at x = 40 / 2 = 20, halfway down it (y = 65).
        assertThat(shows(drawn.getRGB(20, 65), dog)).isTrue();
        // The mask's outline at x = 150 (300 / 2), inside at (170, 20), untouched grey outside both.
        assertThat(shows(drawn.getRGB(150, 20), cat)).isTrue();
        assertThat(distance(drawn.getRGB(170, 20), new Color(0x808080))).isGreaterThan(60);
        assertThat(distance(drawn.getRGB(100, 20), new Color(0x808080))).isLessThan(20);
    }

    @Test
    void render_drawsKeypointsAndTheirSkeleton() throws Exception {
        Category person = new Category(0, "person", null, List.of("a", "b"), List.of(new Category.SkeletonEdge(1, 2)));
        var keypoints = new ThumbnailRenderer.TaskPredictions(
                "kp",
                new TaskSchema(TaskType.KEYPOINT_DETECTION, List.of(person)),
                PredictionFile.of(
                        "a.png",
                        List.of(new Singleton.KeypointInstance(
                                0, Keypoints.of(20, 50, 1, 180, 50, 1), 0.9, Optional.empty(), Optional.empty()))));
        Thumbnail thumb =
                ThumbnailRenderer.render("a.png", grey(200, 100), new ImageSize(200, 100), List.of(keypoints));
        BufferedImage drawn = ImageIO.read(new ByteArrayInputStream(thumb.bytes()));
        Color colour = Color.decode(HtmlReport.PALETTE.get(0));
        assertThat(shows(drawn.getRGB(100, 50), colour)).isTrue(); // on the skeleton line
        assertThat(shows(drawn.getRGB(20, 50), colour)).isTrue(); // the keypoint itself
        assertThat(distance(drawn.getRGB(100, 80), new Color(0x808080))).isLessThan(20);
    }
}
