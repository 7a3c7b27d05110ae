package dev.winnow.cloud.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobDownloadResponse;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.DownloadRetryOptions;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import dev.winnow.cloud.azure.AzureFailures.Operation;
import dev.winnow.datasource.CloudLocation;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.DatasourcePaths;
import dev.winnow.datasource.FileTooLargeException;
import dev.winnow.datasource.FolderFanOut;
import dev.winnow.datasource.RangedChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A prefix of an Azure Blob Storage container as a datasource: {@code az://account/container/prefix}.
 * The datasource path {@code a/b.jpg} is the blob {@code prefix/a/b.jpg}.
 *
 * <ul>
 *   <li>Listing walks the virtual folders in parallel ({@link FolderFanOut}), skipping the named
 *       ones without listing them; blobs whose name ends in {@code /} (folder markers) are left out.</li>
 *   <li>{@link #readRange} and {@link #readAllBytes} are one ranged GET each (an image header is its
 *       first kilobytes; a too-large file is noticed by the byte past the limit); videos are read
 *       through a {@link RangedChannel} pinned to the blob's ETag.</li>
 *   <li>A write is one Put Blob: the blob appears whole or not at all, so every write is atomic.</li>
 *   <li>Failures are retried by the client's pipeline ({@link AzureRetry}); a body cut off mid-way is
 *       fetched again from where it stopped. What remains is translated by {@link AzureFailures}.</li>
 * </ul>
 *
 * <p>Thread-safe: the storage clients are, and the datasource keeps no other state.
 */
final class AzureBlobDatasource implements Datasource {
    /** Times a download's body is resumed after its connection failed mid-way. */
    private static final DownloadRetryOptions BODY_RETRIES = new DownloadRetryOptions().setMaxRetryRequests(5);

    private static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;
    private static final int LIST_PAGE = 5000;
    /** Folder listings in flight at once, at most. */
    private static final int MAX_LIST_WORKERS = 32;

    private final CloudLocation location;
    private final BlobContainerClient container;
    private final AzureFailures failures;
    private final int concurrency;
    private final String description;
    /** The key prefix of the root: "" or the location's prefix and '/'. */
    private final String rootKey;

    AzureBlobDatasource(
            CloudLocation location, BlobContainerClient container, AzureFailures failures, int concurrency) {
        this.location = location;
        this.container = container;
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

    /** One listing request of a few blobs, without the delimiter, so a file at any depth counts. */
    @Override
    public Optional<String> anyFile(String prefix) throws IOException {
        String folder = DatasourcePaths.check(prefix, description, true);
        String start = location.folderKey(folder);
        ListBlobsOptions options =
                new ListBlobsOptions().setPrefix(start.isEmpty() ? null : start).setMaxResultsPerPage(10);
        PagedResponse<BlobItem> page = withBodyRetries(
                Operation.LIST,
                "",
                () -> container
                        .listBlobs(options, null, null)
                        .iterableByPage()
                        .iterator()
                        .next());
        return page.getValue().stream()
                .map(BlobItem::getName)
                .filter(name -> !name.endsWith("/"))
                .findFirst()
                .map(name -> name.substring(rootKey.length()));
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

    /** One folder, all its pages: blobs directly in it and its sub-folders. */
    private FolderFanOut.Folder listFolder(String keyPrefix) throws IOException {
        ListBlobsOptions options = new ListBlobsOptions().setPrefix(keyPrefix).setMaxResultsPerPage(LIST_PAGE);
        List<String> keys = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        String continuation = null;
        do {
            PagedResponse<BlobItem> page = listPage(options, continuation);
            for (BlobItem item : page.getValue()) {
                if (Boolean.TRUE.equals(item.isPrefix())) {
                    folders.add(item.getName());
                } else {
                    keys.add(item.getName());
                }
            }
            continuation = page.getContinuationToken();
        } while (continuation != null && !continuation.isEmpty());
        return new FolderFanOut.Folder(keys, folders);
    }

    private PagedResponse<BlobItem> listPage(ListBlobsOptions options, @Nullable String continuation)
            throws IOException {
        return withBodyRetries(Operation.LIST, "", () -> {
            var pages = container
                    .listBlobsByHierarchy("/", options, null)
                    .iterableByPage(continuation)
                    .iterator();
            // The response body is read while the page is built, so a cut connection is retried here whole.
            return pages.next();
        });
    }

    @Override
    public Optional<FileStat> stat(String path) throws IOException {
        String checked = DatasourcePaths.check(path, description, false);
        try {
            BlobProperties properties = withBodyRetries(
                    Operation.READ,
                    checked,
                    () -> blob(checked)
                            .getPropertiesWithResponse(null, null, Context.NONE)
                            .getValue());
            return Optional.of(new FileStat(
                    properties.getBlobSize(),
                    properties.getLastModified().toInstant().toEpochMilli()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public InputStream open(String path) throws IOException {
        return Channels.newInputStream(openSeekable(path));
    }

    @Override
    public SeekableByteChannel openSeekable(String path) throws IOException {
        String checked = DatasourcePaths.check(path, description, false);
        Range first = download(checked, 0, RangedChannel.FIRST_CHUNK_BYTES, null);
        BlobRequestConditions sameVersion =
                first.eTag() == null ? null : new BlobRequestConditions().setIfMatch(first.eTag());
        return RangedChannel.open(
                first.size(),
                first.bytes(),
                (offset, length) ->
                        download(checked, offset, length, sameVersion).bytes());
    }

    @Override
    public byte[] readRange(String path, long offset, int length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException(
                    "A range needs an offset and a length of at least 0, but was " + offset + " and " + length + ".");
        }
        String checked = DatasourcePaths.check(path, description, false);
        if (length == 0) {
            if (stat(checked).isEmpty()) {
                throw new NoSuchFileException(checked, null, "no such file in " + description);
            }
            return new byte[0];
        }
        return download(checked, offset, length, null).bytes();
    }

    @Override
    public byte[] readAllBytes(String path, long maxBytes) throws IOException {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("The size limit must be at least 0 bytes, but was " + maxBytes + ".");
        }
        String checked = DatasourcePaths.check(path, description, false);
        // One GET of the limit and one byte more: a larger file shows by that byte, without a HEAD first.
        long wanted = maxBytes >= MAX_ARRAY_BYTES ? MAX_ARRAY_BYTES : maxBytes + 1;
        Range range = download(checked, 0, wanted, null);
        if (range.bytes().length > maxBytes) {
            throw new FileTooLargeException(
                    checked,
                    maxBytes,
                    "The file '" + checked + "' in " + description + " is " + range.size()
                            + " bytes, larger than the limit of " + maxBytes + " bytes.");
        }
        return range.bytes();
    }

    /** Some bytes of a blob, with the blob's whole size and ETag. */
    private record Range(byte[] bytes, long size, @Nullable String eTag) {}

    /**
     * At most {@code count} bytes from {@code offset}: fewer at the end, none from the end on (the
     * service answers 416 there, which says the size too).
     */
    private Range download(String checked, long offset, long count, @Nullable BlobRequestConditions conditions)
            throws IOException {
        try {
            return withBodyRetries(Operation.READ, checked, () -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(count, 1 << 20));
                BlobDownloadResponse response = blob(checked)
                        .downloadStreamWithResponse(
                                out, new BlobRange(offset, count), BODY_RETRIES, conditions, false, null, Context.NONE);
                String contentRange = response.getDeserializedHeaders().getContentRange();
                long size = contentRange == null ? out.size() : sizeOf(contentRange);
                return new Range(
                        out.toByteArray(),
                        size,
                        response.getDeserializedHeaders().getETag());
            });
        } catch (RangeNotSatisfiable e) {
            return new Range(new byte[0], e.size, null);
        }
    }

    /** The whole size from {@code bytes 0-99/1234} or {@code bytes *}{@code /1234}. */
    private static long sizeOf(String contentRange) {
        int slash = contentRange.lastIndexOf('/');
        try {
            return Long.parseLong(contentRange.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void writeAtomically(String path, byte[] contents) throws IOException {
        String checked = DatasourcePaths.check(path, description, false);
        withBodyRetries(
                Operation.WRITE,
                checked,
                () -> blob(checked)
                        .getBlockBlobClient()
                        .uploadWithResponse(
                                new BlockBlobSimpleUploadOptions(BinaryData.fromBytes(contents)), null, Context.NONE));
    }

    @Override
    public void delete(String path) throws IOException {
        String checked = DatasourcePaths.check(path, description, false);
        withBodyRetries(Operation.DELETE, checked, () -> blob(checked).deleteIfExists());
    }

    private BlobClient blob(String checked) {
        return container.getBlobClient(rootKey + checked);
    }

    /** A storage call that may throw the library's unchecked exceptions. */
    private interface Call<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code call}, once more when its connection failed after the pipeline's retries had
     * given it a response (a body cut off while it was read), and translates what it throws.
     */
    private <T> T withBodyRetries(Operation operation, String path, Call<T> call) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            } catch (BlobStorageException e) {
                if (e.getStatusCode() == 416 && BlobErrorCode.INVALID_RANGE.equals(e.getErrorCode())) {
                    String contentRange = e.getResponse() == null
                            ? null
                            : e.getResponse().getHeaders().getValue(HttpHeaderName.CONTENT_RANGE);
                    throw new RangeNotSatisfiable(contentRange == null ? 0 : sizeOf(contentRange));
                }
                throw failures.translate(e, operation, path);
            } catch (RuntimeException e) {
                if (!AzureRetry.isTransport(e) || attempt == 3) {
                    throw failures.translate(e, operation, path);
                }
            }
        }
    }

    /** A range from the end of a blob on: no bytes, and the blob's size. */
    private static final class RangeNotSatisfiable extends IOException {
        private static final long serialVersionUID = 1L;
        private final long size;

        RangeNotSatisfiable(long size) {
            super("The range starts at or after the end of the file.");
            this.size = size;
        }
    }

    @Override
    public String toString() {
        return "AzureBlobDatasource[" + description + "]";
    }
}
