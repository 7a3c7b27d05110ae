package dev.winnow.media;

import java.io.IOException;
import javax.imageio.stream.ImageInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads the size of the most common formats (JPEG, PNG, BMP) straight from their bytes. Going
 * through ImageIO costs a reader look-up across every plugin and a reader instance per file (the
 * JPEG reader sets up a native decoder), about a millisecond per image; validation reads one header
 * per sample, so this path reads a few hundred bytes instead. Anything unexpected returns null and
 * the caller falls back to ImageIO, which then also produces the diagnostic.
 */
final class HeaderParsers {
    /** Most JPEG segments scanned before giving up (a JPEG has a handful before its frame header). */
    private static final int MAX_JPEG_SEGMENTS = 1000;

    private HeaderParsers() {}

    /** The size, or null when the format is not one of these or its header is unusual. */
    static @Nullable ImageSize tryRead(ImageInputStream in) throws IOException {
        in.seek(0);
        int b0 = in.read();
        int b1 = in.read();
        if (b0 == 0xFF && b1 == 0xD8) {
            return jpeg(in);
        }
        if (b0 == 0x89 && b1 == 'P') {
            return png(in);
        }
        if (b0 == 'B' && b1 == 'M') {
            return bmp(in);
        }
        return null;
    }

    private static @Nullable ImageSize jpeg(ImageInputStream in) throws IOException {
        for (int segment = 0; segment < MAX_JPEG_SEGMENTS; segment++) {
            int b = in.read();
            if (b != 0xFF) {
                return null; // not at a marker: leave the odd file to ImageIO
            }
            int marker;
            do {
                marker = in.read(); // 0xFF bytes may pad before a marker
            } while (marker == 0xFF);
            if (marker < 0 || marker == 0xD9 || marker == 0xDA) {
                return null; // end of image or of headers without a frame header
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // markers without a length
            }
            int length = in.readUnsignedShort();
            if (length < 2) {
                return null;
            }
            boolean frameHeader =
                    marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frameHeader) {
                in.readUnsignedByte(); // sample precision
                int height = in.readUnsignedShort();
                int width = in.readUnsignedShort();
                return width > 0 && height > 0 ? new ImageSize(width, height) : null; // height 0: defined later (DNL)
            }
            in.seek(in.getStreamPosition() + length - 2);
        }
        return null;
    }

    /**
     * The size of a PNG or BMP from the first {@code count} bytes of the file, without a stream; null
     * for any other format, for too few bytes, or where {@link #tryRead} would return null.
     */
    static @Nullable ImageSize tryReadPngOrBmp(byte[] bytes, int count) {
        if (count >= 2 + 22 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P') {
            return png(bytes, 2);
        }
        if (count >= 2 + 24 && bytes[0] == 'B' && bytes[1] == 'M') {
            return bmp(bytes, 2);
        }
        return null;
    }

    private static @Nullable ImageSize png(ImageInputStream in) throws IOException {
        byte[] header = new byte[22];
        in.readFully(header); // rest of the signature, then the IHDR chunk's length and type
        return png(header, 0);
    }

    /** From the 22 bytes at {@code at}: bytes 2..23 of the file. */
    private static @Nullable ImageSize png(byte[] b, int at) {
        if (b[at] != 'N'
                || b[at + 1] != 'G'
                || b[at + 10] != 'I'
                || b[at + 11] != 'H'
                || b[at + 12] != 'D'
                || b[at + 13] != 'R') {
            return null;
        }
        int width = bigEndian(b, at + 14);
        int height = bigEndian(b, at + 18);
        return width > 0 && height > 0 ? new ImageSize(width, height) : null;
    }

    private static @Nullable ImageSize bmp(ImageInputStream in) throws IOException {
        byte[] header = new byte[24];
        in.readFully(header); // bytes 2..25 of the file
        return bmp(header, 0);
    }

    /** From the 24 bytes at {@code at}: bytes 2..25 of the file. */
    private static @Nullable ImageSize bmp(byte[] b, int at) {
        int dibSize = littleEndian(b, at + 12);
        int width;
        int height;
        if (dibSize == 12) {
            width = (b[at + 16] & 0xFF) | (b[at + 17] & 0xFF) << 8;
            height = (b[at + 18] & 0xFF) | (b[at + 19] & 0xFF) << 8;
        } else if (dibSize >= 40) {
            width = littleEndian(b, at + 16);
            height = Math.abs(littleEndian(b, at + 20)); // negative: rows stored top-down
        } else {
            return null;
        }
        return width > 0 && height > 0 ? new ImageSize(width, height) : null;
    }

    private static int bigEndian(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private static int littleEndian(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }
}
