package dev.winnow.cloud.s3;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * A read-only channel over a remote object of known size, read in blocks by ranged requests. The
 * first block is small and comes with the opening request (an image header needs no more); past
 * it, while a block is read, the next {@code readAhead} blocks are already on their way, so a
 * decoder reading forward rarely waits, and a seek costs only the blocks it lands in: a few frames
 * of a long video need a few blocks, not the whole file. Recent blocks are kept for seeks back.
 *
 * <p>Not thread-safe, like most channels' position.
 */
final class RangedChannel implements SeekableByteChannel {
    /** Fetches the bytes {@code from} to {@code to}, both included. */
    interface RangeFetcher {
        CompletableFuture<byte[]> fetch(long from, long to);
    }

    private final long size;
    private final int firstBytes;
    private final int blockBytes;
    private final int readAhead;
    private final RangeFetcher fetcher;
    private final Function<Throwable, IOException> failure;
    /** Blocks by index, in the order they were asked for; the oldest are dropped. */
    private final Map<Long, CompletableFuture<byte[]>> blocks = new LinkedHashMap<>();

    private long position;
    private boolean open = true;

    /**
     * @param first the object's first {@code firstBytes} bytes (fewer when it is shorter), already read
     */
    RangedChannel(
            long size,
            byte[] first,
            int firstBytes,
            int blockBytes,
            int readAhead,
            RangeFetcher fetcher,
            Function<Throwable, IOException> failure) {
        this.size = size;
        this.firstBytes = firstBytes;
        blocks.put(0L, CompletableFuture.completedFuture(first));
        this.blockBytes = blockBytes;
        this.readAhead = readAhead;
        this.fetcher = fetcher;
        this.failure = failure;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        ensureOpen();
        if (position >= size) {
            return -1;
        }
        long index = position < firstBytes ? 0 : 1 + (position - firstBytes) / blockBytes;
        byte[] block = block(index);
        // Past the header block the reader is decoding forward: fetch what comes next meanwhile.
        for (long ahead = index + 1; index > 0 && ahead <= index + readAhead && start(ahead) < size; ahead++) {
            CompletableFuture<byte[]> unused = request(ahead); // read-ahead: kept in blocks until read
        }
        int offset = (int) (position - start(index));
        int n = Math.min(dst.remaining(), block.length - offset);
        dst.put(block, offset, n);
        position += n;
        return n;
    }

    private byte[] block(long index) throws IOException {
        try {
            return request(index).join();
        } catch (CompletionException e) {
            blocks.remove(index);
            throw failure.apply(Backoff.unwrap(e));
        }
    }

    private long start(long index) {
        return index == 0 ? 0 : firstBytes + (index - 1) * blockBytes;
    }

    private CompletableFuture<byte[]> request(long index) {
        CompletableFuture<byte[]> block = blocks.get(index);
        if (block == null) {
            long from = start(index);
            block = fetcher.fetch(from, Math.min(size, from + (index == 0 ? firstBytes : blockBytes)) - 1);
            blocks.put(index, block);
            if (blocks.size() > readAhead + 3) {
                Long oldest = blocks.keySet().iterator().next();
                blocks.remove(oldest);
            }
        }
        return block;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("A channel position must be at least 0, but was " + newPosition + ".");
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        return size;
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
        blocks.clear();
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
