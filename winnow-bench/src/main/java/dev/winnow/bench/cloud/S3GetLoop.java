package dev.winnow.bench.cloud;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The comparisons of the cloud benchmark: lists a bucket (one paginated listing) and GETs every
 * object whole, with {@code CONCURRENCY} requests in flight and nothing done with the bytes. With 1
 * it is what a naive script does, one GET after another; with Winnow's concurrency it is the floor
 * that no tool reading every object can beat.
 *
 * <pre>{@code java -cp winnow-bench.jar dev.winnow.bench.cloud.S3GetLoop http://127.0.0.1:9000 bench 64}</pre>
 */
public final class S3GetLoop {
    private S3GetLoop() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: S3GetLoop ENDPOINT BUCKET CONCURRENCY");
            System.exit(2);
        }
        URI endpoint = URI.create(args[0]);
        String bucket = args[1];
        int concurrency = Integer.parseInt(args[2]);
        long start = System.nanoTime();
        try (S3AsyncClient client = S3Clients.client(endpoint, concurrency)) {
            List<String> keys = new ArrayList<>();
            String token = null;
            do {
                String page = token;
                ListObjectsV2Response response = client.listObjectsV2(
                                b -> b.bucket(bucket).continuationToken(page))
                        .join();
                response.contents().stream().map(S3Object::key).forEach(keys::add);
                token = Boolean.TRUE.equals(response.isTruncated()) ? response.nextContinuationToken() : null;
            } while (token != null);
            Semaphore inFlight = new Semaphore(concurrency);
            AtomicLong bytes = new AtomicLong();
            List<CompletableFuture<?>> gets = new ArrayList<>(keys.size());
            for (String key : keys) {
                inFlight.acquire();
                gets.add(client.getObject(b -> b.bucket(bucket).key(key), AsyncResponseTransformer.toBytes())
                        .whenComplete((r, e) -> {
                            if (r != null) {
                                bytes.addAndGet(r.asByteArray().length);
                            }
                            inFlight.release();
                        }));
            }
            CompletableFuture.allOf(gets.toArray(CompletableFuture[]::new)).join();
            System.out.printf(
                    "%d objects, %d bytes, %.2f s, %d in flight%n",
                    keys.size(), bytes.get(), (System.nanoTime() - start) / 1e9, concurrency);
        }
    }
}
