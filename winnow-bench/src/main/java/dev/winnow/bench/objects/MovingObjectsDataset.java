package dev.winnow.bench.objects;

import dev.winnow.format.BoundingBox;
import dev.winnow.format.Category;
import dev.winnow.format.FrameName;
import dev.winnow.format.PredictionFile;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.Singleton;
import dev.winnow.format.TaskList;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import dev.winnow.format.io.PredictionWriter;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.jcodec.api.awt.AWTSequenceEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Rational;

/**
 * Generates the data of the video benchmarks of a run: 640x480 H.264 MP4 clips ({@value #CLIP_FRAMES}
 * frames at most each, {@code N} frames in all) showing three to five coloured rectangles that move
 * across a textured gradient, and an object-detection task {@value #TASK} whose per-frame prediction
 * files give every rectangle's exact box, its category and a score. Beside the data it writes
 * {@value #FRAMES_CONFIG} (frames as samples: diversity on the built-in embeddings, 10% of the
 * frames) and {@value #OBJECTS_CONFIG} (object level on {@value #TASK}, padding 0.1: diversity and a
 * uniform balance of the crops' categories, 10% of the crops).
 *
 * <p>{@code java -cp winnow-bench.jar dev.winnow.bench.objects.MovingObjectsDataset N DIR [SEED]}
 * prints the number of videos, frames and boxes. The same N and seed give the same bytes.
 */
public final class MovingObjectsDataset {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;
    /** Frames per clip at most; longer runs are split over several clips. */
    public static final int CLIP_FRAMES = 150;

    public static final String TASK = "objects";
    public static final List<String> CATEGORIES = List.of("car", "person", "sign");
    public static final String FRAMES_CONFIG = "run-frames.json";
    public static final String OBJECTS_CONFIG = "run-objects.json";
    /** Box sides lie in this range, in pixels. */
    static final int MIN_SIDE = 20;

    static final int MAX_SIDE = 200;
    private static final Color[] CATEGORY_COLOURS = {
        new Color(210, 30, 30), new Color(30, 180, 40), new Color(30, 60, 220)
    };

    /** What was generated. */
    public record Summary(int videos, int frames, int boxes, int framesSelected, int cropsSelected) {}

    /** One rectangle of a clip: where it starts, how it moves per frame, its size and category. */
    record MovingObject(int category, int width, int height, double x0, double y0, double vx, double vy, Color colour) {
        /** Its box in frame {@code t}: moving in a straight line and bouncing off the frame's edges. */
        BoundingBox box(int t) {
            return new BoundingBox(
                    bounce(x0 + vx * t, WIDTH - width), bounce(y0 + vy * t, HEIGHT - height), width, height);
        }

        private static int bounce(double position, int range) {
            double period = 2.0 * range;
            double p = ((position % period) + period) % period;
            return (int) Math.round(p <= range ? p : period - p);
        }
    }

    /** One clip: its file name, frame count, background seed and rectangles. */
    record Clip(String video, int frames, long backgroundSeed, List<MovingObject> objects) {
        FrameName frame(int t) {
            return FrameName.of(video, t, frames);
        }
    }

    private MovingObjectsDataset() {}

    /** The clips of an {@code n}-frame dataset: as few as {@link #CLIP_FRAMES} allows, frames spread evenly. */
    static List<Clip> clips(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("The dataset needs at least 1 frame, but " + n + " were asked for.");
        }
        int count = (n + CLIP_FRAMES - 1) / CLIP_FRAMES;
        Random random = new Random(seed);
        List<Clip> clips = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            int frames = n / count + (c < n % count ? 1 : 0);
            int objectCount = 3 + random.nextInt(3);
            List<MovingObject> objects = new ArrayList<>(objectCount);
            for (int o = 0; o < objectCount; o++) {
                int category = random.nextInt(CATEGORIES.size());
                int width = MIN_SIDE + random.nextInt(MAX_SIDE - MIN_SIDE + 1);
                int height = MIN_SIDE + random.nextInt(MAX_SIDE - MIN_SIDE + 1);
                Color base = CATEGORY_COLOURS[category];
                // A little variation per object, so crops of one category are alike but not identical.
                Color colour = new Color(
                        shade(base.getRed(), random), shade(base.getGreen(), random), shade(base.getBlue(), random));
                objects.add(new MovingObject(
                        category,
                        width,
                        height,
                        random.nextInt(WIDTH - width + 1),
                        random.nextInt(HEIGHT - height + 1),
                        -6 + 12 * random.nextDouble(),
                        -4 + 8 * random.nextDouble(),
                        colour));
            }
            clips.add(new Clip(
                    String.format(Locale.ROOT, "videos/clip%d.mp4", c + 1), frames, random.nextLong(), objects));
        }
        return clips;
    }

    private static int shade(int channel, Random random) {
        return Math.max(0, Math.min(255, channel - 20 + random.nextInt(41)));
    }

    /** Frame {@code t} of {@code clip}: its background with every rectangle at its box of that frame. */
    static BufferedImage frame(Clip clip, int t) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(60, 110, 150), WIDTH, HEIGHT, new Color(190, 170, 110)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        Random texture = new Random(clip.backgroundSeed());
        for (int i = 0; i < 300; i++) { // fine texture, so the encoder and the embedder have detail to work on
            g.setColor(new Color(texture.nextInt(256), texture.nextInt(256), texture.nextInt(256), 70));
            g.fillRect(texture.nextInt(WIDTH), texture.nextInt(HEIGHT), 2 + texture.nextInt(8), 2 + texture.nextInt(8));
        }
        for (MovingObject object : clip.objects()) {
            BoundingBox box = object.box(t);
            g.setColor(object.colour());
            g.fillRect((int) box.x(), (int) box.y(), (int) box.width(), (int) box.height());
            g.setColor(object.colour().darker());
            g.drawRect((int) box.x() + 3, (int) box.y() + 3, (int) box.width() - 7, (int) box.height() - 7);
        }
        g.dispose();
        return image;
    }

    /** The prediction file of frame {@code t}: one box per rectangle, with a score drawn from the frame's seed. */
    static PredictionFile predictions(Clip clip, int t) {
        Random scores = new Random(clip.backgroundSeed() * 31 + t);
        List<Singleton> boxes = new ArrayList<>(clip.objects().size());
        for (MovingObject object : clip.objects()) {
            double score = Math.round((0.3 + 0.69 * scores.nextDouble()) * 1000) / 1000.0;
            boxes.add(new Singleton.Detection(object.category(), object.box(t), score, Optional.empty()));
        }
        return PredictionFile.of(clip.frame(t).sampleName(), boxes);
    }

    /** Writes the clips, the task and both run configurations for {@code n} frames into {@code dir}. */
    public static Summary generate(int n, Path dir, long seed) throws IOException {
        List<Clip> clips = clips(n, seed);
        Path task = dir.resolve(PredictionsLayout.ROOT).resolve(TASK);
        Files.createDirectories(task);
        Files.write(dir.resolve(PredictionsLayout.TASKS_FILE), PredictionWriter.toBytes(new TaskList(List.of(TASK))));
        List<Category> categories = IntStream.range(0, CATEGORIES.size())
                .mapToObj(c -> Category.of(c, CATEGORIES.get(c)))
                .toList();
        Files.write(
                task.resolve(PredictionsLayout.SCHEMA),
                PredictionWriter.toBytes(new TaskSchema(TaskType.OBJECT_DETECTION, categories)));
        int boxes = 0;
        for (Clip clip : clips) {
            Files.createDirectories(task.resolve(clip.video()).getParent());
            for (int t = 0; t < clip.frames(); t++) {
                Files.write(
                        task.resolve(clip.frame(t).predictionPath()), PredictionWriter.toBytes(predictions(clip, t)));
            }
            boxes += clip.frames() * clip.objects().size();
        }
        try {
            clips.parallelStream().forEach(clip -> {
                try {
                    writeVideo(clip, dir.resolve(clip.video()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        int framesSelected = tenPercent(n);
        int cropsSelected = tenPercent(boxes);
        Files.writeString(dir.resolve(FRAMES_CONFIG), framesConfig(framesSelected));
        Files.writeString(dir.resolve(OBJECTS_CONFIG), objectsConfig(cropsSelected));
        return new Summary(clips.size(), n, boxes, framesSelected, cropsSelected);
    }

    static int tenPercent(int count) {
        return Math.max(1, (int) Math.round(count * 0.1));
    }

    static String framesConfig(int samples) {
        return """
                {
                  "selection": {
                    "n_samples": %d,
                    "strategies": [
                      {"input": {"type": "EMBEDDINGS"}, "strategy": {"type": "DIVERSITY"}}
                    ]
                  },
                  "embeddings": {"model": "builtin"},
                  "seed": 1
                }
                """.formatted(samples);
    }

    static String objectsConfig(int samples) {
        return """
                {
                  "selection": {
                    "n_samples": %d,
                    "strategies": [
                      {"input": {"type": "EMBEDDINGS", "task": "%s"}, "strategy": {"type": "DIVERSITY"}},
                      {"input": {"type": "PREDICTIONS", "task": "%s", "name": "CATEGORY_COUNT"},
                       "strategy": {"type": "BALANCE", "distribution": "UNIFORM"}}
                    ]
                  },
                  "object_level": {"task_name": "%s", "padding": 0.1},
                  "embeddings": {"model": "builtin"},
                  "seed": 1
                }
                """.formatted(samples, TASK, TASK, TASK);
    }

    /** Encodes the clip as H.264 at 25 frames per second under a temporary name, then renames it into place. */
    static void writeVideo(Clip clip, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (SeekableByteChannel out = NIOUtils.writableChannel(temp.toFile())) {
            AWTSequenceEncoder encoder = new AWTSequenceEncoder(out, Rational.R(25, 1));
            for (int t = 0; t < clip.frames(); t++) {
                encoder.encodeImage(frame(clip, t));
            }
            encoder.finish();
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: MovingObjectsDataset FRAMES DIR [SEED]");
            System.exit(2);
        }
        int n;
        long seed;
        try {
            n = Integer.parseInt(args[0]);
            seed = args.length == 3 ? Long.parseLong(args[2]) : 42;
        } catch (NumberFormatException e) {
            System.err.println("MovingObjectsDataset: FRAMES and SEED must be whole numbers, but got "
                    + String.join(" ", args) + ".");
            System.exit(2);
            return;
        }
        if (n < 1) {
            System.err.println("MovingObjectsDataset: FRAMES must be at least 1, but was " + n + ".");
            System.exit(2);
        }
        Summary summary = generate(n, Path.of(args[1]), seed);
        System.out.printf(
                Locale.ROOT,
                "videos=%d frames=%d boxes=%d frames_selected=%d crops_selected=%d%n",
                summary.videos(),
                summary.frames(),
                summary.boxes(),
                summary.framesSelected(),
                summary.cropsSelected());
    }
}
