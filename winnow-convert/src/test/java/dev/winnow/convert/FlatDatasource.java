package dev.winnow.convert;

import dev.winnow.datasource.Datasource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A datasource without folders (like an object store): it passes the required operations to
 * another one and keeps the defaults for the rest, so it cannot move folders. Its writes may be
 * made to fail, as on a full disk, and it may ask for many requests in flight, as a bucket does.
 */
final class FlatDatasource implements Datasource {
    /** How long a write waits for the others of its meeting before it goes on alone. */
    private static final long MEETING_SECONDS = 5;

    private final Datasource files;
    private final int writesBeforeFull;
    private final int requestsInFlight;
    private final AtomicInteger writes = new AtomicInteger();
    private final CountDownLatch meeting;
    private final AtomicInteger writing = new AtomicInteger();
    private final AtomicInteger mostWritingAtOnce = new AtomicInteger();

    private FlatDatasource(Datasource files, int writesBeforeFull, int requestsInFlight) {
        this.files = files;
        this.writesBeforeFull = writesBeforeFull;
        this.requestsInFlight = requestsInFlight;
        this.meeting = new CountDownLatch(requestsInFlight);
    }

    /** Every operation on {@code files}. */
    static FlatDatasource over(Datasource files) {
        return new FlatDatasource(files, Integer.MAX_VALUE, 1);
    }

    /** Like {@link #over}, but every write after the first {@code writes} fails with "disk full". */
    static FlatDatasource fullAfter(Datasource files, int writes) {
        return new FlatDatasource(files, writes, 1);
    }

    /**
     * Like {@link #over}, asking for {@code requests} in flight; the first writes wait (a few
     * seconds at most) until {@code requests} of them are under way at once, so
     * {@link #mostWritingAtOnce} tells how many writers the caller really runs.
     */
    static FlatDatasource withRequestsInFlight(Datasource files, int requests) {
        return new FlatDatasource(files, Integer.MAX_VALUE, requests);
    }

    /** The most writes that were under way at the same moment. */
    int mostWritingAtOnce() {
        return mostWritingAtOnce.get();
    }

    @Override
    public int parallelReads() {
        return requestsInFlight;
    }

    @Override
    public String description() {
        return files.description();
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
        return files.open(path);
    }

    @Override
    public SeekableByteChannel openSeekable(String path) throws IOException {
        return files.openSeekable(path);
    }

    @Override
    public byte[] readAllBytes(String path, long maxBytes) throws IOException {
        return files.readAllBytes(path, maxBytes);
    }

    @Override
    public void delete(String path) throws IOException {
        files.delete(path);
    }

    @Override
    public void writeAtomically(String path, byte[] contents) throws IOException {
        if (writes.incrementAndGet() > writesBeforeFull) {
            throw new IOException("disk full");
        }
        mostWritingAtOnce.accumulateAndGet(writing.incrementAndGet(), Math::max);
        try {
            meeting.countDown();
            // Gives up when fewer writers come than requests in flight; mostWritingAtOnce tells how many did.
            meeting.await(MEETING_SECONDS, TimeUnit.SECONDS);
            files.writeAtomically(path, contents);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            writing.decrementAndGet();
        }
    }
}
