package dev.winnow.cloud.s3;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists every key below a start prefix by walking its folders in parallel: each folder is listed
 * with the delimiter {@code /}, its files kept and its sub-folders queued, with at most
 * {@code concurrency} folder listings in flight. A bucket of many folders so lists at the speed of
 * many requests, not of one page after another; the pages of one folder still follow each other.
 * Folders named in {@code skipped} are never listed.
 */
final class FolderFanOut {
    private final S3AsyncClient client;
    private final String bucket;
    private final Set<String> skipped;
    private final int concurrency;
    private final Backoff backoff;

    private final Deque<String> pending = new ArrayDeque<>();
    private final List<String> keys = new ArrayList<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private int active;

    FolderFanOut(S3AsyncClient client, String bucket, Set<String> skipped, int concurrency, Backoff backoff) {
        this.client = client;
        this.bucket = bucket;
        this.skipped = skipped;
        this.concurrency = concurrency;
        this.backoff = backoff;
    }

    /** The keys below {@code start} (a prefix ending in {@code /}, or "" for the bucket), in no order. */
    List<String> list(String start, Function<Throwable, IOException> failure) throws IOException {
        synchronized (this) {
            pending.add(start);
        }
        pump();
        try {
            done.join();
        } catch (CompletionException e) {
            throw failure.apply(Backoff.unwrap(e));
        }
        synchronized (this) {
            return new ArrayList<>(keys);
        }
    }

    /** Starts queued folders while slots are free; completes when nothing is queued or in flight. */
    private void pump() {
        List<String> starting = new ArrayList<>();
        synchronized (this) {
            while (active < concurrency && !pending.isEmpty()) {
                starting.add(pending.poll());
                active++;
            }
            if (active == 0 && pending.isEmpty()) {
                done.complete(null);
            }
        }
        for (String folder : starting) {
            page(folder, null);
        }
    }

    private void page(String folder, String token) {
        // Failures complete `done`; the future of the page itself is not needed.
        CompletableFuture<?> unused = backoff.call(() -> client.listObjectsV2(
                        b -> b.bucket(bucket).prefix(folder).delimiter("/").continuationToken(token)))
                .whenComplete((response, error) -> {
                    if (error != null) {
                        done.completeExceptionally(error);
                        return;
                    }
                    if (done.isDone()) {
                        return; // an earlier failure ended the listing
                    }
                    take(folder, response);
                    if (Boolean.TRUE.equals(response.isTruncated()) && response.nextContinuationToken() != null) {
                        page(folder, response.nextContinuationToken());
                        return;
                    }
                    synchronized (this) {
                        active--;
                    }
                    pump();
                });
    }

    private void take(String folder, ListObjectsV2Response response) {
        synchronized (this) {
            for (S3Object object : response.contents()) {
                keys.add(object.key());
            }
            for (CommonPrefix prefix : response.commonPrefixes()) {
                String sub = prefix.prefix();
                String name = sub.substring(folder.length(), sub.length() - 1);
                if (!skipped.contains(name)) {
                    pending.add(sub);
                }
            }
        }
    }
}
