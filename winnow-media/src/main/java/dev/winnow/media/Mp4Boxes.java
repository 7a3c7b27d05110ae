package dev.winnow.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * Walks the top-level boxes of an MP4/MOV file before JCodec parses it. JCodec allocates a buffer
 * of whatever size the {@code moov} box declares and fails with assorted runtime errors on a
 * truncated file; checking the box structure first turns both into a clear sentence and keeps
 * the memory a hostile file can cost bounded. The walk JCodec makes is then retraced, and the
 * movie box it will parse has its children checked by {@link Mp4MovieBox}. Cost: two 16-byte reads
 * per top-level box and one read of the movie box.
 */
final class Mp4Boxes {
    /** Largest {@code moov} box accepted: its sample tables for hours of video fit easily. */
    static final long MAX_MOVIE_BOX_BYTES = 256L * 1024 * 1024;

    private static final int MAX_TOP_LEVEL_BOXES = 100_000;

    private Mp4Boxes() {}

    /** Checks the box structure of the file behind {@code channel}; the position is left undefined. */
    static void check(SeekableByteChannel channel, String path) throws IOException, MediaException {
        long fileSize = channel.size();
        long position = 0;
        boolean sawMovie = false;
        ByteBuffer header = ByteBuffer.allocate(16);
        for (int count = 0; position < fileSize; count++) {
            if (count == MAX_TOP_LEVEL_BOXES) {
                throw new MediaException("The video '" + path + "' has more than " + MAX_TOP_LEVEL_BOXES
                        + " top-level boxes; it is not a well-formed MP4/MOV file.");
            }
            if (fileSize - position < 8) {
                throw truncated(path, position, fileSize);
            }
            header.clear().limit((int) Math.min(16, fileSize - position));
            readAt(channel, position, header);
            long size = header.getInt() & 0xFFFFFFFFL;
            byte[] typeBytes = new byte[4];
            header.get(typeBytes);
            String type = new String(typeBytes, StandardCharsets.ISO_8859_1);
            if (count == 0 && !isPrintable(typeBytes)) {
                throw new MediaException("The video '" + path + "' does not start with an MP4/MOV box; "
                        + "it is corrupt or in another container.");
            }
            if (size == 1) {
                if (header.remaining() < 8) {
                    throw truncated(path, position, fileSize);
                }
                size = header.getLong();
            } else if (size == 0) {
                size = fileSize - position; // the box runs to the end of the file
            }
            if (size < 8) {
                throw new MediaException(
                        "The video '" + path + "' is corrupt: the box '" + printable(type) + "' at byte " + position
                                + " declares a size of " + size + " bytes, less than its own header.");
            }
            if (size > fileSize - position) {
                throw new MediaException("The video '" + path + "' is truncated: the box '" + printable(type)
                        + "' at byte " + position + " declares " + size + " bytes, but the file ends after "
                        + (fileSize - position) + ".");
            }
            if (type.equals("moof")) {
                throw new UnsupportedMediaException(
                        "The video '" + path + "' is a fragmented MP4 (its frames are listed in "
                                + "'moof' boxes), which the built-in decoder does not read.");
            }
            if (type.equals("moov")) {
                if (size > MAX_MOVIE_BOX_BYTES) {
                    throw new MediaException("The video '" + path + "' has a movie header of " + size
                            + " bytes, more than the limit of " + MAX_MOVIE_BOX_BYTES + " bytes.");
                }
                sawMovie = true;
            }
            position += size;
        }
        if (!sawMovie) {
            throw noMovie(path);
        }
        checkJcodecMovie(channel, fileSize, path);
    }

    /**
     * Walks the top-level boxes as JCodec does and checks the movie box it will parse. JCodec skips
     * zero words in a box header and takes the next word for the size (where the walk above takes a
     * size of 0 to mean the rest of the file), so its walk can land elsewhere; a step of less than
     * a header would make it loop for ever, and a box it reads past the end of the file would make
     * it allocate for the box's declared size.
     */
    private static void checkJcodecMovie(SeekableByteChannel channel, long fileSize, String path)
            throws IOException, MediaException {
        ByteBuffer window = ByteBuffer.allocate(16);
        long position = 0;
        boolean sawMovie = false;
        for (int count = 0; position < fileSize; count++) {
            if (count == MAX_TOP_LEVEL_BOXES) {
                throw new MediaException("The video '" + path + "' has more than " + MAX_TOP_LEVEL_BOXES
                        + " top-level boxes; it is not a well-formed MP4/MOV file.");
            }
            window.clear().limit((int) Math.min(16, fileSize - position));
            readAt(channel, position, window);
            long size = 0;
            while (window.remaining() >= 4 && (size = window.getInt() & 0xFFFFFFFFL) == 0) {
                // JCodec skips zero words here
            }
            if (window.remaining() < 4 || (size < 8 && size != 1)) {
                break; // JCodec's walk ends here
            }
            byte[] typeBytes = new byte[4];
            window.get(typeBytes);
            String type = printable(new String(typeBytes, StandardCharsets.ISO_8859_1));
            int header = 8;
            if (size == 1) {
                if (window.remaining() < 8) {
                    break;
                }
                size = window.getLong();
                header = 16;
            }
            if (size < 0) {
                throw new MediaException("The video '" + path + "' is corrupt: the box '" + type + "' at byte "
                        + position + " declares " + Long.toUnsignedString(size) + " bytes, more than the file holds.");
            }
            if (size < header) {
                throw new MediaException("The video '" + path + "' is corrupt: the box '" + type + "' at byte "
                        + position + " declares a size of " + size + " bytes, less than its own header.");
            }
            // JCodec lists every top-level box before it parses the first movie box.
            boolean movie = type.equals("moov") && !sawMovie;
            if ((movie || type.equals("ftyp")) && size > fileSize - position) {
                throw new MediaException("The video '" + path + "' is truncated: the box '" + type + "' at byte "
                        + position + " declares " + size + " bytes, but the file ends after "
                        + (fileSize - position) + ".");
            }
            if (movie) {
                if (size > MAX_MOVIE_BOX_BYTES) {
                    throw new MediaException("The video '" + path + "' has a movie header of " + size
                            + " bytes, more than the limit of " + MAX_MOVIE_BOX_BYTES + " bytes.");
                }
                // JCodec reads the body right after a header of 8 or 16 bytes, skipped zero words or not.
                ByteBuffer body = ByteBuffer.allocate((int) (size - header));
                readAt(channel, position + header, body);
                Mp4MovieBox.check(body, position + header, fileSize, path);
                sawMovie = true;
            }
            position += size;
        }
        if (!sawMovie) {
            throw noMovie(path);
        }
    }

    private static MediaException noMovie(String path) {
        return new MediaException(
                "The video '" + path + "' has no movie header (moov box); it is truncated or corrupt.");
    }

    private static MediaException truncated(String path, long position, long fileSize) {
        return new MediaException("The video '" + path + "' is truncated: a box header at byte " + position
                + " is cut off by the end of the file at byte " + fileSize + ".");
    }

    private static boolean isPrintable(byte[] type) {
        for (byte b : type) {
            if (b < 0x20 || b > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** A box type as it may be quoted in a message: itself, or "?" when it is not printable ASCII. */
    static String printable(String type) {
        return isPrintable(type.getBytes(StandardCharsets.ISO_8859_1)) ? type : "?";
    }

    /** Fills {@code buffer} to its limit from {@code position} of {@code channel} (or to the end) and flips it. */
    private static void readAt(SeekableByteChannel channel, long position, ByteBuffer buffer) throws IOException {
        channel.position(position);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            // a channel may return fewer bytes than asked
        }
        buffer.flip();
    }
}
