package dev.winnow.media;

import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An ImageIO input stream over the first bytes of a file, or over the whole file, already in
 * memory: for the header parsers, a header read this way costs one read of the file instead of a
 * channel with its own buffer; for the decoder, a small file is read once and decoded from memory.
 * Past the bytes it has, the stream ends. Not thread-safe, like every ImageInputStream.
 */
final class PrefixImageInputStream extends ImageInputStreamImpl {
    private final byte[] bytes;
    private final int count;
    private final long length;

    /** The first {@code count} of {@code bytes}; {@code whole}: they are the whole file, so its length is known. */
    PrefixImageInputStream(byte[] bytes, int count, boolean whole) {
        this.bytes = bytes;
        this.count = count;
        this.length = whole ? count : -1;
    }

    @Override
    public int read() {
        bitOffset = 0;
        if (streamPos >= count) {
            return -1;
        }
        return bytes[(int) streamPos++] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int len) {
        bitOffset = 0;
        if (len == 0) {
            return 0;
        }
        if (streamPos >= count) {
            return -1;
        }
        int n = (int) Math.min(len, count - streamPos);
        System.arraycopy(bytes, (int) streamPos, into, offset, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return length;
    }
}
