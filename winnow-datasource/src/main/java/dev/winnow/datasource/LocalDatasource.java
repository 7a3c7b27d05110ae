package dev.winnow.datasource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A datasource on a local folder. */
public final class LocalDatasource implements Datasource {
    private final Path root;

    private LocalDatasource(Path root) {
        this.root = root;
    }

    /** The folder at {@code root}, which must exist. */
    public static LocalDatasource at(Path root) throws IOException {
        return new LocalDatasource(root.toAbsolutePath().normalize());
    }

    public Path root() {
        return root;
    }

    @Override
    public String description() {
        return root.toString();
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public Optional<FileStat> stat(String path) throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public InputStream open(String path) throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public SeekableByteChannel openSeekable(String path) throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public byte[] readAllBytes(String path, long maxBytes) throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public void writeAtomically(String path, byte[] contents) throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }
}
