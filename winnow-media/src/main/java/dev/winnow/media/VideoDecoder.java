package dev.winnow.media;

import dev.winnow.datasource.Datasource;
import java.io.IOException;
import java.util.Set;

/**
 * Counts and decodes the frames of videos in the containers it claims. The built-in
 * implementation reads H.264 in MP4/MOV with JCodec; other implementations (an FFmpeg-backed one
 * for more codecs and containers) plug in through {@link java.util.ServiceLoader} and are picked by
 * {@link VideoDecoders}.
 *
 * <p>Frames are decoded sequentially in one pass per video, never with a seek per frame, and
 * numbered 0-based in presentation order. Implementations are safe for use from several threads,
 * each call decoding its own video.
 */
public interface VideoDecoder {
    /** A short name for messages, like "JCodec". */
    String name();

    /** The container file extensions this decoder reads, lower case without the dot ("mp4"). */
    Set<String> containers();

    /** The number of frames of the video at {@code path}, read from the container without decoding. */
    int frameCount(Datasource datasource, String path) throws IOException, MediaException;

    /**
     * Decodes the video at {@code path} from start to end, handing each frame the request asks for
     * to {@code consumer} in frame order. A {@link MediaException} names the file when the codec is
     * not supported ({@link UnsupportedMediaException}) or the data is corrupt.
     */
    void decode(Datasource datasource, String path, FrameRequest request, FrameConsumer consumer)
            throws IOException, MediaException;
}
