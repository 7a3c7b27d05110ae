package dev.winnow.bench.videoffmpeg;

import dev.winnow.bench.media.SyntheticMedia;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.media.FrameRequest;
import dev.winnow.video.ffmpeg.FfmpegVideoDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Milliseconds per frame for the FFmpeg decoder in one pass over a generated 100-frame 640x480
 * video reduced to a 224-pixel short side (320x240), per codec: H.264 in MP4 (the file
 * {@code MediaBenchmark.videoOnePass} gives the built-in decoder, for a direct comparison), and
 * Motion JPEG, MPEG-4 Part 2 (AVI), VP8 and VP9 (WebM). Time includes opening the container and
 * the decoder, as in a run.
 *
 * <p>{@code java -jar winnow-bench.jar FfmpegDecoderBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class FfmpegDecoderBenchmark {
    static final int FRAMES = 100;

    @Param({"h264", "mjpeg", "mpeg4", "vp8", "vp9"})
    public String codec;

    private final FfmpegVideoDecoder decoder = new FfmpegVideoDecoder();
    private Path folder;
    private LocalDatasource datasource;
    private String video;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        folder = Files.createTempDirectory("winnow-ffmpeg-bench");
        if (codec.equals("h264")) {
            video = "scene.mp4";
            SyntheticMedia.writeVideo(folder.resolve(video), FRAMES, 42);
        } else {
            FfmpegSyntheticVideo.Kind kind = FfmpegSyntheticVideo.Kind.valueOf(codec.toUpperCase(Locale.ROOT));
            video = "scene." + kind.extension();
            FfmpegSyntheticVideo.write(folder.resolve(video), kind, FRAMES, 42);
        }
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
    @OperationsPerInvocation(FRAMES)
    public void onePassReduced(Blackhole blackhole) throws Exception {
        decoder.decode(datasource, video, FrameRequest.reducedTo(224), (index, frame) -> {
            blackhole.consume(frame);
            return true;
        });
    }

    @Benchmark
    public int frameCount() throws Exception {
        return decoder.frameCount(datasource, video);
    }
}
