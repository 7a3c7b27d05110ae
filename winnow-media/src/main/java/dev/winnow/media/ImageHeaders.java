package dev.winnow.media;

import dev.winnow.datasource.Datasource;
import java.io.IOException;

/** Reads an image's size from its header alone, never decoding the pixels. */
public final class ImageHeaders {
    private ImageHeaders() {
    }

    /** The size of the image at {@code path}; a {@link MediaException} names the file when it has no readable header. */
    public static ImageSize read(Datasource datasource, String path) throws IOException, MediaException {
        throw new UnsupportedOperationException("not built yet");
    }
}
