package dev.winnow.video.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.media.DecodedImage;
import dev.winnow.media.FrameRequest;
import dev.winnow.media.VideoDecoder;
import dev.winnow.media.VideoDecoders;
import dev.winnow.testsupport.Ffmpeg;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Frame X of a video is the frame ffmpeg outputs X-th with {@code -vsync passthrough}, for both
 * decoders, on MP4s that ffmpeg makes the way users get them: B-frames (whose delay ffmpeg's muxer
 * writes as an edit list), a stream-copy cut that starts between key frames ({@code -ss ... -c copy}:
 * the edit list hides the frames before the cut that are stored for decoding), and a start delay
 * ({@code -itsoffset}: an empty edit). testsrc draws a moving pattern and a counter, so a frame
 * numbered differently from ffmpeg's looks clearly different from ffmpeg's frame of that number.
 */
class FrameNumberingTest {
    private static final int WIDTH = 96;
    private static final int HEIGHT = 64;

    @TempDir
    static Path dir;

    @BeforeAll
    static void makeVideos() throws Exception {
        Ffmpeg.run(
                "-f",
                "lavfi",
                "-i",
                "testsrc=size=96x64:rate=10",
                "-frames:v",
                "40",
                "-c:v",
                "libx264",
                "-profile:v",
                "main",
                "-bf",
                "2",
                "-g",
                "12",
                "-pix_fmt",
                "yuv420p",
                dir.resolve("bframes.mp4").toString());
        Ffmpeg.run(
                "-ss",
                "1.45",
                "-i",
                dir.resolve("bframes.mp4").toString(),
                "-c",
                "copy",
                dir.resolve("cut.mp4").toString());
        Ffmpeg.run(
                "-itsoffset",
                "0.5",
                "-i",
                dir.resolve("bframes.mp4").toString(),
                "-c",
                "copy",
                dir.resolve("delayed.mp4").toString());
    }

    static Stream<Arguments> videos() {
        return Stream.of("FFmpeg", "JCodec")
                .flatMap(decoder -> Stream.of(
                        Arguments.of(decoder, "bframes.mp4", 40, 40),
                        Arguments.of(decoder, "cut.mp4", 30, 25),
                        Arguments.of(decoder, "delayed.mp4", 40, 40)));
    }

    @ParameterizedTest(name = "{0} numbers {1} as ffmpeg does")
    @MethodSource("videos")
    void framesNumberedAsFfmpegNumbersThem(String decoderName, String video, int stored, int shown) throws Exception {
        VideoDecoder decoder = decoder(decoderName);
        LocalDatasource data = LocalDatasource.at(dir);
        List<byte[]> reference = Ffmpeg.rgbFrames(dir.resolve(video), WIDTH, HEIGHT);
        assertThat(Ffmpeg.storedFrames(dir.resolve(video))).isEqualTo(stored);
        assertThat(reference).hasSize(shown);

        assertThat(decoder.frameCount(data, video)).isEqualTo(shown);
        Map<Integer, DecodedImage> frames =
                FfmpegVideoDecoderTest.decodeAll(decoder, data, video, FrameRequest.everyFrame());

        assertThat(frames.keySet())
                .containsExactlyElementsOf(IntStream.range(0, shown).boxed().toList());
        frames.forEach((index, frame) -> {
            double[] differences = reference.stream()
                    .mapToDouble(rgb -> meanAbsoluteDifference(frame.image(), rgb))
                    .toArray();
            int nearest = IntStream.range(0, shown)
                    .boxed()
                    .min((a, b) -> Double.compare(differences[a], differences[b]))
                    .orElseThrow();
            assertThat(nearest)
                    .as("ffmpeg's frame nearest to %s's frame %d of %s", decoderName, index, video)
                    .isEqualTo(index);
            assertThat(differences[index])
                    .as("mean absolute difference of frame %d", index)
                    .isLessThan(3.0);
        });
    }

    private static VideoDecoder decoder(String name) {
        if (name.equals("FFmpeg")) {
            return new FfmpegVideoDecoder();
        }
        return VideoDecoders.standard().decoders().stream()
                .filter(d -> d.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static double meanAbsoluteDifference(BufferedImage image, byte[] rgb) {
        long difference = 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int p = image.getRGB(x, y);
                int o = (y * WIDTH + x) * 3;
                difference += Math.abs((p >> 16 & 255) - (rgb[o] & 255));
                difference += Math.abs((p >> 8 & 255) - (rgb[o + 1] & 255));
                difference += Math.abs((p & 255) - (rgb[o + 2] & 255));
            }
        }
        return difference / (3.0 * WIDTH * HEIGHT);
    }
}
