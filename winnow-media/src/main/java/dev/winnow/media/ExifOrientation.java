package dev.winnow.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;

/**
 * The EXIF orientation of a JPEG: how its stored pixels are turned to be shown upright. Phones store
 * a portrait photo as a landscape one with orientation 6 ("rotate 90° clockwise to show").
 *
 * <p>Winnow works in the displayed pixels, as OpenCV's {@code imread}, Ultralytics, browsers and
 * labelling tools show the photo: sizes, box bounds, crops, thumbnails and embeddings all see the
 * turned image, so that predictions made on what a user sees line up.
 *
 * <p>Values 1 to 8 as EXIF defines them; 1 (as stored) when the file has no EXIF segment, no
 * orientation tag, or a value outside 1 to 8.
 */
final class ExifOrientation {
    static final int AS_STORED = 1;
    private static final int TAG_ORIENTATION = 0x0112;
    private static final int MAX_SEGMENTS = 64;

    private ExifOrientation() {}

    /** Reads {@code into}'s remaining bytes from {@code position} of a file; false when the file ends first. */
    @FunctionalInterface
    private interface Bytes {
        boolean readAt(long position, ByteBuffer into) throws IOException;
    }

    /**
     * The orientation of the JPEG in {@code channel}, read from its Exif segment (APP1) among the
     * segments before the image data; only those segment headers and the Exif segment are read.
     */
    static int read(SeekableByteChannel channel) throws IOException {
        return read((position, into) -> {
            channel.position(position);
            while (into.hasRemaining()) {
                if (channel.read(into) < 0) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The orientation of the JPEG whose whole file is {@code file}, as {@link #read(SeekableByteChannel)}. */
    static int read(byte[] file) {
        try {
            return read((position, into) -> {
                if (position + into.remaining() > file.length) {
                    return false;
                }
                into.put(file, (int) position, into.remaining());
                return true;
            });
        } catch (IOException e) {
            throw new AssertionError("reading bytes in memory cannot fail", e);
        }
    }

    private static int read(Bytes file) throws IOException {
        ByteBuffer marker = ByteBuffer.allocate(4);
        if (!file.readAt(0, marker.limit(2)) || (marker.getShort(0) & 0xFFFF) != 0xFFD8) {
            return AS_STORED;
        }
        long position = 2;
        for (int segment = 0; segment < MAX_SEGMENTS; segment++) {
            marker.clear();
            if (!file.readAt(position, marker)) {
                return AS_STORED;
            }
            int type = marker.getShort(0) & 0xFFFF;
            int length = marker.getShort(2) & 0xFFFF;
            // The Exif segment comes before the frame header and the scan; a marker that is not an
            // application or table segment ends the search.
            if ((type & 0xFF00) != 0xFF00
                    || type == 0xFFDA
                    || (type >= 0xFFC0 && type <= 0xFFCF && type != 0xFFC4 && type != 0xFFCC)
                    || length < 2) {
                return AS_STORED;
            }
            if (type == 0xFFE1 && length > 8) {
                ByteBuffer payload = ByteBuffer.allocate(length - 2);
                if (!file.readAt(position + 4, payload)) {
                    return AS_STORED;
                }
                int orientation = fromExif(payload.array());
                if (orientation != 0) {
                    return orientation;
                }
            }
            position += 2 + length;
        }
        return AS_STORED;
    }

    /** The orientation in an APP1 payload, 1 when it states a value outside 1-8, 0 when it is not Exif. */
    static int fromExif(byte[] payload) {
        if (payload.length < 14
                || payload[0] != 'E'
                || payload[1] != 'x'
                || payload[2] != 'i'
                || payload[3] != 'f'
                || payload[4] != 0
                || payload[5] != 0) {
            return 0;
        }
        ByteBuffer tiff = ByteBuffer.wrap(payload, 6, payload.length - 6).slice();
        if (tiff.get(0) == 'I' && tiff.get(1) == 'I') {
            tiff.order(ByteOrder.LITTLE_ENDIAN);
        } else if (tiff.get(0) != 'M' || tiff.get(1) != 'M') {
            return AS_STORED;
        }
        long ifd = tiff.getInt(4) & 0xFFFFFFFFL;
        if (ifd + 2 > tiff.limit()) {
            return AS_STORED;
        }
        int entries = tiff.getShort((int) ifd) & 0xFFFF;
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + 12 * i;
            if (entry + 12 > tiff.limit()) {
                break;
            }
            if ((tiff.getShort(entry) & 0xFFFF) == TAG_ORIENTATION) {
                int type = tiff.getShort(entry + 2) & 0xFFFF;
                int value = type == 3 ? tiff.getShort(entry + 8) & 0xFFFF : type == 4 ? tiff.getInt(entry + 8) : -1;
                return value >= 1 && value <= 8 ? value : AS_STORED;
            }
        }
        return AS_STORED;
    }

    /** True when the orientation turns the image by a quarter, so width and height change places. */
    static boolean swapsSides(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /** The size the image is shown at. */
    @SuppressWarnings("ArgumentSelectionDefectChecker") // a quarter turn swaps width and height on purpose
    static ImageSize displayed(ImageSize stored, int orientation) {
        return swapsSides(orientation) ? new ImageSize(stored.height(), stored.width()) : stored;
    }

    /**
     * Where subsampling by {@code factor} starts in the stored image, {x, y}: on an axis that the
     * orientation reverses, at the last pixel's phase, so that the kept pixels are the displayed
     * image's pixels 0, factor, 2 factor, ... as when an upright file is subsampled.
     */
    static int[] subsamplingOffsets(ImageSize stored, int factor, int orientation) {
        boolean reversesX = orientation == 2 || orientation == 3 || orientation == 7 || orientation == 8;
        boolean reversesY = orientation == 3 || orientation == 4 || orientation == 6 || orientation == 7;
        return new int[] {reversesX ? (stored.width() - 1) % factor : 0, reversesY ? (stored.height() - 1) % factor : 0
        };
    }

    /** The stored pixels (TYPE_INT_RGB) turned as {@code orientation} says; the same image for 1. */
    static BufferedImage upright(BufferedImage stored, int orientation) {
        if (orientation <= AS_STORED || orientation > 8) {
            return stored;
        }
        int sw = stored.getWidth();
        int sh = stored.getHeight();
        int dw = swapsSides(orientation) ? sh : sw;
        int dh = swapsSides(orientation) ? sw : sh;
        int[] from = stored.getRGB(0, 0, sw, sh, null, 0, sw);
        BufferedImage turned = new BufferedImage(dw, dh, BufferedImage.TYPE_INT_RGB);
        int[] to = ((DataBufferInt) turned.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < dh; y++) {
            for (int x = 0; x < dw; x++) {
                // The stored pixel shown at (x, y), from where EXIF puts the stored row 0 and column 0.
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> {
                        sx = sw - 1 - x;
                        sy = y;
                    }
                    case 3 -> {
                        sx = sw - 1 - x;
                        sy = sh - 1 - y;
                    }
                    case 4 -> {
                        sx = x;
                        sy = sh - 1 - y;
                    }
                    case 5 -> {
                        sx = y;
                        sy = x;
                    }
                    case 6 -> {
                        sx = y;
                        sy = dw - 1 - x;
                    }
                    case 7 -> {
                        sx = dh - 1 - y;
                        sy = dw - 1 - x;
                    }
                    default -> {
                        sx = dh - 1 - y;
                        sy = x;
                    } // 8
                }
                to[y * dw + x] = from[sy * sw + sx];
            }
        }
        return turned;
    }
}
