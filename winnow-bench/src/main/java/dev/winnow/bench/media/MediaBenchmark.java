package dev.winnow.bench.media;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.media.DecodedImage;
import dev.winnow.media.FrameRequest;
import dev.winnow.media.ImageDecoder;
import dev.winnow.media.ImageHeaders;
import dev.winnow.media.ImageSize;
import dev.winnow.media.VideoDecoders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Media throughput on generated 640x480 content: image sizes read from headers per second, JPEGs
 * decoded at reduced size (224 short side: source subsampling by 2) per second, and H.264 frames
 * decoded in one pass over a 100-frame video (reported as milliseconds per frame).
 *
 * <p>{@code java -jar winnow-bench.jar MediaBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class MediaBenchmark {
    /** Frames of the generated video; the video benchmark reports time per frame. */
    static final int FRAMES = 100;

    private Path folder;
    private LocalDatasource datasource;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        folder = Files.createTempDirectory("winnow-media-bench");
        SyntheticMedia.writeImage(folder.resolve("scene.jpg"), 42);
        SyntheticMedia.writeVideo(folder.resolve("scene.mp4"), FRAMES, 42);
        datasource = LocalDatasource.at(folder);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Benchmark
    public ImageSize headerRead() throws Exception {
        return ImageHeaders.read(datasource, "scene.jpg");
    }

    @Benchmark
    public DecodedImage reducedJpegDecode() throws Exception {
        return ImageDecoder.decode(datasource, "scene.jpg", 224);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @OperationsPerInvocation(FRAMES)
    public void videoOnePass(Blackhole blackhole) throws Exception {
        VideoDecoders.standard().decode(datasource, "scene.mp4", FrameRequest.reducedTo(224), (index, frame) -> {
            blackhole.consume(frame);
            return true;
        });
    }
}
