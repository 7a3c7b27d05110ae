package dev.winnow.video.ffmpeg;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Writes small test videos with FFmpeg's encoders: frame {@code i} is filled with
 * {@code COLOURS[i % COLOURS.size()]}, so a decoder's output can be checked frame by frame.
 */
final class TestVideos {
    /** Frame colours, far enough apart that lossy coding cannot turn one into another. */
    static final List<Color> COLOURS = List.of(
            new Color(200, 40, 40),
            new Color(40, 190, 60),
            new Color(50, 60, 210),
            new Color(220, 210, 60),
            new Color(60, 200, 200),
            new Color(128, 128, 128));

    /**
     * An encoding: the container (FFmpeg's muxer name), the video codec, its pixel format and a
     * fixed quantiser ({@code quality} ≥ 0) or else a bit rate (libvpx takes no fixed quantiser).
     */
    record Encoding(String container, int codecId, int pixelFormat, double quality) {}

    private TestVideos() {}

    /** Records {@code frames} solid-colour frames of {@code width x height} at 10 frames per second. */
    static void record(Path file, Encoding encoding, int frames, int width, int height) throws IOException {
        Files.createDirectories(file.getParent());
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat(encoding.container());
            recorder.setVideoCodec(encoding.codecId());
            recorder.setPixelFormat(encoding.pixelFormat());
            recorder.setFrameRate(10);
            recorder.setGopSize(5);
            if (encoding.quality() >= 0) {
                recorder.setVideoQuality(encoding.quality());
            } else {
                recorder.setVideoBitrate(400_000);
            }
            recorder.start();
            for (int i = 0; i < frames; i++) {
                recorder.record(converter.convert(solid(COLOURS.get(i % COLOURS.size()), width, height)));
            }
            recorder.stop();
        }
    }

    /** Records one second of silence, and no video, as 16-bit PCM in Matroska. */
    static void recordAudioOnly(Path file) throws IOException {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 1)) {
            recorder.setFormat("matroska");
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_PCM_S16LE);
            recorder.setSampleRate(8000);
            recorder.start();
            recorder.recordSamples(8000, 1, ShortBuffer.allocate(8000));
            recorder.stop();
        }
    }

    static BufferedImage solid(Color colour, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** The mean red, green and blue of an image. */
    static double[] meanColour(BufferedImage image) {
        double[] sum = new double[3];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                sum[0] += (rgb >> 16) & 0xFF;
                sum[1] += (rgb >> 8) & 0xFF;
                sum[2] += rgb & 0xFF;
            }
        }
        double pixels = (double) image.getWidth() * image.getHeight();
        return new double[] {sum[0] / pixels, sum[1] / pixels, sum[2] / pixels};
    }

    /** The mean absolute difference of two equally sized images over all three channels. */
    static double meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
        long total = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    total += Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF));
                }
            }
        }
        return total / (3.0 * a.getWidth() * a.getHeight());
    }
}
