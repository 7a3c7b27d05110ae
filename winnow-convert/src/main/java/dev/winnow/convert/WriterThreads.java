package dev.winnow.convert;

import java.io.IOException;
import java.io.InterruptedIOException;
import org.jspecify.annotations.Nullable;

/** What the threads writing prediction files share: waiting for them and passing their first failure on. */
final class WriterThreads {
    private WriterThreads() {}

    /** The name of writer thread {@code index}. */
    static String name(int index) {
        return "winnow-writer-" + index;
    }

    /** Waits for every thread; an interrupt becomes an {@link InterruptedIOException}. */
    static void joinAll(Thread[] threads) throws IOException {
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while writing prediction files.");
            }
        }
    }

    /** Rethrows a writer's failure as it was where the signature allows it, else wrapped; nothing when null. */
    static void rethrow(@Nullable Throwable failure) throws IOException {
        if (failure instanceof IOException io) {
            throw io;
        } else if (failure instanceof RuntimeException r) {
            throw r;
        } else if (failure instanceof Error err) {
            throw err;
        } else if (failure != null) {
            throw new IOException(failure);
        }
    }
}
