package dev.winnow.cloud.gcs;

import com.google.api.gax.paging.Page;
import com.google.cloud.ReadChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobListOption;
import com.google.cloud.storage.Storage.BlobSourceOption;
import dev.winnow.cloud.gcs.GcsFailures.Operation;
import dev.winnow.datasource.CloudLocation;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.DatasourcePaths;
import dev.winnow.datasource.FileTooLargeException;
import dev.winnow.datasource.FolderFanOut;
import dev.winnow.datasource.RangedChannel;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A prefix of a Google Cloud Storage bucket as a datasource: {@code gs://bucket/prefix}. The
 * datasource path {@code a/b.jpg} is the object {@code prefix/a/b.jpg}.
 *
 * <ul>
 *   <li>Listing walks the folders in parallel ({@link FolderFanOut}) with the delimiter {@code /};
 *       objects whose name ends in {@code /} (folder placeholders) are left out.</li>
 *   <li>{@link #readRange} and {@link #readAllBytes} read only the bytes asked for (and one more, to
 *       tell a too-large file); videos are read through a {@link RangedChannel} pinned to the object's
 *       generation.</li>
 *   <li>A write is one upload: the object appears whole or not at all.</li>
 *   <li>The client retries throttling, server errors and dropped connections
 *       ({@link GcsLocationProvider}); {@link GcsFailures} translates what remains.</li>
 * </ul>
 *
 * <p>Thread-safe: the client is, and the datasource keeps no other state.
 */
final class GcsDatasource implements Datasource {
    private static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;
    private static final int MAX_LIST_WORKERS = 32;
    private static final long LIST_PAGE = 1000;

    private final CloudLocation location;
    private final Storage storage;
    private final GcsFailures failures;
    private final int concurrency;
    private final String description;
    private final String rootKey;

    GcsDatasource(CloudLocation location, Storage storage, GcsFailures failures, int concurrency) {
        this.location = location;
        this.storage = storage;
        this.failures = failures;
        this.concurrency = concurrency;
        this.description = location.toString();
        this.rootKey = location.folderKey("");
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Optional<URI> rootUri() {
        return Optional.of(location.rootUri());
    }

    @Override
    public int parallelReads() {
        return concurrency;
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        return list(prefix, Set.of());
    }

    @Override
    public List<String> list(String prefix, Set<String> skippedFolders) throws IOException {
        String folder = DatasourcePaths.check(prefix, description, true);
        int workers = Math.max(1, Math.min(MAX_LIST_WORKERS, concurrency));
        return FolderFanOut.listPaths(rootKey, location.folderKey(folder), skippedFolders, workers, this::listFolder);
    }

    /** One listing request of a few objects, without the delimiter, so a file at any depth counts. */
    @Override
    public Optional<String> anyFile(String prefix) throws IOException {
        String folder = DatasourcePaths.check(prefix, description, true);
        String start = location.folderKey(folder);
        try {
            Page<Blob> page =
                    storage.list(location.bucket(), BlobListOption.prefix(start), BlobListOption.pageSize(10));
            for (Blob blob : page.getValues()) {
                if (!blob.getName().endsWith("/")) {
                    return Optional.of(blob.getName().substring(rootKey.length()));
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            throw failures.translate(e, Operation.LIST, "");
        }
    }

    /** One delimited listing of the folder: its sub-folders, without walking them. */
    @Override
    public List<String> folders(String prefix) throws IOException {
        String folder = DatasourcePaths.check(prefix, description, true);
        String start = location.folderKey(folder);
        List<String> names = new ArrayList<>();
        for (String sub : listFolder(start).subFolders()) {
            String name = sub.substring(start.length(), sub.length() - 1);
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        Collections.sort(names);
        return names;
    }

    private FolderFanOut.Folder listFolder(String keyPrefix) throws IOException {
        List<String> keys = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        try {
            Page<Blob> page = storage.list(
                    location.bucket(),
                    BlobListOption.prefix(keyPrefix),
                    BlobListOption.currentDirectory(),
                    BlobListOption.pageSize(LIST_PAGE));
            for (Blob blob : page.iterateAll()) {
                if (blob.isDirectory()) {
                    folders.add(blob.getName());
                } else {
                    keys.add(blob.getName());
                }
            }
        } catch (RuntimeException e) {
            throw failures.translate(e, Operation.LIST, "");
        }
        return new FolderFanOut.Folder(keys, folders);
    }

    @Override
    public Optional<FileStat> stat(String path) throws IOException {
        String checked = DatasourcePaths.check(path, description, false);
        Blob blob = get(checked);
        if (blob == null) {
            return Optional.empty();
        }
        OffsetDateTime updated = blob.getUpdateTimeOffsetDateTime();
        return Optional.of(new FileStat(
                blob.getSize(), updated == null ? 0 : updated.toInstant().toEpochMilli()));
    }

    private Blob get(String checked) throws IOException {
        try {
            return storage.get(id(checked));
        } catch (RuntimeException e) {
            throw failures.translate(e, Operation.READ, checked);
        }
    }

    @Override
    public InputStream open(String path) throws IOException {
        return Channels.newInputStream(openSeekable(path));
    }

    @Override
    public SeekableByteChannel openSeekable(String path) throws IOException {
        String checked = DatasourcePaths.check(path, description, false);
        Blob blob = get(checked);
        if (blob == null) {
            throw new NoSuchFileException(checked, null, "no such file in " + description);
        }
        BlobSourceOption[] sameVersion = sameVersion(blob);
        return RangedChannel.open(
                blob.getSize(), new byte[0], (offset, length) -> read(checked, offset, length, false, sameVersion));
    }

    /** Reads only the generation {@code blob} is, so a replaced object fails instead of mixing two versions. */
    private static BlobSourceOption[] sameVersion(Blob blob) {
        Long generation = blob.getGeneration();
        return generation == null
                ? new BlobSourceOption[0]
                : new BlobSourceOption[] {BlobSourceOption.generationMatch(generation)};
    }

    @Override
    public byte[] readRange(String path, long offset, int length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException(
                    "A range needs an offset and a length of at least 0, but was " + offset + " and " + length + ".");
        }
        String checked = DatasourcePaths.check(path, description, false);
        // The object's size first: the read then asks for exactly the bytes that exist, which keeps
        // the connection reusable (an open-ended range cut short would not be).
        Blob blob = get(checked);
        if (blob == null) {
            throw new NoSuchFileException(checked, null, "no such file in " + description);
        }
        long available = Math.max(0, blob.getSize() - offset);
        if (available == 0 || length == 0) {
            return new byte[0];
        }
        return read(checked, offset, (int) Math.min(length, available), false, sameVersion(blob));
    }

    @Override
    public byte[] readAllBytes(String path, long maxBytes) throws IOException {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("The size limit must be at least 0 bytes, but was " + maxBytes + ".");
        }
        String checked = DatasourcePaths.check(path, description, false);
        // Up to the limit and one byte more: a larger file shows by that byte, without asking for its size
        // first. The read is open-ended, so a file within the limit is read to its end in one request.
        int wanted = (int) (maxBytes >= MAX_ARRAY_BYTES ? MAX_ARRAY_BYTES : maxBytes + 1);
        byte[] bytes = read(checked, 0, wanted, true);
        if (bytes.length > maxBytes) {
            Blob blob = get(checked);
            long size = blob == null ? bytes.length : blob.getSize();
            throw new FileTooLargeException(
                    checked,
                    maxBytes,
                    "The file '" + checked + "' in " + description + " is " + size + " bytes, larger than the limit of "
                            + maxBytes + " bytes.");
        }
        return bytes;
    }

    /**
     * At most {@code length} bytes from {@code offset} (fewer at the end), asking for exactly that
     * range, or for the rest of the object when {@code openEnded} (and then reading no further).
     */
    private byte[] read(String checked, long offset, int length, boolean openEnded, BlobSourceOption... options)
            throws IOException {
        try (ReadChannel channel = storage.reader(id(checked), options)) {
            channel.seek(offset);
            if (!openEnded) {
                channel.limit(offset + length);
            }
            channel.setChunkSize(Math.max(length, 1));
            ByteBuffer buffer = ByteBuffer.allocate(Math.min(length, 1 << 20));
            while (true) {
                if (!buffer.hasRemaining()) {
                    if (buffer.capacity() == length) {
                        break;
                    }
                    buffer = ByteBuffer.allocate((int) Math.min(length, 2L * buffer.capacity()))
                            .put(buffer.flip());
                }
                if (channel.read(buffer) < 0) {
                    break;
                }
            }
            return buffer.position() == buffer.capacity()
                    ? buffer.array()
                    : Arrays.copyOf(buffer.array(), buffer.position());
        } catch (RuntimeException e) {
            throw failures.translate(e, Operation.READ, checked);
        } catch (IOException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw failures.translate(cause, Operation.READ, checked);
            }
            throw new IOException("Reading '" + checked + "' in " + description
                    + " failed: the connection to Cloud Storage " + "kept failing after retries.");
        }
    }

    @Override
    public void writeAtomically(String path, byte[] contents) throws IOException {
        String checked = DatasourcePaths.check(path, description, false);
        try {
            storage.create(BlobInfo.newBuilder(id(checked)).build(), contents);
        } catch (RuntimeException e) {
            throw failures.translate(e, Operation.WRITE, checked);
        }
    }

    @Override
    public void delete(String path) throws IOException {
        String checked = DatasourcePaths.check(path, description, false);
        try {
            storage.delete(id(checked));
        } catch (RuntimeException e) {
            throw failures.translate(e, Operation.DELETE, checked);
        }
    }

    private BlobId id(String checked) {
        return BlobId.of(location.bucket(), rootKey + checked);
    }

    @Override
    public String toString() {
        return "GcsDatasource[" + description + "]";
    }
}
