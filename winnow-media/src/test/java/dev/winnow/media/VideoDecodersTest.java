package dev.winnow.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.testsupport.SampleMedia;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoDecodersTest {
    @TempDir
    Path dir;

    /** Stands in for an add-on decoder: claims some containers and reports a fixed frame count. */
    private record FakeDecoder(String name, Set<String> containers, int frames, boolean unsupported)
            implements VideoDecoder {
        @Override
        public int frameCount(Datasource datasource, String path) throws MediaException {
            if (unsupported) {
                throw new UnsupportedMediaException("The video '" + path + "' is beyond " + name + ".");
            }
            return frames;
        }

        @Override
        public void decode(Datasource datasource, String path, FrameRequest request, FrameConsumer consumer)
                throws IOException, MediaException {
            for (int i = 0; i < frameCount(datasource, path); i += request.stride()) {
                if (!consumer.accept(
                        i,
                        new DecodedImage(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), new ImageSize(2, 2)))) {
                    return;
                }
            }
        }
    }

    @Test
    void standard_startsWithJcodecForMp4AndMov() {
        // No add-on decoder is on this module's class path, so JCodec is the only one.
        assertThat(VideoDecoders.standard().decoders())
                .extracting(VideoDecoder::name)
                .containsExactly("JCodec");
        assertThat(VideoDecoders.standard().containers()).containsExactlyInAnyOrder("m4v", "mov", "mp4");
    }

    @Test
    void picksTheDecoderClaimingTheContainer() throws Exception {
        Files.writeString(dir.resolve("a.avi"), "x");
        VideoDecoders decoders = VideoDecoders.of(List.of(
                new FakeDecoder("first", Set.of("mp4"), 3, false),
                new FakeDecoder("second", Set.of("avi", "mkv"), 7, false)));
        List<Integer> seen = new ArrayList<>();

        int count = decoders.frameCount(LocalDatasource.at(dir), "a.avi");
        decoders.decode(
                LocalDatasource.at(dir), "a.AVI", FrameRequest.everyFrame().withStride(3), (i, f) -> seen.add(i));

        assertThat(count).isEqualTo(7);
        assertThat(seen).containsExactly(0, 3, 6);
        assertThat(decoders.containers()).containsExactlyInAnyOrder("mp4", "avi", "mkv");
    }

    @Test
    void fallsBackWhenADecoderCannotHandleTheCodec() throws Exception {
        VideoDecoders decoders = VideoDecoders.of(List.of(
                new FakeDecoder("narrow", Set.of("mp4"), 3, true), new FakeDecoder("wide", Set.of("mp4"), 5, false)));

        assertThat(decoders.frameCount(LocalDatasource.at(dir), "x.mp4")).isEqualTo(5);
    }

    @Test
    void whenNoDecoderCan_theLastReasonIsReported() {
        VideoDecoders decoders = VideoDecoders.of(List.of(
                new FakeDecoder("one", Set.of("mp4"), 3, true), new FakeDecoder("two", Set.of("mp4"), 5, true)));

        assertThatThrownBy(() -> decoders.frameCount(LocalDatasource.at(dir), "x.mp4"))
                .isInstanceOf(UnsupportedMediaException.class)
                .hasMessage("The video 'x.mp4' is beyond two.");
        assertThatThrownBy(() -> decoders.frameCount(LocalDatasource.at(dir), "x"))
                .hasMessage("The video 'x' is in an unsupported video container (no extension); Winnow reads mp4.");
    }

    @Test
    void theReaderIsNamed_andARefusingDecoderFallsBackToTheNext() throws Exception {
        Files.copy(SampleMedia.file("street/tree.mp4"), dir.resolve("tree.mp4"));
        LocalDatasource data = LocalDatasource.at(dir);
        // What FFmpeg does where its native libraries do not load: it refuses every video.
        VideoDecoder absent = new FakeDecoder("FFmpeg", Set.of("mp4", "avi"), 0, true);
        VideoDecoder jcodec = VideoDecoders.standard().decoders().get(0);
        List<String> readers = new ArrayList<>();
        List<Integer> frames = new ArrayList<>();

        VideoDecoders.of(List.of(absent, jcodec))
                .decode(
                        data,
                        "tree.mp4",
                        FrameRequest.reducedTo(60).withStride(30),
                        (index, frame) -> frames.add(index),
                        readers::add);

        assertThat(readers).containsExactly("JCodec");
        assertThat(frames).containsExactly(0, 30, 60);
        VideoDecoders.of(List.of(new FakeDecoder("FFmpeg", Set.of("mp4"), 4, false), jcodec))
                .decode(data, "tree.mp4", FrameRequest.everyFrame(), (index, frame) -> true, readers::add);
        assertThat(readers).containsExactly("JCodec", "FFmpeg");
    }
}
