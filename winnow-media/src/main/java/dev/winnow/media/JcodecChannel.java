package dev.winnow.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/** Presents a datasource's read-only channel as JCodec's own channel type. */
final class JcodecChannel implements org.jcodec.common.io.SeekableByteChannel {
    private final SeekableByteChannel channel;

    JcodecChannel(SeekableByteChannel channel) {
        this.channel = channel;
    }

    @Override
    public long position() throws IOException {
        return channel.position();
    }

    @Override
    public org.jcodec.common.io.SeekableByteChannel setPosition(long newPosition) throws IOException {
        // A chunk offset past the end (some past what the system can seek to) reads as the end does.
        channel.position(Math.min(newPosition, channel.size()));
        return this;
    }

    @Override
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public org.jcodec.common.io.SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return channel.read(dst);
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
