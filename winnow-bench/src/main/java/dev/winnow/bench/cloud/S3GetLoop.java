package dev.winnow.bench.cloud;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * The comparisons of the cloud benchmark: GETs every object named in a file of keys (one a line)
 * whole, with {@code CONCURRENCY} requests in flight and nothing done with the bytes. With 1 it is
 * what a naive script does, one GET after another; with Winnow's concurrency it is the floor that
 * no tool reading every object can beat. The keys come from a file, not a listing, so that only
 * the GETs are measured. {@code LIMIT} GETs only that many keys, spread evenly over the file (the
 * sequential loop is slow).
 *
 * <pre>{@code
 * java -cp winnow-bench.jar dev.winnow.bench.cloud.S3GetLoop http://127.0.0.1:9000 bench keys.txt 64 [LIMIT]
 * }</pre>
 */
public final class S3GetLoop {
    private S3GetLoop() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4 && args.length != 5) {
            System.err.println("usage: S3GetLoop ENDPOINT BUCKET KEYS_FILE CONCURRENCY [LIMIT]");
            System.exit(2);
        }
        URI endpoint = URI.create(args[0]);
        String bucket = args[1];
        List<String> keys = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8);
        int concurrency = Integer.parseInt(args[3]);
        if (args.length == 5) {
            // Every k-th key, so that a sample of the bucket has its images and prediction files alike.
            int limit = Integer.parseInt(args[4]);
            int stride = Math.max(1, keys.size() / limit);
            List<String> sample = new ArrayList<>();
            for (int i = 0; i < keys.size() && sample.size() < limit; i += stride) {
                sample.add(keys.get(i));
            }
            keys = sample;
        }
        long start = System.nanoTime();
        AtomicLong bytes = new AtomicLong();
        try (S3AsyncClient client = S3Clients.client(endpoint, concurrency)) {
            Semaphore inFlight = new Semaphore(concurrency);
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
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "%d objects, %d bytes, %.2f s, %.0f GETs/s, %d in flight%n",
                keys.size(), bytes.get(), seconds, keys.size() / seconds, concurrency);
    }
}
