package dev.winnow.media;

import dev.winnow.datasource.Datasource;
import java.io.IOException;
import javax.imageio.ImageReader;

/**
 * Reads an image's size from its header alone, never decoding the pixels: the reader for the
 * file's format parses up to the first frame's dimensions (a JPEG's SOF marker, a PNG's IHDR
 * chunk), so the cost is a few kilobytes of I/O whatever the image's size.
 *
 * <pre>{@code
 * ImageSize size = ImageHeaders.read(datasource, "street/home.jpg");   // 512x384
 * }</pre>
 *
 * <p>Thread-safe: each call uses its own reader.
 */
public final class ImageHeaders {
    private ImageHeaders() {
    }

    /**
     * The size of the image at {@code path}; a {@link MediaException} names the file when it has no
     * readable header. Failing to open the file at all is an {@link IOException}.
     */
    public static ImageSize read(Datasource datasource, String path) throws IOException, MediaException {
        ImageReader reader = ImageReaders.open(datasource, path, true);
        try {
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new MediaException("The image '" + path + "' declares a size of " + width + "x" + height
                        + " pixels in its header; both must be at least 1.");
            }
            return new ImageSize(width, height);
        } catch (IOException | RuntimeException e) {
            throw unreadable(path, e);
        } finally {
            ImageReaders.close(reader);
        }
    }

    static MediaException unreadable(String path, Exception cause) {
        return new MediaException("The image '" + path + "' has no readable header; it is truncated or corrupt.", cause);
    }
}
