package dev.winnow.media;

import dev.winnow.datasource.Datasource;
import java.io.IOException;

/** Facts about a video read from its container: the number of frames. */
public final class VideoProbe {
    private VideoProbe() {
    }

    /**
     * The number of frames of the video at {@code path}. MP4 and MOV are read; other containers
     * raise a {@link MediaException} saying "unsupported video container".
     */
    public static int frameCount(Datasource datasource, String path) throws IOException, MediaException {
        throw new UnsupportedOperationException("not built yet");
    }
}
