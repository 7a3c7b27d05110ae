package dev.winnow.cloud.s3;

import dev.winnow.cloud.s3.S3Errors.Operation;
import dev.winnow.datasource.CloudLocation;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.DatasourcePaths;
import dev.winnow.datasource.FileTooLargeException;
import dev.winnow.datasource.FolderFanOut;
import dev.winnow.datasource.RangedChannel;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A prefix of an S3 bucket as a datasource. Paths are keys below the prefix; folders are the
 * {@code /}-separated parts of keys. Every request goes through {@link Backoff}; blocking calls
 * wait for the asynchronous client, so callers get {@link #parallelReads()} requests in flight by
 * calling from that many threads.
 *
 * <p>Writes are single PUTs, which S3 makes visible whole or not at all, so no temporary names are
 * needed; there is no folder rename ({@link #canMoveFolders()} is false).
 */
final class S3Datasource implements Datasource {
    /** Folder listings in flight at once during a fan-out. */
    static final int LIST_CONCURRENCY = 32;
    /** The first block of a seekable read, fetched with the size: image headers fit. */
    static final int FIRST_BLOCK_BYTES = 64 * 1024;

    private final S3AsyncClient client;
    private final CloudLocation location;
    private final Backoff backoff;
    private final int concurrency;
    private final String description;

    S3Datasource(S3AsyncClient client, CloudLocation location, Backoff backoff, int concurrency) {
        this.client = client;
        this.location = location;
        this.backoff = backoff;
        this.concurrency = concurrency;
        this.description = location.toString();
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

    private String key(String path) throws IOException {
        return location.keyOf(DatasourcePaths.check(path, description, false));
    }

    /**
     * Waits for a retried ranged GET; null when the range starts at or past the end (HTTP 416), which
     * for a range from byte 0 means an empty object.
     */
    private @Nullable ResponseBytes<GetObjectResponse> awaitRange(
            Supplier<CompletableFuture<ResponseBytes<GetObjectResponse>>> request, String path) throws IOException {
        try {
            return backoff.call(request).join();
        } catch (CompletionException e) {
            if (S3Errors.status(Backoff.unwrap(e)) == 416) {
                return null;
            }
            throw S3Errors.toIo(e, location, Operation.READ, path, backoff.maxAttempts());
        }
    }

    /** Waits for a retried request, turning its failure into Winnow's exception for the operation. */
    private <T> T await(Supplier<CompletableFuture<T>> request, Operation operation, String path) throws IOException {
        try {
            return backoff.call(request).join();
        } catch (CompletionException e) {
            throw S3Errors.toIo(e, location, operation, path, backoff.maxAttempts());
        }
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        return list(prefix, Set.of());
    }

    @Override
    public List<String> list(String prefix, Set<String> skippedFolders) throws IOException {
        String folder = DatasourcePaths.check(prefix, description, true);
        return FolderFanOut.listPaths(
                location.folderKey(""),
                location.folderKey(folder),
                skippedFolders,
                Math.min(LIST_CONCURRENCY, concurrency),
                keyPrefix -> listFolder(keyPrefix, folder));
    }

    /** One delimited listing of the folder: its sub-folders, without walking them. */
    @Override
    public List<String> folders(String prefix) throws IOException {
        String folder = DatasourcePaths.check(prefix, description, true);
        String start = location.keyOf(folder);
        start = start.isEmpty() ? "" : start + "/";
        List<String> names = new ArrayList<>();
        for (String sub : listFolder(start, folder).subFolders()) {
            String name = sub.substring(start.length(), sub.length() - 1);
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        names.sort(String::compareTo);
        return names;
    }

    /**
     * One folder of the bucket, all its pages, with the delimiter {@code /}: the objects directly in
     * it and its sub-folders; {@code folder} is the datasource path named in errors.
     */
    private FolderFanOut.Folder listFolder(String keyPrefix, String folder) throws IOException {
        List<String> keys = new ArrayList<>();
        List<String> subFolders = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            ListObjectsV2Response response = await(
                    () -> client.listObjectsV2(b -> b.bucket(location.bucket())
                            .prefix(keyPrefix)
                            .delimiter("/")
                            .continuationToken(page)),
                    Operation.LIST,
                    folder);
            response.contents().forEach(object -> keys.add(object.key()));
            response.commonPrefixes().forEach(sub -> subFolders.add(sub.prefix()));
            token = Boolean.TRUE.equals(response.isTruncated()) ? response.nextContinuationToken() : null;
        } while (token != null);
        return new FolderFanOut.Folder(keys, subFolders);
    }

    /** One listing request of a few keys, without the delimiter, so a file at any depth counts. */
    @Override
    public Optional<String> anyFile(String prefix) throws IOException {
        String folder = DatasourcePaths.check(prefix, description, true);
        String keyPrefix = location.folderKey(folder);
        int cut = location.folderKey("").length();
        ListObjectsV2Response page = await(
                () -> client.listObjectsV2(
                        b -> b.bucket(location.bucket()).prefix(keyPrefix).maxKeys(10)),
                Operation.LIST,
                folder);
        return page.contents().stream()
                .map(S3Object::key)
                .filter(key -> !key.endsWith("/"))
                .findFirst()
                .map(key -> key.substring(cut));
    }

    @Override
    public Optional<FileStat> stat(String path) throws IOException {
        String key = key(path);
        try {
            HeadObjectResponse head = await(
                    () -> client.headObject(b -> b.bucket(location.bucket()).key(key)), Operation.READ, path);
            long modified =
                    head.lastModified() == null ? 0 : head.lastModified().toEpochMilli();
            return Optional.of(new FileStat(head.contentLength(), modified));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** The object's size, or {@link java.nio.file.NoSuchFileException} naming the path. */
    long size(String path) throws IOException {
        String key = key(path);
        return await(() -> client.headObject(b -> b.bucket(location.bucket()).key(key)), Operation.READ, path)
                .contentLength();
    }

    @Override
    public InputStream open(String path) throws IOException {
        String key = key(path);
        ResponseInputStream<GetObjectResponse> stream = await(
                () -> client.getObject(
                        b -> b.bucket(location.bucket()).key(key), AsyncResponseTransformer.toBlockingInputStream()),
                Operation.READ,
                path);
        return stream;
    }

    @Override
    public SeekableByteChannel openSeekable(String path) throws IOException {
        String key = key(path);
        // The first block's answer also tells the size: one request where a HEAD and a GET would be two.
        ResponseBytes<GetObjectResponse> first = awaitRange(
                () -> client.getObject(
                        b -> b.bucket(location.bucket()).key(key).range(range(0, FIRST_BLOCK_BYTES - 1)),
                        AsyncResponseTransformer.toBytes()),
                path);
        byte[] firstBytes = first == null ? new byte[0] : first.asByteArray();
        long size = first == null ? 0 : totalSize(first.response(), firstBytes.length);
        // Later ranges ask for the same version: a replaced object fails instead of mixing bytes.
        String eTag = first == null ? null : first.response().eTag();
        return RangedChannel.open(size, firstBytes, (offset, length) -> {
            ResponseBytes<GetObjectResponse> part = awaitRange(
                    () -> client.getObject(
                            b -> b.bucket(location.bucket())
                                    .key(key)
                                    .range(range(offset, offset + length - 1))
                                    .ifMatch(eTag),
                            AsyncResponseTransformer.toBytes()),
                    path);
            return part == null ? new byte[0] : part.asByteArray();
        });
    }

    /** An HTTP range of the bytes {@code from} to {@code to}, both included. */
    private static String range(long from, long to) {
        return "bytes=" + from + "-" + to;
    }

    @Override
    public byte[] readAllBytes(String path, long maxBytes) throws IOException {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("The size limit must be at least 0 bytes, but was " + maxBytes + ".");
        }
        String key = key(path);
        // One request: the range asks for one byte past the limit, and Content-Range tells the whole size.
        String range = maxBytes >= Long.MAX_VALUE - 1 ? null : range(0, maxBytes);
        ResponseBytes<GetObjectResponse> response = awaitRange(
                () -> client.getObject(
                        b -> b.bucket(location.bucket()).key(key).range(range), AsyncResponseTransformer.toBytes()),
                path);
        if (response == null) {
            return new byte[0]; // an empty object has no byte 0 to start a range at
        }
        byte[] bytes = response.asByteArray();
        if (bytes.length > maxBytes) {
            throw new FileTooLargeException(
                    path,
                    maxBytes,
                    "The file '" + path + "' in " + description + " is " + totalSize(response.response(), bytes.length)
                            + " bytes, larger than the limit of " + maxBytes + " bytes.");
        }
        return bytes;
    }

    private static long totalSize(GetObjectResponse response, long fallback) {
        String contentRange = response.contentRange();
        int slash = contentRange == null ? -1 : contentRange.lastIndexOf('/');
        if (slash < 0 || contentRange.endsWith("*")) {
            return fallback;
        }
        return Long.parseLong(contentRange.substring(slash + 1).trim());
    }

    @Override
    public byte[] readRange(String path, long offset, int length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException(
                    "A range needs an offset and a length of at least 0, but was " + offset + " and " + length + ".");
        }
        if (length == 0) {
            size(path); // still says when the file is missing
            return new byte[0];
        }
        String key = key(path);
        ResponseBytes<GetObjectResponse> response = awaitRange(
                () -> client.getObject(
                        b -> b.bucket(location.bucket()).key(key).range(range(offset, offset + length - 1)),
                        AsyncResponseTransformer.toBytes()),
                path);
        return response == null ? new byte[0] : response.asByteArray();
    }

    @Override
    public void writeAtomically(String path, byte[] contents) throws IOException {
        String key = key(path);
        await(
                () -> client.putObject(
                        b -> b.bucket(location.bucket()).key(key).contentLength((long) contents.length),
                        AsyncRequestBody.fromBytes(contents)),
                Operation.WRITE,
                path);
    }

    @Override
    public void delete(String path) throws IOException {
        String key = key(path);
        try {
            await(() -> client.deleteObject(b -> b.bucket(location.bucket()).key(key)), Operation.DELETE, path);
        } catch (NoSuchFileException e) {
            // already gone
        }
    }

    @Override
    public boolean canMoveFolders() {
        return false;
    }

    @Override
    public String toString() {
        return "S3Datasource[" + description + "]";
    }
}
