package dev.winnow.media;

import dev.winnow.datasource.Datasource;
import java.io.IOException;

/**
 * Facts about a video read from its container: the number of frames, without decoding any.
 *
 * <pre>{@code
 * int frames = VideoProbe.frameCount(datasource, "street/tree.mp4");   // 68
 * }</pre>
 */
public final class VideoProbe {
    private VideoProbe() {
    }

    /**
     * The number of frames of the video at {@code path}. MP4 and MOV are read (more containers when
     * a decoder module is installed); other containers raise a {@link MediaException} saying
     * "unsupported video container", and a corrupt or truncated file one naming the file.
     */
    public static int frameCount(Datasource datasource, String path) throws IOException, MediaException {
        return VideoDecoders.standard().frameCount(datasource, path);
    }
}
