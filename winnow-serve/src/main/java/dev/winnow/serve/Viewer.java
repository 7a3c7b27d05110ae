package dev.winnow.serve;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.Progress;
import dev.winnow.format.Diagnostic;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A datasource opened for viewing: its index, read from the cache when the predictions have not
 * changed since it was built, else built and cached. {@link ViewerServer} serves it.
 *
 * <pre>{@code
 * Viewer viewer = Viewer.open(input, output, true, 4, Progress.NONE, d -> {});
 * try (ViewerServer server = ViewerServer.start(viewer, "127.0.0.1", 0)) { ... }
 * }</pre>
 */
public final class Viewer {
    private volatile ViewerApi api;
    private final boolean fromCache;
    private final CompletableFuture<Boolean> check;

    private Viewer(ViewerApi api, boolean fromCache, CompletableFuture<Boolean> check) {
        this.api = api;
        this.fromCache = fromCache;
        this.check = check;
    }

    /** What an index is built from and where it is kept, for both ways of opening. */
    private record Sources(
            Datasource input,
            Datasource output,
            boolean writable,
            int threads,
            Progress progress,
            Consumer<Diagnostic> diagnostics) {

        /** Builds the index from the files {@code listing} found, and caches it when writable. */
        SampleIndex build(IndexCache.Listing listing) throws IOException {
            SampleIndex index = new IndexBuilder(input, output, threads).build(listing.media(), progress, diagnostics);
            if (writable) {
                IndexCache.write(output, listing.key(), index);
            }
            return index;
        }

        ViewerApi api(SampleIndex index) throws IOException {
            return new ViewerApi(input, output, index, writable);
        }
    }

    /**
     * Opens {@code input} with the predictions of {@code output}, reading {@code threads} files at once
     * while indexing. Diagnostics of unreadable files go to {@code diagnostics}; they are left out of
     * the index as {@code winnow scores} leaves them out. Unless {@code writable}, nothing is written:
     * the index is not cached and tagging is refused. The cached index is used only when the files'
     * listing still has its key.
     */
    public static Viewer open(
            Datasource input,
            Datasource output,
            boolean writable,
            int threads,
            Progress progress,
            Consumer<Diagnostic> diagnostics)
            throws IOException {
        return open(new Sources(input, output, writable, threads, progress, diagnostics));
    }

    private static Viewer open(Sources sources) throws IOException {
        IndexCache.Listing listing = IndexCache.listing(sources.input(), sources.output());
        Optional<SampleIndex> cached = IndexCache.read(sources.output(), listing.key());
        SampleIndex index = cached.isPresent() ? cached.get() : sources.build(listing);
        return new Viewer(sources.api(index), cached.isPresent(), CompletableFuture.completedFuture(false));
    }

    /**
     * Like {@link #open}, but a cached index is served at once while a background thread lists the
     * files (on a million samples the listing takes longer than reading the index) and, where they
     * changed since the index was built, builds it again and serves the new one from then on.
     * {@code notices} hears, in sentences, what the check found. Without a cached index it is
     * {@link #open}.
     */
    public static Viewer openCachedFirst(
            Datasource input,
            Datasource output,
            boolean writable,
            int threads,
            Progress progress,
            Consumer<Diagnostic> diagnostics,
            Consumer<String> notices)
            throws IOException {
        Sources sources = new Sources(input, output, writable, threads, progress, diagnostics);
        Optional<IndexCache.Cached> cached = IndexCache.readAny(output);
        if (cached.isEmpty()) {
            return open(sources);
        }
        Viewer viewer = new Viewer(sources.api(cached.get().index()), true, new CompletableFuture<>());
        Thread checker = new Thread(() -> viewer.check(sources, cached.get().key(), notices), "winnow-index-check");
        checker.setDaemon(true);
        checker.start();
        return viewer;
    }

    /** Lists the files; where their key is not {@code cachedKey}, builds the index again and serves it. */
    private void check(Sources sources, String cachedKey, Consumer<String> notices) {
        boolean rebuilt = false;
        try {
            long started = System.nanoTime();
            IndexCache.Listing listing = IndexCache.listing(sources.input(), sources.output());
            if (listing.key().equals(cachedKey)) {
                notices.accept("The index matches the files.");
            } else {
                notices.accept("The files changed since the index was built; indexing them again while"
                        + " the pages show the previous index.");
                SampleIndex index = sources.build(listing);
                api = sources.api(index);
                rebuilt = true;
                notices.accept("Indexed " + index.sampleCount() + " samples again in "
                        + String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9)
                        + " s; the pages show them now.");
            }
        } catch (IOException | RuntimeException e) {
            notices.accept("Checking the index against the files failed: " + e.getMessage()
                    + " The pages show the index as it was cached.");
        } finally {
            check.complete(rebuilt);
        }
    }

    /** Samples in the index served now. */
    public int sampleCount() {
        return api.sampleIndex().sampleCount();
    }

    /** Tasks in the index served now. */
    public int taskCount() {
        return api.sampleIndex().tasks().size();
    }

    /** The run of the output that finished last, whose selection the viewer shows at {@code /?run=ID}. */
    public Optional<String> latestRun() throws IOException {
        return api.runCatalog().latest();
    }

    /** Whether the index came from the cache rather than from reading every prediction file. */
    public boolean fromCache() {
        return fromCache;
    }

    /**
     * Waits for the check of a cached index against the files ({@link #openCachedFirst}); true when
     * the files had changed and the index was built again. Immediately false for {@link #open}.
     */
    public boolean awaitCheck() {
        return check.join();
    }

    ViewerApi api() {
        return api;
    }
}
