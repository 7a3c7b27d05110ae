package dev.winnow.bench.objects;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.embed.BuiltinEmbedder;
import dev.winnow.format.BoundingBox;
import dev.winnow.media.Crop;
import dev.winnow.media.DecodedImage;
import dev.winnow.media.FrameRequest;
import dev.winnow.media.MediaException;
import dev.winnow.media.VideoDecoders;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Crops per second on object level, as a run handles them: boxes of 20 to 200 pixels cut out of
 * a decoded 640x480 H.264 frame with a padding of 0.1 ({@link Crop#cut}), and embedded by the
 * built-in embedder in batches of {@value #BATCH} (which spreads a batch over the common pool).
 * Every score is crops per second: {@code cut} alone, {@code embed} of crops cut beforehand, and
 * {@code cutAndEmbed}, the two together.
 *
 * <p>{@code java -jar winnow-bench.jar CropEmbedBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class CropEmbedBenchmark {
    /** Crops embedded together, as a run's embedding batches. */
    static final int BATCH = 32;
    /** Distinct batches of boxes the benchmark cycles through. */
    static final int BATCHES = 32;

    static final double PADDING = 0.1;

    DecodedImage frame;
    List<List<BoundingBox>> boxes;
    List<List<BufferedImage>> cut;
    BuiltinEmbedder embedder;

    /** Which batch an invocation takes next (per benchmark thread). */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int advance() {
            int at = next;
            next = (next + 1) % BATCHES;
            return at;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException, MediaException {
        frame = decodedFrame(42);
        boxes = boxes(new Random(7), BATCHES, BATCH);
        cut = new ArrayList<>(BATCHES);
        for (List<BoundingBox> batch : boxes) {
            cut.add(cutAll(frame, batch));
        }
        embedder = BuiltinEmbedder.create();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        embedder.close();
    }

    /** Frame 0 of a one-frame clip of the moving-objects scene, encoded as H.264 and decoded at full size. */
    static DecodedImage decodedFrame(long seed) throws IOException, MediaException {
        Path folder = Files.createTempDirectory("winnow-crop-bench");
        try {
            MovingObjectsDataset.Clip clip = MovingObjectsDataset.clips(1, seed).get(0);
            MovingObjectsDataset.writeVideo(clip, folder.resolve(clip.video()));
            DecodedImage[] first = new DecodedImage[1];
            VideoDecoders.standard()
                    .decode(LocalDatasource.at(folder), clip.video(), FrameRequest.everyFrame(), (index, image) -> {
                        first[0] = image;
                        return false; // the first frame is the one wanted
                    });
            if (first[0] == null) {
                throw new IllegalStateException(
                        "The decoder handed over no frame of " + folder.resolve(clip.video()) + ".");
            }
            return first[0];
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** {@code batches} lists of {@code size} boxes with sides of 20 to 200 pixels, inside a 640x480 frame. */
    static List<List<BoundingBox>> boxes(Random random, int batches, int size) {
        List<List<BoundingBox>> all = new ArrayList<>(batches);
        for (int b = 0; b < batches; b++) {
            List<BoundingBox> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                int width = MovingObjectsDataset.MIN_SIDE
                        + random.nextInt(MovingObjectsDataset.MAX_SIDE - MovingObjectsDataset.MIN_SIDE + 1);
                int height = MovingObjectsDataset.MIN_SIDE
                        + random.nextInt(MovingObjectsDataset.MAX_SIDE - MovingObjectsDataset.MIN_SIDE + 1);
                batch.add(new BoundingBox(
                        random.nextInt(MovingObjectsDataset.WIDTH - width + 1),
                        random.nextInt(MovingObjectsDataset.HEIGHT - height + 1),
                        width,
                        height));
            }
            all.add(batch);
        }
        return all;
    }

    static List<BufferedImage> cutAll(DecodedImage frame, List<BoundingBox> batch) {
        List<BufferedImage> crops = new ArrayList<>(batch.size());
        for (BoundingBox box : batch) {
            crops.add(Crop.cut(frame, box, PADDING));
        }
        return crops;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<BufferedImage> cut(Cursor cursor) {
        return cutAll(frame, boxes.get(cursor.advance()));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public float[][] embed(Cursor cursor) {
        return embedder.embed(cut.get(cursor.advance()));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public float[][] cutAndEmbed(Cursor cursor) {
        return embedder.embed(cutAll(frame, boxes.get(cursor.advance())));
    }
}
