package dev.winnow.video.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.media.DecodedImage;
import dev.winnow.media.FrameRequest;
import dev.winnow.media.ImageSize;
import dev.winnow.media.VideoDecoder;
import dev.winnow.media.VideoDecoders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real H.264 clip street/tree.mp4 (68 frames, 320x240), decoded by FFmpeg and by the built-in JCodec decoder. */
class RealVideoTest {
    private static final String TREE = "tree.mp4";

    private LocalDatasource street;
    private final FfmpegVideoDecoder ffmpeg = new FfmpegVideoDecoder();
    private VideoDecoder jcodec;

    @BeforeEach
    void findSampleData() throws Exception {
        Path dir = Path.of(System.getProperty("winnow.sharedData", "../shared/data"), "opencv-samples", "street");
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve(TREE)), "the shared sample data is not present");
        street = LocalDatasource.at(dir);
        jcodec = VideoDecoders.standard().decoders().get(0);
        assertThat(jcodec.name()).isEqualTo("JCodec");
    }

    @Test
    void frameCount_fromTheContainer() throws Exception {
        assertThat(ffmpeg.frameCount(street, TREE)).isEqualTo(68);
        assertThat(jcodec.frameCount(street, TREE)).isEqualTo(68);
    }

    @Test
    void everyFrameAtFullSize_matchesJcodec() throws Exception {
        compareWithJcodec(FrameRequest.everyFrame(), new ImageSize(320, 240), 2.5);
    }

    @Test
    void everyFrameReduced_matchesJcodec() throws Exception {
        // Short side 240, target 100: reduced by 2 to 160x120.
        compareWithJcodec(FrameRequest.reducedTo(100), new ImageSize(160, 120), 2.5);
    }

    private void compareWithJcodec(FrameRequest request, ImageSize decodedSize, double maxMeanDifference) throws Exception {
        Map<Integer, DecodedImage> fromFfmpeg = FfmpegVideoDecoderTest.decodeAll(ffmpeg, street, TREE, request);
        Map<Integer, DecodedImage> fromJcodec = FfmpegVideoDecoderTest.decodeAll(jcodec, street, TREE, request);

        assertThat(fromFfmpeg.keySet()).containsExactlyElementsOf(IntStream.range(0, 68).boxed().toList());
        assertThat(fromJcodec.keySet()).isEqualTo(fromFfmpeg.keySet());
        for (int index = 0; index < 68; index++) {
            DecodedImage a = fromFfmpeg.get(index);
            DecodedImage b = fromJcodec.get(index);
            assertThat(a.original()).isEqualTo(new ImageSize(320, 240));
            assertThat(a.decodedSize()).isEqualTo(decodedSize);
            assertThat(b.decodedSize()).isEqualTo(decodedSize);
            double sameFrame = TestVideos.meanAbsoluteDifference(a.image(), b.image());
            assertThat(sameFrame).as("mean absolute difference of frame %d", index).isLessThan(maxMeanDifference);
            // Neighbouring frames differ more than the two decoders do, so numbering off by one would show.
            if (index + 1 < 68) {
                assertThat(TestVideos.meanAbsoluteDifference(a.image(), fromJcodec.get(index + 1).image()))
                        .as("difference of frame %d from the next frame", index)
                        .isGreaterThan(sameFrame);
            }
        }
    }
}
