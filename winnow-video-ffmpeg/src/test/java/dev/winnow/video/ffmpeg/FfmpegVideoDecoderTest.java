package dev.winnow.video.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MJPEG;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VP8;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.media.DecodedImage;
import dev.winnow.media.FrameRequest;
import dev.winnow.media.ImageSize;
import dev.winnow.media.MediaException;
import dev.winnow.media.UnsupportedMediaException;
import dev.winnow.media.VideoDecoder;
import dev.winnow.media.VideoDecoders;
import dev.winnow.media.VideoProbe;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegVideoDecoderTest {
    private static final TestVideos.Encoding MJPEG_AVI =
            new TestVideos.Encoding("avi", AV_CODEC_ID_MJPEG, AV_PIX_FMT_YUVJ420P, 2);
    private static final TestVideos.Encoding VP8_WEBM =
            new TestVideos.Encoding("webm", AV_CODEC_ID_VP8, AV_PIX_FMT_YUV420P, -1);
    private static final TestVideos.Encoding MPEG4_MKV =
            new TestVideos.Encoding("matroska", AV_CODEC_ID_MPEG4, AV_PIX_FMT_YUV420P, 2);
    private static final TestVideos.Encoding MPEG4_MP4 =
            new TestVideos.Encoding("mp4", AV_CODEC_ID_MPEG4, AV_PIX_FMT_YUV420P, 2);
    /** Lossy coding of a flat colour stays within a few levels of it. */
    private static final double COLOUR_TOLERANCE = 6;

    private final FfmpegVideoDecoder decoder = new FfmpegVideoDecoder();

    @TempDir
    Path dir;

    @Test
    void mjpegInAvi_countFromHeader_everyFrameInOrder() throws Exception {
        TestVideos.record(dir.resolve("clip.avi"), MJPEG_AVI, 12, 64, 48);
        LocalDatasource data = LocalDatasource.at(dir);

        assertThat(decoder.frameCount(data, "clip.avi")).isEqualTo(12);
        Map<Integer, DecodedImage> frames = decodeAll(decoder, data, "clip.avi", FrameRequest.everyFrame());

        assertThat(frames.keySet()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        frames.forEach((index, frame) -> {
            assertThat(frame.original()).isEqualTo(new ImageSize(64, 48));
            assertThat(frame.decodedSize()).isEqualTo(new ImageSize(64, 48));
            assertThat(frame.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
            assertColour(frame.image(), TestVideos.COLOURS.get(index % TestVideos.COLOURS.size()), index);
        });
    }

    @Test
    void vp8InWebm_countsPacketsWhenTheContainerStatesNoCount() throws Exception {
        TestVideos.record(dir.resolve("clip.webm"), VP8_WEBM, 10, 64, 48);
        LocalDatasource data = LocalDatasource.at(dir);

        assertThat(decoder.frameCount(data, "clip.webm")).isEqualTo(10);
        Map<Integer, DecodedImage> frames = decodeAll(decoder, data, "clip.webm", FrameRequest.everyFrame());

        assertThat(frames.keySet()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        frames.forEach((index, frame) ->
                assertColour(frame.image(), TestVideos.COLOURS.get(index % TestVideos.COLOURS.size()), index));
    }

    @Test
    void mpeg4InMkv_reducedFramesWithStride() throws Exception {
        TestVideos.record(dir.resolve("sub/clip.mkv"), MPEG4_MKV, 10, 64, 48);
        LocalDatasource data = LocalDatasource.at(dir);

        // Short side 48, target 12: reduced by 4 to 16x12.
        Map<Integer, DecodedImage> frames = decodeAll(
                decoder, data, "sub/clip.mkv", FrameRequest.reducedTo(12).withStride(3));

        assertThat(frames.keySet()).containsExactly(0, 3, 6, 9);
        frames.forEach((index, frame) -> {
            assertThat(frame.original()).isEqualTo(new ImageSize(64, 48));
            assertThat(frame.decodedSize()).isEqualTo(new ImageSize(16, 12));
            assertColour(frame.image(), TestVideos.COLOURS.get(index % TestVideos.COLOURS.size()), index);
        });
    }

    @Test
    void oddSize_reducedToCeilingOfTheFactor() throws Exception {
        TestVideos.record(dir.resolve("odd.avi"), MJPEG_AVI, 2, 70, 50);
        LocalDatasource data = LocalDatasource.at(dir);

        // Short side 50, target 16: factor 3, so ceil(70/3) x ceil(50/3) = 24x17.
        Map<Integer, DecodedImage> frames = decodeAll(decoder, data, "odd.avi", FrameRequest.reducedTo(16));

        DecodedImage second = Objects.requireNonNull(frames.get(1));
        assertThat(second.decodedSize()).isEqualTo(new ImageSize(24, 17));
        assertThat(second.original()).isEqualTo(new ImageSize(70, 50));
        assertColour(second.image(), TestVideos.COLOURS.get(1), 1);
    }

    @Test
    void truncatedAvi_namesFileCodecAndFramesFound() throws Exception {
        Path whole = dir.resolve("whole.avi");
        TestVideos.record(whole, MJPEG_AVI, 12, 64, 48);
        byte[] bytes = Files.readAllBytes(whole);
        // Cut right before the sixth frame's chunk in the movie list: five whole frames remain, and no index.
        int movie = nthOccurrence(bytes, ascii("movi"), 1, 0);
        int cut = nthOccurrence(bytes, ascii("00dc"), 6, movie);
        Files.write(dir.resolve("cut.avi"), Arrays.copyOf(bytes, cut));
        LocalDatasource data = LocalDatasource.at(dir);
        List<Integer> handed = new ArrayList<>();

        assertThat(decoder.frameCount(data, "cut.avi")).isEqualTo(12);
        assertThatThrownBy(() -> decoder.decode(data, "cut.avi", FrameRequest.everyFrame(), (i, f) -> handed.add(i)))
                .isInstanceOf(MediaException.class)
                .hasMessage("The video 'cut.avi' (codec mjpeg) ends after 5 of its 12 frames; the file is "
                        + "truncated or damaged.");
        assertThat(handed).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void consumerWantsNoMore_decodingEndsNormallyBeforeTheDamage() throws Exception {
        Path whole = dir.resolve("whole.avi");
        TestVideos.record(whole, MJPEG_AVI, 12, 64, 48);
        byte[] bytes = Files.readAllBytes(whole);
        int movie = nthOccurrence(bytes, ascii("movi"), 1, 0);
        Files.write(dir.resolve("cut.avi"), Arrays.copyOf(bytes, nthOccurrence(bytes, ascii("00dc"), 6, movie)));
        List<Integer> handed = new ArrayList<>();

        decoder.decode(
                LocalDatasource.at(dir), "cut.avi", FrameRequest.everyFrame().withStride(2), (i, f) -> {
                    handed.add(i);
                    return i < 2;
                });

        assertThat(handed).containsExactly(0, 2);
    }

    @Test
    void readErrorMidway_isRaisedAsItself_notAsDamage() throws Exception {
        Path file = dir.resolve("clip.avi");
        TestVideos.record(file, MJPEG_AVI, 12, 64, 48);
        IOException unplugged = new IOException("The share went away.");
        BrokenDiskDatasource data = new BrokenDiskDatasource(LocalDatasource.at(dir), Files.size(file) / 2, unplugged);

        assertThatThrownBy(() -> decoder.decode(data, "clip.avi", FrameRequest.everyFrame(), (i, f) -> true))
                .isSameAs(unplugged);
    }

    @Test
    void severalVideosAtOnce_eachDecodedWhole() throws Exception {
        TestVideos.record(dir.resolve("a.avi"), MJPEG_AVI, 12, 64, 48);
        TestVideos.record(dir.resolve("b.mkv"), MPEG4_MKV, 9, 48, 32);
        LocalDatasource data = LocalDatasource.at(dir);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (String video : List.of("a.avi", "b.mkv")) {
                    counts.add(pool.submit(() -> decodeAll(decoder, data, video, FrameRequest.everyFrame())
                            .size()));
                }
            }
            for (int i = 0; i < counts.size(); i++) {
                assertThat(counts.get(i).get()).isEqualTo(i % 2 == 0 ? 12 : 9);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void notAVideo_saysFfmpegFindsNoContainer() throws Exception {
        Files.writeString(dir.resolve("notes.mkv"), "These are notes, not a video.\n".repeat(20));
        LocalDatasource data = LocalDatasource.at(dir);

        assertThatThrownBy(() -> decoder.frameCount(data, "notes.mkv"))
                .isExactlyInstanceOf(MediaException.class)
                .hasMessage("The video 'notes.mkv' cannot be opened: FFmpeg recognises no container in it, "
                        + "or its header is damaged.");
    }

    @Test
    void emptyFile_saysFfmpegFindsNoContainer() throws Exception {
        Files.write(dir.resolve("empty.webm"), new byte[0]);
        LocalDatasource data = LocalDatasource.at(dir);

        assertThatThrownBy(() -> decoder.decode(data, "empty.webm", FrameRequest.everyFrame(), (i, f) -> true))
                .isExactlyInstanceOf(MediaException.class)
                .hasMessage("The video 'empty.webm' cannot be opened: FFmpeg recognises no container in it, "
                        + "or its header is damaged.");
    }

    @Test
    void unknownCodecTag_isUnsupported_namingTheTag() throws Exception {
        Path file = dir.resolve("odd.avi");
        TestVideos.record(file, MJPEG_AVI, 3, 32, 32);
        byte[] bytes = Files.readAllBytes(file);
        // The stream header and the bitmap header name the codec; give them a tag nobody uses.
        int replaced = 0;
        for (int at = 0; (at = indexOf(bytes, ascii("MJPG"), at)) >= 0; at += 4, replaced++) {
            System.arraycopy(ascii("QQ42"), 0, bytes, at, 4);
        }
        assertThat(replaced).isEqualTo(2);
        Files.write(file, bytes);
        LocalDatasource data = LocalDatasource.at(dir);

        assertThatThrownBy(() -> decoder.decode(data, "odd.avi", FrameRequest.everyFrame(), (i, f) -> true))
                .isExactlyInstanceOf(UnsupportedMediaException.class)
                .hasMessage("The video 'odd.avi' uses a codec FFmpeg does not know (tag 'QQ42').");
    }

    @Test
    void audioOnly_hasNoVideoStream() throws Exception {
        TestVideos.recordAudioOnly(dir.resolve("voice.mkv"));
        LocalDatasource data = LocalDatasource.at(dir);

        assertThatThrownBy(() -> decoder.frameCount(data, "voice.mkv"))
                .isExactlyInstanceOf(MediaException.class)
                .hasMessage("The video 'voice.mkv' has no video stream.");
    }

    @Test
    void registeredThroughServiceLoader_beforeTheBuiltInDecoder() throws Exception {
        TestVideos.record(dir.resolve("a/clip.avi"), MJPEG_AVI, 3, 32, 32);
        LocalDatasource data = LocalDatasource.at(dir);

        assertThat(VideoDecoders.standard().decoders())
                .extracting(VideoDecoder::name)
                .containsExactly("FFmpeg", "JCodec");
        // JCodec's m4v, mov and mp4 joined with FFmpeg's.
        assertThat(VideoDecoders.standard().containers())
                .containsExactlyInAnyOrder("avi", "m4v", "mkv", "mov", "mp4", "webm");
        assertThat(VideoProbe.frameCount(data, "a/clip.avi")).isEqualTo(3);
    }

    @Test
    void mpeg4InMp4_theBuiltInDecoderRefusesAndFfmpegDecodes() throws Exception {
        TestVideos.record(dir.resolve("part2.mp4"), MPEG4_MP4, 6, 64, 48);
        LocalDatasource data = LocalDatasource.at(dir);
        VideoDecoder builtIn = VideoDecoders.standard().decoders().get(1);
        assertThat(builtIn.name()).isEqualTo("JCodec");

        assertThatThrownBy(() -> builtIn.decode(data, "part2.mp4", FrameRequest.everyFrame(), (i, f) -> true))
                .isInstanceOf(UnsupportedMediaException.class)
                .hasMessage("The video 'part2.mp4' uses the codec 'mp4v', which the built-in decoder cannot decode; "
                        + "it decodes H.264 only.");
        assertThat(VideoDecoders.standard().frameCount(data, "part2.mp4")).isEqualTo(6);
        Map<Integer, DecodedImage> frames =
                decodeAll(VideoDecoders.standard(), data, "part2.mp4", FrameRequest.everyFrame());
        assertThat(frames.keySet()).containsExactly(0, 1, 2, 3, 4, 5);
        frames.forEach((index, frame) -> assertColour(frame.image(), TestVideos.COLOURS.get(index), index));
    }

    @Test
    void describesItself() {
        assertThat(decoder.name()).isEqualTo("FFmpeg");
        assertThat(decoder.containers()).containsExactlyInAnyOrder("mp4", "mov", "m4v", "avi", "mkv", "webm");
    }

    static Map<Integer, DecodedImage> decodeAll(
            VideoDecoder decoder, LocalDatasource data, String path, FrameRequest request)
            throws IOException, MediaException {
        Map<Integer, DecodedImage> frames = new TreeMap<>();
        List<Integer> order = new ArrayList<>();
        decoder.decode(data, path, request, (index, frame) -> {
            order.add(index);
            frames.put(index, frame);
            return true;
        });
        assertThat(order).isSorted().doesNotHaveDuplicates();
        return frames;
    }

    private static void assertColour(BufferedImage image, Color expected, int index) {
        double[] mean = TestVideos.meanColour(image);
        assertThat(mean[0]).as("red of frame %d", index).isCloseTo(expected.getRed(), Offset.offset(COLOUR_TOLERANCE));
        assertThat(mean[1])
                .as("green of frame %d", index)
                .isCloseTo(expected.getGreen(), Offset.offset(COLOUR_TOLERANCE));
        assertThat(mean[2])
                .as("blue of frame %d", index)
                .isCloseTo(expected.getBlue(), Offset.offset(COLOUR_TOLERANCE));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        for (int i = from; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    private static int nthOccurrence(byte[] haystack, byte[] needle, int n, int from) {
        int found = 0;
        for (int i = from; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length) && ++found == n) {
                return i;
            }
        }
        throw new AssertionError("Fewer than " + n + " occurrences in the file.");
    }
}
