package dev.winnow.bench.embed;

import dev.winnow.embed.BuiltinEmbedder;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Images per second of the built-in embedder on 640x480 JPEGs, in three forms:
 * <ul>
 *   <li>{@code embedAt64}: the image is already a 64x64 {@code TYPE_INT_RGB} image — the cost of
 *       the descriptor and projection alone;</li>
 *   <li>{@code embedDecodedReduced}: the image was decoded with ImageIO source subsampling to the
 *       smallest size whose short side is still at least 64 pixels (92x69 here), as the run does —
 *       resampling plus descriptor;</li>
 *   <li>{@code decodeReducedAndEmbed}: from the JPEG bytes: subsampled decoding and embedding, the
 *       whole per-image work of a run's embedding phase except reading the file.</li>
 * </ul>
 * Each invocation embeds one image; run with {@code -t 2} to use both cores of the reference machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BuiltinEmbedderBenchmark {

    /** Distinct images cycled through, so caches see realistic variety. */
    @Param("32")
    public int images;

    private final BuiltinEmbedder embedder = BuiltinEmbedder.create();
    private byte[][] jpegs;
    private BufferedImage[] reduced;
    private BufferedImage[] at64;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        jpegs = new byte[images][];
        reduced = new BufferedImage[images];
        at64 = new BufferedImage[images];
        for (int i = 0; i < images; i++) {
            jpegs[i] = PhotoLikeImages.jpeg(i);
            reduced[i] = decodeReduced(jpegs[i], embedder.inputSize());
            at64[i] = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = at64[i].createGraphics();
            g.drawImage(reduced[i], 0, 0, 64, 64, null);
            g.dispose();
        }
    }

    /** One counter per thread, so threads do not contend on it. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int advance(int bound) {
            int value = next;
            next = (next + 1) % bound;
            return value;
        }
    }

    @Benchmark
    public float[] embedAt64(Cursor cursor) {
        return embedder.embed(at64[cursor.advance(images)]);
    }

    @Benchmark
    public float[] embedDecodedReduced(Cursor cursor) {
        return embedder.embed(reduced[cursor.advance(images)]);
    }

    @Benchmark
    public float[] decodeReducedAndEmbed(Cursor cursor) throws IOException {
        return embedder.embed(decodeReduced(jpegs[cursor.advance(images)], embedder.inputSize()));
    }

    /** Decodes keeping every s-th pixel, s the largest factor that leaves the short side at least {@code side}. */
    static BufferedImage decodeReduced(byte[] jpeg, int side) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int factor = Math.max(1, Math.min(reader.getWidth(0), reader.getHeight(0)) / side);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(factor, factor, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }
}
