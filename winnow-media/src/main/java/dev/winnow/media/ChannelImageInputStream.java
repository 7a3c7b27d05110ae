package dev.winnow.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An ImageIO input stream over a seekable channel with its own read buffer. Image readers read a
 * byte or a short at a time while parsing headers, so an unbuffered channel would cost a system
 * call per byte; ImageIO's own cached streams copy the whole file to memory or a temporary file.
 * Not thread-safe, like every ImageInputStream.
 */
final class ChannelImageInputStream extends ImageInputStreamImpl {
    /** For decoding: large sequential reads. */
    static final int DECODE_BUFFER = 64 * 1024;
    /** For headers: a JPEG's or PNG's size is in its first few hundred bytes. */
    static final int HEADER_BUFFER = 4 * 1024;

    private final SeekableByteChannel channel;
    private final ByteBuffer buffer;
    /** File offset of buffer index 0. */
    private long bufferStart;

    private final long length;

    ChannelImageInputStream(SeekableByteChannel channel) throws IOException {
        this(channel, DECODE_BUFFER);
    }

    ChannelImageInputStream(SeekableByteChannel channel, int bufferSize) throws IOException {
        this.channel = channel;
        this.buffer = ByteBuffer.allocate(bufferSize);
        this.length = channel.size();
        buffer.limit(0);
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        bitOffset = 0;
        if (!fill()) {
            return -1;
        }
        int value = buffer.get((int) (streamPos - bufferStart)) & 0xFF;
        streamPos++;
        return value;
    }

    @Override
    public int read(byte[] bytes, int offset, int len) throws IOException {
        checkClosed();
        bitOffset = 0;
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int index = (int) (streamPos - bufferStart);
        int count = Math.min(len, buffer.limit() - index);
        buffer.get(index, bytes, offset, count);
        streamPos += count;
        return count;
    }

    /** Makes the byte at streamPos available in the buffer; false at the end of the file. */
    private boolean fill() throws IOException {
        if (streamPos >= bufferStart && streamPos < bufferStart + buffer.limit()) {
            return true;
        }
        if (streamPos >= length) {
            return false;
        }
        buffer.clear();
        bufferStart = streamPos;
        channel.position(streamPos);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                break;
            }
        }
        buffer.flip();
        return buffer.limit() > 0;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public void close() throws IOException {
        super.close();
        channel.close();
    }
}
