package dev.winnow.bench.cloud;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * The write floor of the cloud benchmark: PUTs every file below a local folder into a bucket (key:
 * the file's relative path) with {@code CONCURRENCY} requests in flight and nothing else, the
 * bytes read before the clock starts. No tool writing the same objects through the same server
 * can be faster.
 *
 * <pre>{@code java -cp winnow-bench.jar dev.winnow.bench.cloud.S3PutLoop http://127.0.0.1:9000 floor out/ 64}</pre>
 */
public final class S3PutLoop {
    private S3PutLoop() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: S3PutLoop ENDPOINT BUCKET FOLDER CONCURRENCY");
            System.exit(2);
        }
        String bucket = args[1];
        Path folder = Path.of(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        List<String> keys = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                keys.add(folder.relativize(file).toString().replace('\\', '/'));
                contents.add(Files.readAllBytes(file));
            }
        }
        long start = System.nanoTime();
        try (S3AsyncClient client = S3Clients.client(URI.create(args[0]), concurrency)) {
            Semaphore inFlight = new Semaphore(concurrency);
            List<CompletableFuture<?>> puts = new ArrayList<>(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                byte[] bytes = contents.get(i);
                inFlight.acquire();
                puts.add(client.putObject(
                                b -> b.bucket(bucket).key(key).contentLength((long) bytes.length),
                                AsyncRequestBody.fromBytes(bytes))
                        .whenComplete((r, e) -> inFlight.release()));
            }
            CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "%d objects, %.2f s, %.0f PUTs/s, %d in flight%n",
                keys.size(), seconds, keys.size() / seconds, concurrency);
    }
}
