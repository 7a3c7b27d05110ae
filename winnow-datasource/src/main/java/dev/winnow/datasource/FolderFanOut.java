package dev.winnow.datasource;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lists everything below a prefix of an object store by walking its folders in parallel: each
 * folder is one listing with the delimiter {@code /}, which returns the folder's objects and its
 * sub-folders, and every sub-folder found is listed at once by a free worker. A bucket of a million
 * objects in a thousand folders so lists with as many requests in flight as there are workers,
 * instead of one page after another. Folders whose name is skipped are never listed.
 *
 * <pre>{@code
 * List<String> keys = FolderFanOut.listKeys("images/", Set.of(".winnow"), 32, folder -> one delimited listing);
 * }</pre>
 *
 * <p>The cost is one request per folder (and page); a prefix with no sub-folders gains nothing. Each
 * call uses its own short-lived threads; the lister is called from several threads at once.
 */
public final class FolderFanOut {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private FolderFanOut() {}

    /** What one delimited listing of a folder found: object keys and sub-folder prefixes (ending in {@code /}). */
    public record Folder(List<String> keys, List<String> subFolders) {
        public Folder {
            keys = List.copyOf(keys);
            subFolders = List.copyOf(subFolders);
        }
    }

    /** Lists one folder, all pages of it, with the delimiter {@code /}. */
    @FunctionalInterface
    public interface FolderLister {
        /** The objects and sub-folders directly below {@code prefix} ("" or ending in {@code /}). */
        Folder list(String prefix) throws IOException;
    }

    /**
     * Every object key below {@code prefix} ("" or ending in {@code /}), unsorted, leaving out
     * sub-folders (below {@code prefix}, at any depth) whose last name is in {@code skippedFolders}.
     *
     * @param workers how many folder listings may be in flight at once, at least 1
     */
    public static List<String> listKeys(String prefix, Set<String> skippedFolders, int workers, FolderLister lister)
            throws IOException {
        if (workers < 1) {
            throw new IllegalArgumentException("A listing needs at least 1 worker, but was given " + workers + ".");
        }
        ThreadFactory daemons = task -> {
            Thread thread = new Thread(task, "winnow-list-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemons);
        try {
            ExecutorCompletionService<Folder> done = new ExecutorCompletionService<>(pool);
            List<String> keys = new ArrayList<>();
            int inFlight = 1;
            done.submit(() -> lister.list(prefix));
            while (inFlight > 0) {
                Folder folder = take(done);
                inFlight--;
                keys.addAll(folder.keys());
                for (String sub : folder.subFolders()) {
                    if (!skippedFolders.contains(lastName(sub))) {
                        done.submit(() -> lister.list(sub));
                        inFlight++;
                    }
                }
            }
            return keys;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * As {@link #listKeys}, for the files of a datasource whose root is the key prefix {@code rootKey}
     * ("" or ending in {@code /}): their paths below the root, sorted. Keys ending in {@code /} (the
     * folder markers some consoles make) are not files and are left out.
     */
    public static List<String> listPaths(
            String rootKey, String prefix, Set<String> skippedFolders, int workers, FolderLister lister)
            throws IOException {
        List<String> keys = listKeys(prefix, skippedFolders, workers, lister);
        List<String> paths = new ArrayList<>(keys.size());
        for (String key : keys) {
            if (key.startsWith(rootKey) && !key.endsWith("/")) {
                paths.add(key.substring(rootKey.length()));
            }
        }
        Collections.sort(paths);
        return paths;
    }

    private static Folder take(ExecutorCompletionService<Folder> done) throws IOException {
        try {
            Future<Folder> next = done.take();
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while listing.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    /** The name of the folder {@code a/b/} is {@code b}. */
    private static String lastName(String folderPrefix) {
        String trimmed =
                folderPrefix.endsWith("/") ? folderPrefix.substring(0, folderPrefix.length() - 1) : folderPrefix;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
