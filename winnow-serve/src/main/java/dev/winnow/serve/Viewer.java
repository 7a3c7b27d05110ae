package dev.winnow.serve;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.Progress;
import dev.winnow.format.Diagnostic;
import java.io.IOException;
import java.util.Optional;
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
    private final ViewerApi api;
    private final int samples;
    private final int tasks;
    private final boolean fromCache;

    private Viewer(ViewerApi api, int samples, int tasks, boolean fromCache) {
        this.api = api;
        this.samples = samples;
        this.tasks = tasks;
        this.fromCache = fromCache;
    }

    /**
     * Opens {@code input} with the predictions of {@code output}, reading {@code threads} files at once
     * while indexing. Diagnostics of unreadable files go to {@code diagnostics}; they are left out of
     * the index as {@code winnow scores} leaves them out. Unless {@code writable}, nothing is written:
     * the index is not cached and tagging is refused.
     */
    public static Viewer open(
            Datasource input,
            Datasource output,
            boolean writable,
            int threads,
            Progress progress,
            Consumer<Diagnostic> diagnostics)
            throws IOException {
        IndexCache.Listing listing = IndexCache.listing(input, output);
        Optional<SampleIndex> cached = IndexCache.read(output, listing.key());
        SampleIndex index;
        if (cached.isPresent()) {
            index = cached.get();
        } else {
            index = new IndexBuilder(input, output, threads).build(listing.media(), progress, diagnostics);
            if (writable) {
                IndexCache.write(output, listing.key(), index);
            }
        }
        return new Viewer(
                new ViewerApi(input, output, index, writable),
                index.sampleCount(),
                index.tasks().size(),
                cached.isPresent());
    }

    public int sampleCount() {
        return samples;
    }

    public int taskCount() {
        return tasks;
    }

    /** The run of the output that finished last, whose selection the viewer shows at {@code /?run=ID}. */
    public Optional<String> latestRun() throws IOException {
        return api.runCatalog().latest();
    }

    /** Whether the index came from the cache rather than from reading every prediction file. */
    public boolean fromCache() {
        return fromCache;
    }

    ViewerApi api() {
        return api;
    }
}
