package dev.winnow.media;

import dev.winnow.datasource.Datasource;
import java.io.IOException;

/**
 * Facts about a video read from its container: the number of frames, without decoding any.
 *
 * <pre>{@code
 * int frames = VideoProbe.frameCount(datasource, "street/tree.mp4");   // 68
 * ImageSize size = VideoProbe.frameSize(datasource, "street/tree.mp4"); // 1280 x 720
 * }</pre>
 */
public final class VideoProbe {
    private VideoProbe() {}

    /**
     * The number of frames of the video at {@code path}. MP4 and MOV are read (more containers when
     * a decoder module is installed); other containers raise a {@link MediaException} saying
     * "unsupported video container", and a corrupt or truncated file one naming the file.
     */
    public static int frameCount(Datasource datasource, String path) throws IOException, MediaException {
        return VideoDecoders.standard().frameCount(datasource, path);
    }

    /**
     * The size of the video's frames as a decoder shows them (cropped to the picture), read by
     * decoding the first frame only; errors as {@link #frameCount}.
     */
    public static ImageSize frameSize(Datasource datasource, String path) throws IOException, MediaException {
        return frameSize(VideoDecoders.standard(), datasource, path);
    }

    /** Like {@link #frameSize(Datasource, String)}, with {@code decoder}. */
    public static ImageSize frameSize(VideoDecoder decoder, Datasource datasource, String path)
            throws IOException, MediaException {
        ImageSize[] size = new ImageSize[1];
        // The smallest reduction that is asked for: the size reported is the original one either way.
        decoder.decode(datasource, path, new FrameRequest(1, Integer.MAX_VALUE), (index, frame) -> {
            size[0] = frame.original();
            return false; // the first frame is all it takes
        });
        if (size[0] == null) {
            throw new MediaException("The video '" + path + "' has no frame to read its size from.");
        }
        return size[0];
    }
}
