package dev.winnow.datasource;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A read-only seekable channel over an object that is fetched in ranges: a video in a bucket is
 * decoded from the pieces the decoder touches, never downloaded whole.
 *
 * <p>Chunks start small ({@link #FIRST_CHUNK_BYTES}, so a seek to read a header or an index costs
 * little) and double on each sequential refill up to {@link #MAX_CHUNK_BYTES}; while the reader
 * works through a sequential chunk, the next one is already being fetched on {@code readAhead}.
 * A seek outside the current chunk drops the read-ahead and starts small again.
 *
 * <pre>{@code
 * SeekableByteChannel video = RangedChannel.open(size, firstBytes, (offset, length) -> ranged GET, executor);
 * }</pre>
 *
 * <p>Not meant for use from several threads at once (like a file channel's position); its
 * methods are synchronized so that a mistaken caller gets consistent bytes, not torn state.
 */
public final class RangedChannel implements SeekableByteChannel {
    /** The first and smallest chunk: headers and indexes are short. */
    public static final int FIRST_CHUNK_BYTES = 256 * 1024;
    /** The largest chunk: enough to keep a fast link busy, small enough to waste little on a seek. */
    public static final int MAX_CHUNK_BYTES = 8 * 1024 * 1024;

    /**
     * Runs the read-ahead of every channel opened without an executor of its own; daemon threads, so an unclosed
     * channel never keeps the process alive.
     */
    private static final ExecutorService SHARED_READ_AHEAD = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger threads = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "winnow-read-ahead-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    });

    /** Fetches bytes of the object. */
    @FunctionalInterface
    public interface RangeSource {
        /**
         * At most {@code length} bytes from {@code offset} on (fewer only at the end of the object).
         * An implementation pins the object's version, so a replaced object fails here rather than
         * mixing two versions' bytes.
         */
        byte[] read(long offset, int length) throws IOException;
    }

    private final long size;
    private final RangeSource source;
    private final Executor readAhead;

    private long position;
    private byte[] chunk;
    private long chunkStart;
    private int nextChunkBytes = FIRST_CHUNK_BYTES;
    private @Nullable CompletableFuture<byte[]> pending;
    private long pendingStart = -1;
    private boolean open = true;

    private RangedChannel(long size, byte[] first, RangeSource source, Executor readAhead) {
        this.size = size;
        this.source = source;
        this.readAhead = readAhead;
        this.chunk = first;
        this.chunkStart = 0;
    }

    /**
     * A channel over an object of {@code size} bytes whose first bytes ({@code first}, possibly
     * empty) the caller already fetched while learning the size; the read-ahead runs on threads
     * shared by all such channels.
     */
    public static RangedChannel open(long size, byte[] first, RangeSource source) {
        return open(size, first, source, SHARED_READ_AHEAD);
    }

    /** As {@link #open(long, byte[], RangeSource)}, reading ahead on {@code readAhead}. */
    public static RangedChannel open(long size, byte[] first, RangeSource source, Executor readAhead) {
        if (size < 0 || first.length > size) {
            throw new IllegalArgumentException(
                    "The first " + first.length + " bytes cannot belong to an object of " + size + " bytes.");
        }
        return new RangedChannel(size, first, source, readAhead);
    }

    @Override
    public synchronized int read(ByteBuffer dst) throws IOException {
        requireOpen();
        if (position >= size) {
            return -1;
        }
        if (!dst.hasRemaining()) {
            return 0;
        }
        if (position < chunkStart || position >= chunkStart + chunk.length) {
            fill();
        }
        int offset = (int) (position - chunkStart);
        int n = Math.min(dst.remaining(), chunk.length - offset);
        dst.put(chunk, offset, n);
        position += n;
        return n;
    }

    /** Makes {@link #chunk} hold {@link #position}, from the read-ahead when it is there. */
    private void fill() throws IOException {
        boolean sequential = position == chunkStart + chunk.length;
        nextChunkBytes = sequential ? Math.min(MAX_CHUNK_BYTES, nextChunkBytes * 2) : FIRST_CHUNK_BYTES;
        byte[] bytes;
        if (pending != null && pendingStart == position) {
            bytes = await(pending);
        } else {
            dropReadAhead();
            bytes = source.read(position, lengthFrom(position, nextChunkBytes));
        }
        pending = null;
        pendingStart = -1;
        if (bytes.length == 0) {
            throw new IOException("The object ended at byte " + position + ", before its size of " + size
                    + " bytes: it changed while being read.");
        }
        chunk = bytes;
        chunkStart = position;
        long next = chunkStart + chunk.length;
        if (sequential && next < size) {
            long start = next;
            int length = lengthFrom(start, Math.min(MAX_CHUNK_BYTES, nextChunkBytes * 2));
            pendingStart = start;
            pending = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return source.read(start, length);
                        } catch (IOException e) {
                            throw new ReadAheadFailure(e);
                        }
                    },
                    readAhead);
        }
    }

    private int lengthFrom(long start, int wanted) {
        return (int) Math.min(wanted, size - start);
    }

    private static byte[] await(CompletableFuture<byte[]> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while reading ahead.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ReadAheadFailure failure) {
                throw failure.getCause();
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }

    private void dropReadAhead() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
            pendingStart = -1;
        }
    }

    @Override
    public synchronized long position() throws IOException {
        requireOpen();
        return position;
    }

    @Override
    public synchronized SeekableByteChannel position(long newPosition) throws IOException {
        requireOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("A channel position must be at least 0, but was " + newPosition + ".");
        }
        position = newPosition;
        return this;
    }

    @Override
    public synchronized long size() throws IOException {
        requireOpen();
        return size;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    @Override
    public synchronized void close() {
        open = false;
        dropReadAhead();
        chunk = new byte[0];
    }

    private void requireOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }

    /** Carries a read-ahead's IOException through the future, to be rethrown as itself. */
    private static final class ReadAheadFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final IOException failure;

        ReadAheadFailure(IOException cause) {
            super(cause);
            this.failure = cause;
        }

        @Override
        public synchronized IOException getCause() {
            return failure;
        }
    }
}
