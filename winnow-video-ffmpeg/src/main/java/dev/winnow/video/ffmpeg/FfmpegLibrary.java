package dev.winnow.video.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import dev.winnow.media.UnsupportedMediaException;
import java.nio.charset.StandardCharsets;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.jspecify.annotations.Nullable;

/**
 * Loads FFmpeg's native libraries once per JVM. The bundled binaries are for one platform; on
 * another the load fails, and every video this decoder would take is then refused with a message
 * saying so rather than with a linkage error.
 */
final class FfmpegLibrary {
    // The failure is kept so that every refused video can say why the libraries did not load.
    @SuppressWarnings("StaticAssignmentOfThrowable")
    private static final class Holder {
        static final @Nullable Throwable LOAD_FAILURE = load();
    }

    private FfmpegLibrary() {}

    private static @Nullable Throwable load() {
        try {
            FFmpegFrameGrabber.tryLoad();
            // FFmpeg logs to standard error by default, and describes every file it opens at the
            // INFO level; Winnow reports problems itself, as sentences naming the file.
            av_log_set_level(AV_LOG_QUIET);
            return null;
        } catch (Exception | LinkageError e) {
            return e;
        }
    }

    /** Makes sure the libraries are loaded; otherwise refuses {@code path}. */
    static void require(String path) throws UnsupportedMediaException {
        Throwable failure = Holder.LOAD_FAILURE;
        if (failure != null) {
            throw new UnsupportedMediaException("The video '" + path + "' needs the FFmpeg decoder, whose native "
                    + "libraries do not load on this platform (" + System.getProperty("os.name") + ", "
                    + System.getProperty("os.arch") + "): " + failure.getMessage());
        }
    }

    /** FFmpeg's text for one of its negative error codes ("Invalid data found when processing input"). */
    static String errorText(int code) {
        byte[] text = new byte[256];
        try (BytePointer buffer = new BytePointer(text.length)) {
            if (av_strerror(code, buffer, text.length) < 0) {
                return "error " + code;
            }
            buffer.get(text);
        }
        int length = 0;
        while (length < text.length && text[length] != 0) {
            length++;
        }
        return new String(text, 0, length, StandardCharsets.UTF_8);
    }
}
