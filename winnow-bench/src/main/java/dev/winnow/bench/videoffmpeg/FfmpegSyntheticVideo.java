package dev.winnow.bench.videoffmpeg;

import dev.winnow.bench.media.SyntheticMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Writes the moving 640x480 scene of {@link SyntheticMedia} with FFmpeg's encoders, in the
 * containers and codecs the built-in decoder does not read.
 *
 * <p>{@code java -cp winnow-bench.jar dev.winnow.bench.videoffmpeg.FfmpegSyntheticVideo mjpeg OUT.avi 100}
 */
public final class FfmpegSyntheticVideo {
    /** A codec of the benchmark, with the container it is written in. */
    public enum Kind {
        MJPEG("avi", avcodec.AV_CODEC_ID_MJPEG, avutil.AV_PIX_FMT_YUVJ420P),
        MPEG4("avi", avcodec.AV_CODEC_ID_MPEG4, avutil.AV_PIX_FMT_YUV420P),
        VP8("webm", avcodec.AV_CODEC_ID_VP8, avutil.AV_PIX_FMT_YUV420P),
        VP9("webm", avcodec.AV_CODEC_ID_VP9, avutil.AV_PIX_FMT_YUV420P);

        final String container;
        final int codecId;
        final int pixelFormat;

        Kind(String container, int codecId, int pixelFormat) {
            this.container = container;
            this.codecId = codecId;
            this.pixelFormat = pixelFormat;
        }

        /** The file extension, which is also FFmpeg's muxer name here. */
        public String extension() {
            return container;
        }
    }

    private FfmpegSyntheticVideo() {}

    /** Writes {@code frames} frames at 25 per second, through a temporary name. */
    public static void write(Path file, Kind kind, int frames, long seed) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        // The recorder describes the file it writes on standard error at FFmpeg's default level.
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameRecorder recorder =
                        new FFmpegFrameRecorder(temp.toFile(), SyntheticMedia.WIDTH, SyntheticMedia.HEIGHT, 0);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat(kind.container);
            recorder.setVideoCodec(kind.codecId);
            recorder.setPixelFormat(kind.pixelFormat);
            recorder.setFrameRate(25);
            recorder.setGopSize(25);
            recorder.setVideoBitrate(2_000_000);
            recorder.start();
            for (int t = 0; t < frames; t++) {
                recorder.record(converter.convert(SyntheticMedia.scene(t, seed)));
            }
            recorder.stop();
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: FfmpegSyntheticVideo mjpeg|mpeg4|vp8|vp9 OUT FRAMES");
            System.exit(2);
        }
        write(Path.of(args[1]), Kind.valueOf(args[0].toUpperCase(Locale.ROOT)), Integer.parseInt(args[2]), 42);
    }
}
