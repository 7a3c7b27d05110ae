package dev.winnow.video.ffmpeg;

import dev.winnow.datasource.Datasource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import java.util.Optional;

/** A datasource whose files fail to read past a given byte, as a disk or network share that goes away. */
final class BrokenDiskDatasource implements Datasource {
    private final Datasource files;
    private final long readableBytes;
    private final IOException failure;

    BrokenDiskDatasource(Datasource files, long readableBytes, IOException failure) {
        this.files = files;
        this.readableBytes = readableBytes;
        this.failure = failure;
    }

    @Override
    public String description() {
        return "broken " + files.description();
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        return files.list(prefix);
    }

    @Override
    public Optional<FileStat> stat(String path) throws IOException {
        return files.stat(path);
    }

    @Override
    public InputStream open(String path) throws IOException {
        throw failure;
    }

    @Override
    public SeekableByteChannel openSeekable(String path) throws IOException {
        SeekableByteChannel channel = files.openSeekable(path);
        return new SeekableByteChannel() {
            @Override
            public int read(ByteBuffer dst) throws IOException {
                if (channel.position() + dst.remaining() > readableBytes) {
                    throw failure;
                }
                return channel.read(dst);
            }

            @Override
            public int write(ByteBuffer src) {
                throw new UnsupportedOperationException();
            }

            @Override
            public long position() throws IOException {
                return channel.position();
            }

            @Override
            public SeekableByteChannel position(long newPosition) throws IOException {
                channel.position(newPosition);
                return this;
            }

            @Override
            public long size() throws IOException {
                return channel.size();
            }

            @Override
            public SeekableByteChannel truncate(long size) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean isOpen() {
                return channel.isOpen();
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    @Override
    public byte[] readAllBytes(String path, long maxBytes) throws IOException {
        throw failure;
    }

    @Override
    public void writeAtomically(String path, byte[] contents) throws IOException {
        throw new IOException("read-only");
    }
}
