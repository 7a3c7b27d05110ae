package dev.winnow.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.datasource.LocalDatasource;
import dev.winnow.testsupport.Ffmpeg;
import dev.winnow.testsupport.SampleMedia;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JcodecVideoDecoderTest {
    private static final VideoDecoder DECODER = VideoDecoders.standard();

    /** tree.mp4 decoded once at full size for the tests that compare against it (JCodec is slow). */
    private static @Nullable List<DecodedImage> treeFrames;

    @TempDir
    Path dir;

    private static synchronized List<DecodedImage> treeFrames() throws Exception {
        List<DecodedImage> cached = treeFrames;
        if (cached != null) {
            return cached;
        }
        List<DecodedImage> frames = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        DECODER.decode(
                LocalDatasource.at(SampleMedia.folder()),
                "street/tree.mp4",
                FrameRequest.everyFrame(),
                (index, frame) -> {
                    order.add(index);
                    frames.add(frame);
                    return true;
                });
        for (int i = 0; i < order.size(); i++) {
            assertThat(order.get(i)).isEqualTo(i);
        }
        treeFrames = frames;
        return frames;
    }

    private static List<Integer> indices(List<int[]> seen) {
        List<Integer> indices = new ArrayList<>();
        seen.forEach(s -> indices.add(s[0]));
        return indices;
    }

    @Test
    void trackWithoutAVideoSampleDescription_isACorruptTrackTable() throws IOException {
        // the fuzz finding kept in MediaFuzzTestInputs/mp4: JCodec took the track for a video, then refused its size
        try (var in = getClass().getResourceAsStream("MediaFuzzTestInputs/mp4/crash_not_a_video_track")) {
            Files.write(dir.resolve("v.mp4"), in.readAllBytes());
        }
        FrameRequest request = new FrameRequest(1, Integer.MAX_VALUE);

        assertThatThrownBy(() -> new JcodecVideoDecoder()
                        .decode(LocalDatasource.at(dir), "v.mp4", request, (index, frame) -> false))
                .isInstanceOf(MediaException.class)
                .hasMessage("The video 'v.mp4' has a corrupt track table.");
    }

    @Test
    void realVideo_decodesEveryFrameInOrder() throws Exception {
        List<DecodedImage> frames = treeFrames();

        assertThat(frames).hasSize(68);
        for (DecodedImage frame : frames) {
            assertThat(frame.decodedSize()).isEqualTo(new ImageSize(320, 240));
            assertThat(frame.original()).isEqualTo(new ImageSize(320, 240));
            assertThat(frame.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        }
    }

    @Test
    void reducedSizeAndStride() throws Exception {
        List<int[]> seen = new ArrayList<>();

        DECODER.decode(
                LocalDatasource.at(SampleMedia.folder()),
                "street/tree.mp4",
                FrameRequest.reducedTo(100).withStride(10),
                (index, frame) -> seen.add(new int[] {
                    index, frame.image().getWidth(), frame.image().getHeight()
                }));

        assertThat(indices(seen)).containsExactly(0, 10, 20, 30, 40, 50, 60);
        assertThat(seen.get(0)).containsExactly(0, 160, 120); // 240 / 100 = factor 2
    }

    @Test
    void reducedFrames_areBlockAveragesOfFullFrames() throws Exception {
        List<BufferedImage> full =
                List.of(treeFrames().get(0).image(), treeFrames().get(67).image());
        List<BufferedImage> reduced = new ArrayList<>();
        DECODER.decode(
                LocalDatasource.at(SampleMedia.folder()),
                "street/tree.mp4",
                FrameRequest.reducedTo(80).withStride(67),
                (i, f) -> reduced.add(f.image()));

        assertThat(reduced.get(1).getWidth()).isEqualTo(107); // 320 / 3 rounded up
        for (int[] at : new int[][] {{0, 0}, {50, 40}, {106, 79}}) {
            int x = at[0];
            int y = at[1];
            double[] sums = new double[3];
            int n = 0;
            for (int yy = 3 * y; yy < Math.min(240, 3 * y + 3); yy++) {
                for (int xx = 3 * x; xx < Math.min(320, 3 * x + 3); xx++) {
                    int p = full.get(1).getRGB(xx, yy);
                    sums[0] += p >> 16 & 255;
                    sums[1] += p >> 8 & 255;
                    sums[2] += p & 255;
                    n++;
                }
            }
            int p = reduced.get(1).getRGB(x, y);
            assertThat(p >> 16 & 255).isEqualTo((int) Math.round(sums[0] / n - 1e-9));
            assertThat(p >> 8 & 255).isEqualTo((int) Math.round(sums[1] / n - 1e-9));
            assertThat(p & 255).isEqualTo((int) Math.round(sums[2] / n - 1e-9));
        }
    }

    @Test
    void encodedColours_comeBackInOrder() throws Exception {
        TestVideos.solidColours(dir.resolve("colours.mp4"), 96, 64, TestVideos.COLOURS);
        List<double[]> means = new ArrayList<>();
        List<Integer> order = new ArrayList<>();

        DECODER.decode(LocalDatasource.at(dir), "colours.mp4", FrameRequest.everyFrame(), (index, frame) -> {
            order.add(index);
            means.add(meanColour(frame.image()));
            return true;
        });

        assertThat(order).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        // JCodec's encoder shifts colours on its way to YUV (ffmpeg decodes the same file to the same
        // shifted colours), so each frame is matched to the nearest colour of the palette.
        for (int i = 0; i < TestVideos.COLOURS.length; i++) {
            assertThat(nearest(means.get(i)))
                    .as("palette colour nearest to frame %d", i)
                    .isEqualTo(i);
            assertThat(distance(means.get(i), TestVideos.COLOURS[i]))
                    .as("colour error of frame %d", i)
                    .isLessThan(50);
        }
    }

    @Test
    void matchesAnIndependentDecoder() throws Exception {
        Path raw = dir.resolve("frames.rgb");
        Ffmpeg.run(
                "-i",
                SampleMedia.folder().resolve("street/tree.mp4").toString(),
                "-f",
                "rawvideo",
                "-pix_fmt",
                "rgb24",
                "-vsync",
                "passthrough",
                raw.toString());
        byte[] reference = Files.readAllBytes(raw);
        int frameBytes = 320 * 240 * 3;
        assertThat(reference.length).isEqualTo(68 * frameBytes);
        double worst = 0;

        List<DecodedImage> frames = treeFrames();
        for (int index = 0; index < frames.size(); index++) {
            double mean = meanAbsoluteDifference(frames.get(index).image(), reference, index * frameBytes);
            worst = Math.max(worst, mean);
            assertThat(mean).as("mean absolute difference of frame %d", index).isLessThan(2.0);
        }
        assertThat(worst).isGreaterThan(0); // two decoders' colour conversions never agree exactly
    }

    @Test
    void bFrames_comeOutInPresentationOrder() throws Exception {
        // testsrc draws a frame counter, so frames out of order differ clearly from ffmpeg's.
        Ffmpeg.run(
                "-f",
                "lavfi",
                "-i",
                "testsrc=size=96x64:rate=10",
                "-frames:v",
                "20",
                "-c:v",
                "libx264",
                "-profile:v",
                "main",
                "-bf",
                "2",
                "-pix_fmt",
                "yuv420p",
                dir.resolve("bframes.mp4").toString());
        Ffmpeg.run(
                "-i",
                dir.resolve("bframes.mp4").toString(),
                "-f",
                "rawvideo",
                "-pix_fmt",
                "rgb24",
                "-vsync",
                "passthrough",
                dir.resolve("bframes.rgb").toString());
        byte[] reference = Files.readAllBytes(dir.resolve("bframes.rgb"));
        int frameBytes = 96 * 64 * 3;
        List<Integer> order = new ArrayList<>();

        DECODER.decode(LocalDatasource.at(dir), "bframes.mp4", FrameRequest.everyFrame(), (index, frame) -> {
            order.add(index);
            assertThat(meanAbsoluteDifference(frame.image(), reference, index * frameBytes))
                    .as("mean absolute difference of frame %d", index)
                    .isLessThan(3.0);
            return true;
        });

        assertThat(order).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
    }

    private static double meanAbsoluteDifference(BufferedImage image, byte[] rgb, int offset) {
        long difference = 0;
        int width = image.getWidth();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < width; x++) {
                int p = image.getRGB(x, y);
                int o = offset + (y * width + x) * 3;
                difference += Math.abs((p >> 16 & 255) - (rgb[o] & 255));
                difference += Math.abs((p >> 8 & 255) - (rgb[o + 1] & 255));
                difference += Math.abs((p & 255) - (rgb[o + 2] & 255));
            }
        }
        return difference / (3.0 * width * image.getHeight());
    }

    @Test
    void truncatedVideo_isAMediaException() throws Exception {
        byte[] video = Files.readAllBytes(SampleMedia.folder().resolve("street/tree.mp4"));
        Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(video, 600_000));

        assertThatThrownBy(() ->
                        DECODER.decode(LocalDatasource.at(dir), "cut.mp4", FrameRequest.everyFrame(), (i, f) -> true))
                .isInstanceOf(MediaException.class)
                .hasMessage("The video 'cut.mp4' is truncated: the box 'mdat' at byte 40 declares 1279705 bytes, "
                        + "but the file ends after 599960.");
    }

    @Test
    void corruptFrameData_isAMediaExceptionNamingTheFile() throws Exception {
        byte[] video = Files.readAllBytes(SampleMedia.folder().resolve("street/tree.mp4"));
        for (int i = 48; i < 1_279_000; i += 3) {
            video[i] = (byte) (i * 7919);
        }
        Files.write(dir.resolve("noise.mp4"), video);

        assertThatThrownBy(() ->
                        DECODER.decode(LocalDatasource.at(dir), "noise.mp4", FrameRequest.everyFrame(), (i, f) -> true))
                .isInstanceOf(MediaException.class)
                .hasMessage("The video 'noise.mp4' is corrupt: its frame 0 (in decoding order) could not be decoded.");
    }

    @Test
    void otherCodec_isUnsupportedNamingIt() throws Exception {
        Ffmpeg.run(
                "-f",
                "lavfi",
                "-i",
                "testsrc=size=64x48:rate=5",
                "-frames:v",
                "5",
                "-c:v",
                "mpeg4",
                dir.resolve("part2.mp4").toString());
        LocalDatasource source = LocalDatasource.at(dir);

        assertThat(DECODER.frameCount(source, "part2.mp4")).isEqualTo(5);
        assertThatThrownBy(() -> DECODER.decode(source, "part2.mp4", FrameRequest.everyFrame(), (i, f) -> true))
                .isInstanceOf(UnsupportedMediaException.class)
                .hasMessage("The video 'part2.mp4' uses the codec 'mp4v', which the built-in decoder cannot decode; "
                        + "it decodes H.264 only.");
    }

    @Test
    void decodingManyVideos_leavesNoDecoderThreadsBehind() throws Exception {
        // Several slices per frame make JCodec decode them on its own thread pool.
        Ffmpeg.run(
                "-f",
                "lavfi",
                "-i",
                "testsrc=size=96x64:rate=10",
                "-frames:v",
                "3",
                "-c:v",
                "libx264",
                "-profile:v",
                "baseline",
                "-x264-params",
                "slices=4",
                "-pix_fmt",
                "yuv420p",
                dir.resolve("short.mp4").toString());
        LocalDatasource source = LocalDatasource.at(dir);
        DECODER.decode(
                source, "short.mp4", FrameRequest.everyFrame(), (i, f) -> true); // warm-up: lazily started JVM threads
        int before = liveThreads();

        for (int run = 0; run < 8; run++) {
            DECODER.decode(source, "short.mp4", FrameRequest.everyFrame(), (i, f) -> true);
        }

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (liveThreads() > before && System.nanoTime() < deadline) {
            Thread.sleep(20); // stopped pool threads end asynchronously
        }
        assertThat(liveThreads()).isLessThanOrEqualTo(before);
    }

    private static int liveThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .count();
    }

    @Test
    void consumerFailure_stopsDecoding() throws Exception {
        List<Integer> seen = new ArrayList<>();

        assertThatThrownBy(() -> DECODER.decode(
                        LocalDatasource.at(SampleMedia.folder()),
                        "street/tree.mp4",
                        FrameRequest.reducedTo(60),
                        (index, frame) -> {
                            seen.add(index);
                            if (index == 2) {
                                throw new IOException("disk full");
                            }
                            return true;
                        }))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full");
        assertThat(seen).containsExactly(0, 1, 2);
    }

    @Test
    void consumerWantsNoMore_decodingEndsNormally() throws Exception {
        List<Integer> seen = new ArrayList<>();

        DECODER.decode(
                LocalDatasource.at(SampleMedia.folder()),
                "street/tree.mp4",
                FrameRequest.reducedTo(60).withStride(3),
                (index, frame) -> {
                    seen.add(index);
                    return index < 6;
                });

        assertThat(seen).containsExactly(0, 3, 6);
    }

    private static int nearest(double[] mean) {
        int best = 0;
        for (int c = 1; c < TestVideos.COLOURS.length; c++) {
            if (distance(mean, TestVideos.COLOURS[c]) < distance(mean, TestVideos.COLOURS[best])) {
                best = c;
            }
        }
        return best;
    }

    private static double distance(double[] mean, Color colour) {
        return Math.sqrt(Math.pow(mean[0] - colour.getRed(), 2)
                + Math.pow(mean[1] - colour.getGreen(), 2)
                + Math.pow(mean[2] - colour.getBlue(), 2));
    }

    static double[] meanColour(BufferedImage image) {
        double[] sums = new double[3];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                sums[0] += p >> 16 & 255;
                sums[1] += p >> 8 & 255;
                sums[2] += p & 255;
            }
        }
        double n = (double) image.getWidth() * image.getHeight();
        return new double[] {sums[0] / n, sums[1] / n, sums[2] / n};
    }
}
