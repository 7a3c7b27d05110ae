package dev.winnow.convert;

import dev.winnow.datasource.Datasource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A datasource without folders (like an object store): it passes the required operations to
 * another one and keeps the defaults for the rest, so it cannot move folders. Its writes may be
 * made to fail, as on a full disk.
 */
final class FlatDatasource implements Datasource {
    private final Datasource files;
    private final int writesBeforeFull;
    private final AtomicInteger writes = new AtomicInteger();

    private FlatDatasource(Datasource files, int writesBeforeFull) {
        this.files = files;
        this.writesBeforeFull = writesBeforeFull;
    }

    /** Every operation on {@code files}. */
    static FlatDatasource over(Datasource files) {
        return new FlatDatasource(files, Integer.MAX_VALUE);
    }

    /** Like {@link #over}, but every write after the first {@code writes} fails with "disk full". */
    static FlatDatasource fullAfter(Datasource files, int writes) {
        return new FlatDatasource(files, writes);
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
        files.writeAtomically(path, contents);
    }
}
