package dev.winnow.media;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocationAccessException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import javax.imageio.ImageReader;

/**
 * Reads an image's size from its header alone, never decoding the pixels. The size is the displayed
 * one: a JPEG whose EXIF orientation turns it by a quarter has width and height swapped (see
 * {@link ExifOrientation}). JPEG, PNG and BMP
 * headers are parsed directly (a JPEG's frame header, a PNG's IHDR chunk), other formats by their
 * ImageIO reader, which also stops at the first frame's dimensions. The cost is a few kilobytes of
 * I/O whatever the image's size.
 *
 * <pre>{@code
 * ImageSize size = ImageHeaders.read(datasource, "street/home.jpg");   // 512x384
 * }</pre>
 *
 * <p>Thread-safe: each call uses its own reader.
 */
public final class ImageHeaders {
    private ImageHeaders() {}

    /**
     * The size of the image at {@code path}; a {@link MediaException} names the file when it has no
     * readable header. Failing to open the file at all is an {@link IOException}.
     */
    public static ImageSize read(Datasource datasource, String path) throws IOException, MediaException {
        // One read of the file's first bytes holds the header of nearly every image.
        ByteBuffer head = ByteBuffer.allocate(ChannelImageInputStream.HEADER_BUFFER);
        int orientation = ExifOrientation.AS_STORED;
        try (SeekableByteChannel in = datasource.openSeekable(path)) {
            while (head.hasRemaining() && in.read(head) >= 0) {
                // until the buffer is full or the file ends
            }
            if (head.position() >= 2 && (head.get(0) & 0xFF) == 0xFF && (head.get(1) & 0xFF) == 0xD8) {
                orientation = ExifOrientation.read(in);
            }
        }
        return ExifOrientation.displayed(storedSize(datasource, path, head), orientation);
    }

    @SuppressWarnings("ByteBufferBackingArray") // head is always a ByteBuffer.allocate buffer, offset 0
    private static ImageSize storedSize(Datasource datasource, String path, ByteBuffer head)
            throws IOException, MediaException {
        boolean whole = head.hasRemaining();
        ImageSize quick = HeaderParsers.tryReadPngOrBmp(head.array(), head.position());
        if (quick != null) {
            return quick;
        }
        try {
            ImageSize size = HeaderParsers.tryRead(new PrefixImageInputStream(head.array(), head.position(), whole));
            if (size != null) {
                return size;
            }
        } catch (EOFException e) {
            // too short for the quick path; ImageIO below says what is wrong
        }
        // The header may go on past the first bytes (a JPEG with large metadata segments).
        return whole ? readWithImageIo(datasource, path) : readThroughChannel(datasource, path);
    }

    private static ImageSize readThroughChannel(Datasource datasource, String path) throws IOException, MediaException {
        try (ChannelImageInputStream in =
                new ChannelImageInputStream(datasource.openSeekable(path), ChannelImageInputStream.HEADER_BUFFER)) {
            ImageSize size = HeaderParsers.tryRead(in);
            if (size != null) {
                return size;
            }
        } catch (EOFException e) {
            // too short for the quick path; ImageIO below says what is wrong
        }
        return readWithImageIo(datasource, path);
    }

    /** The size as the format's ImageIO reader reports it, for every format (the reference for the quick path). */
    static ImageSize readWithImageIo(Datasource datasource, String path) throws IOException, MediaException {
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
        LocationAccessException.rethrowIfDenied(cause);
        return new MediaException(
                "The image '" + path + "' has no readable header; it is truncated or corrupt.", cause);
    }
}
