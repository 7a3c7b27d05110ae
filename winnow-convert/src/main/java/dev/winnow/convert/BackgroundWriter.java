package dev.winnow.convert;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes prediction files of a {@link PredictionsFolder} on background threads while the caller
 * goes on producing them, so reading the input and creating files overlap. The queue between them
 * is bounded: a producer faster than the disk waits, and memory stays bounded.
 *
 * <pre>{@code
 * try (BackgroundWriter writer = new BackgroundWriter(folder, PredictionsFolder.WRITER_THREADS, 1024)) {
 *     writer.write("a.jpg", json);   // returns at once unless the queue is full
 *     writer.finish();               // waits for every file; rethrows the first failure
 * }
 * }</pre>
 *
 * <p>One producer thread; {@link #close} without {@link #finish} (after a failure of the producer)
 * drops what is queued and stops the threads.
 */
public final class BackgroundWriter implements AutoCloseable {
    private static final PredictionsFolder.Entry END = new PredictionsFolder.Entry("", new byte[0]);
    private static final long POLL_MILLIS = 100;

    private final PredictionsFolder folder;
    private final BlockingQueue<PredictionsFolder.Entry> queue;
    private final Thread[] threads;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private boolean finished;

    /** Starts {@code threads} writers with room for {@code capacity} files waiting. */
    public BackgroundWriter(PredictionsFolder folder, int threads, int capacity) {
        if (threads < 1 || capacity < threads) {
            throw new IllegalArgumentException(
                    "A background writer needs at least one thread and room for one file per thread," + " but got "
                            + threads + " threads and room for " + capacity + ".");
        }
        this.folder = folder;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.threads = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            this.threads[t] = new Thread(this::drain, WriterThreads.name(t));
            this.threads[t].setDaemon(true);
            this.threads[t].start();
        }
    }

    @SuppressWarnings("ReferenceEquality") // END is a marker instance, told apart by identity
    private void drain() {
        try {
            while (true) {
                PredictionsFolder.Entry entry = queue.take();
                if (entry == END || failure.get() != null) {
                    return;
                }
                folder.write(entry.sampleName(), entry.json());
            }
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        }
    }

    /** Queues the prediction file of {@code sampleName}; waits while the queue is full. */
    public void write(String sampleName, byte[] json) throws IOException {
        put(new PredictionsFolder.Entry(sampleName, json));
    }

    private void put(PredictionsFolder.Entry entry) throws IOException {
        try {
            while (!queue.offer(entry, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while writing prediction files.");
        }
        rethrowFailure();
    }

    /** Waits until every queued file is written; rethrows the first failure of a writer. */
    public void finish() throws IOException {
        finished = true;
        for (int t = 0; t < threads.length; t++) {
            if (failure.get() == null) {
                put(END);
            }
        }
        WriterThreads.joinAll(threads);
        rethrowFailure();
    }

    /** After {@link #finish} nothing is left to do; otherwise queued files are dropped and the threads stopped. */
    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        failure.compareAndSet(
                null, new InterruptedIOException("The conversion stopped before its files were written."));
        queue.clear();
        for (int t = 0; t < threads.length; t++) {
            queue.offer(END);
        }
        WriterThreads.joinAll(threads);
    }

    private void rethrowFailure() throws IOException {
        WriterThreads.rethrow(failure.get());
    }
}
