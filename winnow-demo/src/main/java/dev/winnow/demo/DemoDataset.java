package dev.winnow.demo;

import dev.winnow.datasource.AtomicWrite;
import dev.winnow.datasource.LocalTrees;
import dev.winnow.format.BoundingBox;
import dev.winnow.format.Category;
import dev.winnow.format.FrameName;
import dev.winnow.format.PredictionFile;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.Probabilities;
import dev.winnow.format.RleMask;
import dev.winnow.format.Singleton;
import dev.winnow.format.TaskList;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import dev.winnow.format.io.PredictionWriter;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.stream.IntStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jcodec.api.awt.AWTSequenceEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Rational;

/**
 * Generates the demo datasource: JPEG images of coloured circles, squares and triangles on varied
 * backgrounds, with the predictions a simulated model would make for three tasks — classification
 * of the largest shape ({@value #CLASSIFICATION}), detection of every shape ({@value #DETECTION})
 * and semantic segmentation by shape kind ({@value #SEGMENTATION}). The model is confident on most
 * images and uncertain on some (flat probabilities, loose or wrong boxes, spurious detections),
 * which is what active learning should find. Circles are common and triangles rare, which is what
 * class balancing should correct.
 *
 * <p>Deterministic for a given seed. Images go to {@code images/}, predictions to
 * {@code .lightly/predictions/}; the folder is marked with {@value #MARKER} so that a later
 * generation may replace it.
 */
public final class DemoDataset {
    public static final String CLASSIFICATION = "shape-class";
    public static final String DETECTION = "shapes";
    public static final String SEGMENTATION = "regions";
    /** The file that marks a folder as a generated demo. */
    public static final String MARKER = ".winnow-demo";
    /** The share of images the simulated model is uncertain about. */
    static final double UNCERTAIN_SHARE = 0.25;

    private DemoDataset() {}

    /** What was generated. */
    public record Generated(Path folder, int images, int uncertainImages) {}

    /**
     * Writes {@code count} images of {@code width} x {@code height} and their predictions into
     * {@code folder}, which must be empty, missing, or an earlier demo (which is replaced).
     */
    public static Generated generate(Path folder, int count, int width, int height, long seed) throws IOException {
        prepare(folder);
        List<Category> categories =
                List.of(Category.of(0, "circle"), Category.of(1, "square"), Category.of(2, "triangle"));
        Path predictions = folder.resolve(PredictionsLayout.ROOT);
        write(
                folder.resolve(PredictionsLayout.TASKS_FILE),
                PredictionWriter.toBytes(new TaskList(List.of(CLASSIFICATION, DETECTION, SEGMENTATION))));
        write(
                predictions.resolve(CLASSIFICATION + "/" + PredictionsLayout.SCHEMA),
                PredictionWriter.toBytes(new TaskSchema(TaskType.CLASSIFICATION, categories)));
        write(
                predictions.resolve(DETECTION + "/" + PredictionsLayout.SCHEMA),
                PredictionWriter.toBytes(new TaskSchema(TaskType.OBJECT_DETECTION, categories)));
        write(
                predictions.resolve(SEGMENTATION + "/" + PredictionsLayout.SCHEMA),
                PredictionWriter.toBytes(new TaskSchema(TaskType.SEMANTIC_SEGMENTATION, categories)));
        int digits = Integer.toString(count - 1).length();
        // Each image has its own generator derived from the seed, so images can be made in parallel
        // and still come out the same on every run.
        int[] uncertain = new int[count];
        try {
            IntStream.range(0, count).parallel().forEach(i -> {
                try {
                    uncertain[i] =
                            writeImage(folder, predictions, i, digits, width, height, new Random(seed * 1_000_003L + i))
                                    ? 1
                                    : 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Generated(folder, count, IntStream.of(uncertain).sum());
    }

    /** The demo's video, relative to the demo folder. */
    public static final String VIDEO = "videos/drive.mp4";

    /**
     * Adds {@link #VIDEO}: {@code frames} frames of {@code width} x {@code height} in which the shapes
     * of one scene glide across a plain background, H.264 at 25 frames per second, with the
     * predictions of every frame for the three tasks. The model is unsure about the middle fifth of
     * the video (as if the light changed there).
     */
    public static void generateVideo(Path folder, int frames, int width, int height, long seed) throws IOException {
        Random random = new Random(seed);
        DemoScene start = DemoScene.random(random, width, height);
        DemoScene.Background plain = new DemoScene.Background(
                DemoScene.BackgroundKind.GRADIENT,
                start.background().colourA(),
                start.background().colourB(),
                Math.max(width, height));
        double[][] velocity = new double[start.shapes().size()][];
        for (int s = 0; s < velocity.length; s++) {
            velocity[s] = new double[] {1 + 2 * random.nextDouble(), (random.nextDouble() - 0.5) * 2};
        }
        Path predictions = folder.resolve(PredictionsLayout.ROOT);
        Path video = folder.resolve(VIDEO);
        Files.createDirectories(video.getParent());
        Path partial = video.resolveSibling("." + video.getFileName() + ".partial");
        try (SeekableByteChannel out = NIOUtils.writableChannel(partial.toFile())) {
            AWTSequenceEncoder encoder = new AWTSequenceEncoder(out, Rational.R(25, 1));
            for (int t = 0; t < frames; t++) {
                List<DemoScene.Shape> moved = new ArrayList<>();
                for (int s = 0; s < velocity.length; s++) {
                    DemoScene.Shape shape = start.shapes().get(s);
                    moved.add(new DemoScene.Shape(
                            shape.kind(),
                            bounce(shape.cx() + velocity[s][0] * t, shape.half(), width),
                            bounce(shape.cy() + velocity[s][1] * t, shape.half(), height),
                            shape.half(),
                            shape.rgb()));
                }
                DemoScene scene = new DemoScene(width, height, plain, moved);
                int[] labels = new int[width * height];
                BufferedImage image = draw(scene, random, labels);
                BufferedImage bgr = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
                bgr.getGraphics().drawImage(image, 0, 0, null);
                encoder.encodeImage(bgr);
                boolean unsure = t >= frames * 2 / 5 && t < frames * 3 / 5;
                String name = FrameName.of(VIDEO, t, frames).predictionPath();
                String sample = FrameName.of(VIDEO, t, frames).sampleName();
                write(
                        predictions.resolve(CLASSIFICATION + "/" + name),
                        PredictionWriter.toBytes(PredictionFile.of(sample, List.of(classify(scene, unsure, random)))));
                write(
                        predictions.resolve(DETECTION + "/" + name),
                        PredictionWriter.toBytes(PredictionFile.of(sample, detect(scene, unsure, random))));
                write(
                        predictions.resolve(SEGMENTATION + "/" + name),
                        PredictionWriter.toBytes(PredictionFile.of(sample, segment(labels, unsure, random))));
            }
            encoder.finish();
        }
        Files.move(partial, video, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A centre moving along a line, reflected at the frame's edges so the shape stays inside. */
    private static double bounce(double centre, double half, int size) {
        double span = size - 2 * half;
        if (span <= 0) {
            return size / 2.0;
        }
        double p = (centre - half) % (2 * span);
        if (p < 0) {
            p += 2 * span;
        }
        return half + (p <= span ? p : 2 * span - p);
    }

    /** Writes image {@code i} and its three prediction files; true when the model is uncertain about it. */
    private static boolean writeImage(
            Path folder, Path predictions, int i, int digits, int width, int height, Random random) throws IOException {
        DemoScene scene = DemoScene.random(random, width, height);
        boolean unsure = random.nextDouble() < UNCERTAIN_SHARE;
        String stem = "images/shapes-" + String.format(Locale.ROOT, "%0" + digits + "d", i);
        int[] labels = new int[width * height];
        write(folder.resolve(stem + ".jpg"), jpeg(draw(scene, random, labels)));
        String sample = stem + ".jpg";
        write(
                predictions.resolve(CLASSIFICATION + "/" + stem + ".json"),
                PredictionWriter.toBytes(PredictionFile.of(sample, List.of(classify(scene, unsure, random)))));
        write(
                predictions.resolve(DETECTION + "/" + stem + ".json"),
                PredictionWriter.toBytes(PredictionFile.of(sample, detect(scene, unsure, random))));
        write(
                predictions.resolve(SEGMENTATION + "/" + stem + ".json"),
                PredictionWriter.toBytes(PredictionFile.of(sample, segment(labels, unsure, random))));
        return unsure;
    }

    /**
     * Makes {@code folder} ready for a demo: created when missing, emptied of an earlier demo, refused
     * (with a sentence) when it holds anything else or cannot be created.
     */
    public static void prepare(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            boolean empty;
            try (var children = Files.list(folder)) {
                empty = children.findAny().isEmpty();
            }
            if (!empty && !Files.exists(folder.resolve(MARKER))) {
                throw new IllegalArgumentException("The folder " + folder + " is not empty and holds no earlier demo; "
                        + "choose an empty or new folder with --dir.");
            }
            for (String part : List.of("images", "videos", ".lightly", ".winnow")) {
                LocalTrees.delete(folder.resolve(part));
            }
        } else if (Files.exists(folder)) {
            throw new IllegalArgumentException("The demo folder " + folder + " is a file; choose a folder with --dir.");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "The demo folder " + folder + " cannot be created; choose another with --dir.");
        }
        Files.writeString(folder.resolve(MARKER), "A generated Winnow demo; 'winnow demo' may replace this folder.\n");
    }

    /** Paints the scene and records, per pixel, the class of the top shape there (-1 for background). */
    private static BufferedImage draw(DemoScene scene, Random random, int[] labels) {
        int w = scene.width();
        int h = scene.height();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Arrays.fill(labels, -1);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                pixels[y * w + x] = scene.background().rgb(x, y, random.nextInt());
            }
        }
        for (DemoScene.Shape s : scene.shapes()) {
            for (int y = Math.max(0, s.minY()); y < Math.min(h, s.maxY() + 1); y++) {
                for (int x = Math.max(0, s.minX()); x < Math.min(w, s.maxX() + 1); x++) {
                    if (s.contains(x + 0.5, y + 0.5)) {
                        // A little shading so shapes are not flat.
                        double shade = 0.85 + 0.15 * ((x - s.minX()) / (2 * s.half()));
                        pixels[y * w + x] = DemoScene.mix(0, s.rgb(), shade);
                        labels[y * w + x] = s.kind();
                    }
                }
            }
        }
        return image;
    }

    private static Singleton classify(DemoScene scene, boolean unsure, Random random) {
        DemoScene.Shape largest = scene.shapes().get(0);
        for (DemoScene.Shape s : scene.shapes()) {
            if (s.half() > largest.half()) {
                largest = s;
            }
        }
        double[] p = probabilities(largest.kind(), unsure, random);
        int predicted = argmax(p);
        return new Singleton.Classification(
                predicted, OptionalDouble.of(p[predicted]), Optional.of(Probabilities.of(p)));
    }

    private static List<Singleton> detect(DemoScene scene, boolean unsure, Random random) {
        List<Singleton> boxes = new ArrayList<>();
        for (DemoScene.Shape s : scene.shapes()) {
            double jitter = unsure ? 10 : 2;
            double x0 = clamp(s.cx() - s.half() + jitter * random.nextGaussian(), 0, scene.width() - 2);
            double y0 = clamp(s.cy() - s.half() + jitter * random.nextGaussian(), 0, scene.height() - 2);
            double x1 = clamp(s.cx() + s.half() + jitter * random.nextGaussian(), x0 + 1, scene.width());
            double y1 = clamp(s.cy() + s.half() + jitter * random.nextGaussian(), y0 + 1, scene.height());
            double[] p = probabilities(s.kind(), unsure, random);
            int predicted = argmax(p);
            boxes.add(new Singleton.Detection(
                    predicted, box(x0, y0, x1, y1), p[predicted], Optional.of(Probabilities.of(p))));
        }
        if (unsure && random.nextBoolean()) {
            // A spurious low-confidence detection on the background.
            double w = Math.min(scene.width() - 1, 20 + random.nextDouble() * 40);
            double h = Math.min(scene.height() - 1, 20 + random.nextDouble() * 40);
            double x = random.nextDouble() * (scene.width() - w);
            double y = random.nextDouble() * (scene.height() - h);
            double[] p = probabilities(random.nextInt(3), true, random);
            int predicted = argmax(p);
            boxes.add(new Singleton.Detection(
                    predicted,
                    box(x, y, x + w, y + h),
                    Math.min(p[predicted], 0.45),
                    Optional.of(Probabilities.of(p))));
        }
        return boxes;
    }

    private static List<Singleton> segment(int[] labels, boolean unsure, Random random) {
        List<Singleton> segments = new ArrayList<>();
        for (int kind = 0; kind < DemoScene.CLASSES.size(); kind++) {
            boolean[] mask = new boolean[labels.length];
            boolean any = false;
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == kind) {
                    mask[i] = true;
                    any = true;
                }
            }
            if (!any) {
                continue;
            }
            double[] p = probabilities(kind, unsure, random);
            segments.add(new Singleton.SemanticSegment(
                    kind, RleMask.encode(mask), p[kind], Optional.of(Probabilities.of(p))));
        }
        return segments;
    }

    /**
     * A probability vector over the three classes: peaked at {@code truth} when sure, flat-ish (and sometimes wrong)
     * when not.
     */
    private static double[] probabilities(int truth, boolean unsure, Random random) {
        double[] p = new double[DemoScene.CLASSES.size()];
        if (!unsure) {
            double top = 0.82 + 0.16 * random.nextDouble();
            double rest = 1 - top;
            double split = random.nextDouble();
            int k = 0;
            for (int c = 0; c < p.length; c++) {
                p[c] = c == truth ? top : (k++ == 0 ? rest * split : rest * (1 - split));
            }
        } else {
            double sum = 0;
            for (int c = 0; c < p.length; c++) {
                p[c] = 0.5 + random.nextDouble() + (c == truth ? 0.4 : 0);
                sum += p[c];
            }
            for (int c = 0; c < p.length; c++) {
                p[c] /= sum;
            }
        }
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.round(p[c] * 1e4) / 1e4;
        }
        // Rounding must not break the sum: give the remainder to the largest entry.
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        int top = argmax(p);
        p[top] = Math.round((p[top] + 1 - sum) * 1e4) / 1e4;
        return p;
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** A box with one decimal that never reaches past {@code x1, y1}, so it stays inside the image. */
    private static BoundingBox box(double x0, double y0, double x1, double y1) {
        double x = Math.floor(x0 * 10) / 10.0;
        double y = Math.floor(y0 * 10) / 10.0;
        return new BoundingBox(x, y, Math.floor((x1 - x) * 10 - 1e-6) / 10.0, Math.floor((y1 - y) * 10 - 1e-6) / 10.0);
    }

    /**
     * Writes a generated file under a temporary name and renames it into place. Unlike run outputs
     * it is not forced to disk first: a demo cut short is simply generated again.
     */
    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.write(temp, bytes);
        AtomicWrite.move(temp, file);
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
