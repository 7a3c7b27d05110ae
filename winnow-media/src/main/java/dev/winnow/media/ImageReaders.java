package dev.winnow.media;

import dev.winnow.datasource.Datasource;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Finds the ImageIO reader for a file by its content (not its extension) and hands it an input
 * stream over the datasource or over the file's bytes already in memory. The TwelveMonkeys plugins
 * on the class path register themselves with ImageIO, ahead of the JDK's readers where both exist.
 */
final class ImageReaders {
    static {
        // Plugins are found through the class path; scanning once keeps later look-ups cheap.
        ImageIO.scanForPlugins();
        // A stream ImageIO makes itself (a plugin reading embedded metadata, a writer's output)
        // buffers in memory rather than in a temporary file on disk.
        ImageIO.setUseCache(false);
    }

    private ImageReaders() {}

    /** An open reader for {@code path}; the caller disposes of it and closes its input. */
    static ImageReader open(Datasource datasource, String path, boolean ignoreMetadata)
            throws IOException, MediaException {
        return open(new ChannelImageInputStream(datasource.openSeekable(path)), path, ignoreMetadata);
    }

    /** An open reader for the whole file {@code bytes} of {@code path}; the caller disposes of it. */
    static ImageReader open(byte[] bytes, String path, boolean ignoreMetadata) throws IOException, MediaException {
        return open(new PrefixImageInputStream(bytes, bytes.length, true), path, ignoreMetadata);
    }

    private static ImageReader open(ImageInputStream input, String path, boolean ignoreMetadata)
            throws IOException, MediaException {
        try {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new MediaException("The file '" + path + "' is not an image Winnow can read "
                        + "(JPEG, PNG, GIF, BMP, TIFF or WebP).");
            }
            ImageReader reader = readers.next();
            reader.setInput(input, true, ignoreMetadata);
            return reader;
        } catch (MediaException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    /** Releases the reader and closes its input. */
    static void close(ImageReader reader) throws IOException {
        Object input = reader.getInput();
        reader.dispose();
        if (input instanceof ImageInputStream stream) {
            stream.close();
        }
    }
}
