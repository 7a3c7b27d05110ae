package dev.winnow.video.ffmpeg;

import dev.winnow.datasource.Datasource;
import dev.winnow.media.FrameConsumer;
import dev.winnow.media.FrameRequest;
import dev.winnow.media.MediaException;
import dev.winnow.media.VideoDecoder;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;

/**
 * Decodes videos through FFmpeg (JavaCV): MP4/MOV, AVI, Matroska and WebM with H.264, HEVC, VP8,
 * VP9, AV1, MPEG-4 Part 2 and the rest of what FFmpeg decodes, several times faster than the
 * built-in H.264 decoder. The standard build includes this module: it registers itself through
 * {@link java.util.ServiceLoader}, and {@link dev.winnow.media.VideoDecoders#standard()} asks it
 * before the built-in decoder, which takes MP4/MOV over where FFmpeg's native libraries do not load.
 *
 * <pre>{@code
 * VideoDecoder ffmpeg = new FfmpegVideoDecoder();
 * int frames = ffmpeg.frameCount(datasource, "clips/drive.mkv");
 * ffmpeg.decode(datasource, "clips/drive.mkv", FrameRequest.reducedTo(224), (index, frame) -> ...);
 * }</pre>
 *
 * <p>The frame count is the one the container's header states (MP4, MOV, AVI); Matroska and WebM
 * state none, so their video packets are counted in one pass that reads but does not decode. Frames
 * are decoded in one sequential pass, never seeking, numbered 0-based in the order FFmpeg presents
 * them. The file is read through the {@link Datasource}, never by a path of its own.
 *
 * <p>Thread-safe: every call opens its own decoder.
 */
public final class FfmpegVideoDecoder implements VideoDecoder {
    private static final Set<String> CONTAINERS = Set.of("mp4", "mov", "m4v", "avi", "mkv", "webm");

    /** The decoder {@link java.util.ServiceLoader} creates. */
    public FfmpegVideoDecoder() {}

    @Override
    public String name() {
        return "FFmpeg";
    }

    @Override
    public Set<String> containers() {
        return CONTAINERS;
    }

    @Override
    public int frameCount(Datasource datasource, String path) throws IOException, MediaException {
        Objects.requireNonNull(datasource, "datasource");
        Objects.requireNonNull(path, "path");
        try (FfmpegVideo video = FfmpegVideo.open(datasource, path, false)) {
            long frames = video.declaredFrameCount();
            if (frames < 0) {
                frames = video.countPackets();
            }
            return checkedCount(path, video.codec(), frames);
        }
    }

    @Override
    public void decode(Datasource datasource, String path, FrameRequest request, FrameConsumer consumer)
            throws IOException, MediaException {
        Objects.requireNonNull(datasource, "datasource");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(consumer, "consumer");
        try (FfmpegVideo video = FfmpegVideo.open(datasource, path, true)) {
            long declared = video.declaredFrameCount();
            long decoded = video.decode(request, consumer, declared);
            checkedCount(path, video.codec(), decoded);
        }
    }

    private static int checkedCount(String path, String codec, long frames) throws MediaException {
        if (frames <= 0) {
            throw new MediaException("The video '" + path + "' (codec " + codec + ") has no frames.");
        }
        if (frames > Integer.MAX_VALUE) {
            throw new MediaException("The video '" + path + "' (codec " + codec + ") has " + frames
                    + " frames, more than the " + Integer.MAX_VALUE + " Winnow can number.");
        }
        return (int) frames;
    }

    @Override
    public String toString() {
        return name();
    }
}
