package dev.winnow.video.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.media.DecodedImage;
import dev.winnow.media.FrameRequest;
import dev.winnow.media.ImageSize;
import dev.winnow.media.VideoDecoder;
import dev.winnow.media.VideoDecoders;
import dev.winnow.testsupport.SampleMedia;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real H.264 clip street/tree.mp4 (68 frames, 320x240), decoded by FFmpeg and compared with
 * the built-in JCodec decoder's frames, an independent implementation of the same codec.
 */
class RealVideoTest {
    private static final String TREE = "tree.mp4";
    private static final int FRAMES = 68;
    /** The two decoders differ by under 2 levels per channel here; neighbouring frames by more than 3. */
    private static final double SAME_FRAME = 2.5;

    private static LocalDatasource street;
    private static VideoDecoder jcodec;
    /** Decoded once: JCodec takes seconds for the clip. */
    private static Map<Integer, DecodedImage> jcodecFrames;

    private final FfmpegVideoDecoder ffmpeg = new FfmpegVideoDecoder();

    @BeforeAll
    static void decodeWithJcodec() throws Exception {
        Path dir = SampleMedia.folder().resolve("street");
        street = LocalDatasource.at(dir);
        jcodec = VideoDecoders.standard().decoders().get(1);
        assertThat(jcodec.name()).isEqualTo("JCodec");
        jcodecFrames = FfmpegVideoDecoderTest.decodeAll(jcodec, street, TREE, FrameRequest.everyFrame());
        assertThat(jcodecFrames.keySet())
                .containsExactlyElementsOf(IntStream.range(0, FRAMES).boxed().toList());
    }

    @Test
    void frameCount_fromTheContainer() throws Exception {
        assertThat(ffmpeg.frameCount(street, TREE)).isEqualTo(FRAMES);
        assertThat(jcodec.frameCount(street, TREE)).isEqualTo(FRAMES);
    }

    @Test
    void everyFrameAtFullSize_matchesJcodecFrameByFrame() throws Exception {
        Map<Integer, DecodedImage> frames =
                FfmpegVideoDecoderTest.decodeAll(ffmpeg, street, TREE, FrameRequest.everyFrame());

        assertThat(frames.keySet())
                .containsExactlyElementsOf(IntStream.range(0, FRAMES).boxed().toList());
        for (int index = 0; index < FRAMES; index++) {
            DecodedImage frame = Objects.requireNonNull(frames.get(index));
            assertThat(frame.original()).isEqualTo(new ImageSize(320, 240));
            assertThat(frame.decodedSize()).isEqualTo(new ImageSize(320, 240));
            assertMatches(frame.image(), index, 1);
        }
    }

    @Test
    void everyOtherFrameReduced_matchesJcodecAveragedTwoByTwo() throws Exception {
        // Short side 240, target 100: reduced by 2 to 160x120.
        Map<Integer, DecodedImage> frames = FfmpegVideoDecoderTest.decodeAll(
                ffmpeg, street, TREE, FrameRequest.reducedTo(100).withStride(2));

        assertThat(frames.keySet())
                .containsExactlyElementsOf(
                        IntStream.range(0, FRAMES / 2).map(i -> 2 * i).boxed().toList());
        frames.forEach((index, frame) -> {
            assertThat(frame.original()).isEqualTo(new ImageSize(320, 240));
            assertThat(frame.decodedSize()).isEqualTo(new ImageSize(160, 120));
            assertMatches(frame.image(), index, 2);
        });
    }

    /** The frame is close to JCodec's frame of the same index, and closer to it than to the next one. */
    private static void assertMatches(BufferedImage image, int index, int factor) {
        double same = TestVideos.meanAbsoluteDifference(
                image, averaged(Objects.requireNonNull(jcodecFrames.get(index)).image(), factor));
        assertThat(same).as("mean absolute difference of frame %d", index).isLessThan(SAME_FRAME);
        if (index + 1 < FRAMES) {
            assertThat(TestVideos.meanAbsoluteDifference(
                            image,
                            averaged(
                                    Objects.requireNonNull(jcodecFrames.get(index + 1))
                                            .image(),
                                    factor)))
                    .as("difference of frame %d from the next frame", index)
                    .isGreaterThan(same);
        }
    }

    /** {@code image} reduced by averaging {@code factor x factor} blocks. */
    private static BufferedImage averaged(BufferedImage image, int factor) {
        if (factor == 1) {
            return image;
        }
        int width = image.getWidth() / factor;
        int height = image.getHeight() / factor;
        BufferedImage reduced = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] sum = new int[3];
                for (int dy = 0; dy < factor; dy++) {
                    for (int dx = 0; dx < factor; dx++) {
                        int rgb = image.getRGB(x * factor + dx, y * factor + dy);
                        sum[0] += (rgb >> 16) & 0xFF;
                        sum[1] += (rgb >> 8) & 0xFF;
                        sum[2] += rgb & 0xFF;
                    }
                }
                int n = factor * factor;
                reduced.setRGB(
                        x,
                        y,
                        (Math.round(sum[0] / (float) n) << 16)
                                | (Math.round(sum[1] / (float) n) << 8)
                                | Math.round(sum[2] / (float) n));
            }
        }
        return reduced;
    }
}
