package dev.winnow.datasource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The output datasource of a run, guarded so that Winnow never writes into the input location.
 *
 * <p>Reads pass through unchanged. A write whose target lies inside the input location (input and
 * output the same folder, the output nested inside the input, or a path of the output reaching into
 * an input nested inside it) is allowed only below a
 * {@code .winnow/} or {@code .lightly/} folder, which {@link SampleLister} never lists as samples;
 * any other such write is refused with a {@link WriteRefusedException}. Locations are compared by
 * {@link Datasource#rootUri()}; a datasource that cannot tell its root is taken to be separate.
 *
 * <pre>{@code
 * Datasource output = OutputLocation.guard(Locations.openOrCreate(out), input);
 * output.writeAtomically(".winnow/runs/r1/selected.txt", bytes);   // allowed
 * }</pre>
 *
 * <p>Thread-safe when the wrapped datasource is.
 */
public final class OutputLocation implements Datasource {
    /**
     * Folders inside the input location that Winnow may write to: predictions and Winnow's own
     * files, never samples, so listings of samples leave them out.
     */
    public static final Set<String> OWNED_FOLDERS = Set.of(".winnow", ".lightly");

    private final Datasource output;
    private final Datasource input;
    /** Decoded root paths ending in '/', or null when the two roots cannot be compared. */
    private final @Nullable String outputRoot;

    private final @Nullable String inputRoot;

    private OutputLocation(Datasource output, Datasource input) {
        this.output = output;
        this.input = input;
        Optional<URI> out = output.rootUri();
        Optional<URI> in = input.rootUri();
        boolean comparable = out.isPresent()
                && in.isPresent()
                && Objects.equals(out.get().getScheme(), in.get().getScheme())
                && Objects.equals(out.get().getAuthority(), in.get().getAuthority());
        this.outputRoot = comparable ? withSlash(out.get().getPath()) : null;
        this.inputRoot = comparable ? withSlash(in.get().getPath()) : null;
    }

    private static String withSlash(String path) {
        return path.endsWith("/") ? path : path + "/";
    }

    /** {@code output}, refusing writes into {@code input} outside {@code .winnow/} and {@code .lightly/}. */
    public static OutputLocation guard(Datasource output, Datasource input) {
        return new OutputLocation(output, input);
    }

    /** Whether the output root lies inside (or is) the input root. */
    public boolean overlapsInput() {
        return outputRoot != null && inputRoot != null && outputRoot.startsWith(inputRoot);
    }

    /** Whether writing {@code path} of the output is allowed. */
    public boolean mayWrite(String path) throws PathOutsideRootException {
        String checked = DatasourcePaths.check(path, output.description(), false);
        if (outputRoot == null || inputRoot == null) {
            return true;
        }
        String target = outputRoot + checked;
        if (!target.startsWith(inputRoot)) {
            return true;
        }
        String inInput = target.substring(inputRoot.length());
        String folderOfFile = inInput.substring(0, Math.max(0, inInput.lastIndexOf('/')));
        return OWNED_FOLDERS.stream().anyMatch(owned -> DatasourcePaths.hasSegment(folderOfFile, owned));
    }

    @Override
    public void writeAtomically(String path, byte[] contents) throws IOException {
        requireWritable(path);
        output.writeAtomically(path, contents);
    }

    @Override
    public void writeAtomicallyWithoutSync(String path, byte[] contents) throws IOException {
        requireWritable(path);
        output.writeAtomicallyWithoutSync(path, contents);
    }

    @Override
    public void writeInStaging(String path, byte[] contents) throws IOException {
        requireWritable(path);
        output.writeInStaging(path, contents);
    }

    @Override
    public void delete(String path) throws IOException {
        requireWritable(path);
        output.delete(path);
    }

    @Override
    public byte[] readRange(String path, long offset, int length) throws IOException {
        return output.readRange(path, offset, length);
    }

    @Override
    public Optional<String> anyFile(String prefix) throws IOException {
        return output.anyFile(prefix);
    }

    @Override
    public int parallelReads() {
        return output.parallelReads();
    }

    @Override
    public boolean canMoveFolders() {
        return output.canMoveFolders();
    }

    /** Both folders count as written: the source loses its files, the destination gains them. */
    @Override
    public void moveFolder(String from, String to) throws IOException {
        requireWritableFolder(from);
        requireWritableFolder(to);
        output.moveFolder(from, to);
    }

    @Override
    public boolean exchangeFolders(String a, String b) throws IOException {
        requireWritableFolder(a);
        requireWritableFolder(b);
        return output.exchangeFolders(a, b);
    }

    @Override
    public void deleteFolder(String folder) throws IOException {
        requireWritableFolder(folder);
        output.deleteFolder(folder);
    }

    /** A folder may change when a file directly inside it may be written. */
    private void requireWritableFolder(String folder) throws IOException {
        String checked = DatasourcePaths.check(folder, output.description(), false);
        if (!mayWrite(checked + "/file")) {
            throw new WriteRefusedException("Refusing to change the folder '" + checked + "' in the input location "
                    + input.description() + ": Winnow writes there only below .winnow/ or .lightly/.");
        }
    }

    private void requireWritable(String path) throws IOException {
        if (!mayWrite(path)) {
            throw new WriteRefusedException("Refusing to write '" + path + "' into the input location "
                    + input.description() + ": Winnow writes there only below .winnow/ or .lightly/.");
        }
    }

    @Override
    public String description() {
        return output.description();
    }

    @Override
    public Optional<URI> rootUri() {
        return output.rootUri();
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        return output.list(prefix);
    }

    @Override
    public List<String> list(String prefix, Set<String> skippedFolders) throws IOException {
        return output.list(prefix, skippedFolders);
    }

    @Override
    public List<ListedFile> listWithStats(String prefix, Set<String> skippedFolders) throws IOException {
        return output.listWithStats(prefix, skippedFolders);
    }

    @Override
    public List<String> folders(String prefix) throws IOException {
        return output.folders(prefix);
    }

    @Override
    public Optional<FileStat> stat(String path) throws IOException {
        return output.stat(path);
    }

    @Override
    public InputStream open(String path) throws IOException {
        return output.open(path);
    }

    @Override
    public SeekableByteChannel openSeekable(String path) throws IOException {
        return output.openSeekable(path);
    }

    @Override
    public byte[] readAllBytes(String path, long maxBytes) throws IOException {
        return output.readAllBytes(path, maxBytes);
    }

    @Override
    public String toString() {
        return "OutputLocation[" + output + "]";
    }
}
