package dev.winnow.video.ffmpeg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import org.jspecify.annotations.Nullable;

/**
 * A datasource channel seen as the markable stream JavaCV reads containers through. JavaCV seeks
 * by {@code reset()} to the mark set at the start of the file and then {@code skip}s forward; a
 * plain stream would be wrapped in a {@link java.io.BufferedInputStream} that keeps every byte
 * since the mark in memory. Here a mark is just a file position, so seeking costs nothing and
 * memory stays flat whatever the video's size.
 *
 * <p>JavaCV's callbacks turn an {@link IOException} into "end of data" after printing it to
 * standard error. So a failed read or skip is kept here and reported as the end of the file,
 * silently, and the decoder raises the kept exception afterwards instead of calling the file
 * truncated. Not thread-safe, like any stream.
 */
final class ChannelInputStream extends InputStream {
    private final SeekableByteChannel channel;
    private final String name;
    private final long size;
    private long mark;
    private @Nullable IOException failure;

    ChannelInputStream(SeekableByteChannel channel, String name) throws IOException {
        this.channel = channel;
        this.name = name;
        this.size = channel.size();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        try {
            ByteBuffer target = ByteBuffer.wrap(bytes, offset, length);
            int read;
            do {
                read = channel.read(target);
            } while (read == 0);
            return read;
        } catch (IOException e) {
            remember(e);
            return -1;
        }
    }

    @Override
    public long skip(long count) throws IOException {
        try {
            long position = channel.position();
            long skipped = Math.max(0, Math.min(count, size - position));
            channel.position(position + skipped);
            return skipped;
        } catch (IOException e) {
            remember(e);
            return 0;
        }
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, size - channel.position()));
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public void mark(int readLimit) {
        try {
            mark = channel.position();
        } catch (IOException e) {
            remember(e);
            mark = 0;
        }
    }

    @Override
    public void reset() throws IOException {
        try {
            channel.position(mark);
        } catch (IOException e) {
            remember(e);
            throw e;
        }
    }

    /** The first I/O error a read or seek met, or null. */
    @Nullable
    IOException failure() {
        return failure;
    }

    private void remember(IOException e) {
        if (failure == null) {
            failure = e;
        }
    }

    /**
     * The name JavaCV hands FFmpeg for this input. FFmpeg takes the extension as a hint when the
     * content alone does not settle the container. The made-up scheme matters: when opening fails,
     * JavaCV tries once more by name alone, and a bare path would then open a file of that name
     * relative to the working directory; an unknown protocol fails instead.
     */
    @Override
    public String toString() {
        return "winnow-datasource:" + name;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
