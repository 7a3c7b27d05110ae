package dev.winnow.bench.cloud;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * The S3 server of the cloud benchmark: S3Proxy over an in-memory store on a free loopback port,
 * filled with every file of a local folder (bucket {@code bench}, keys the files' relative paths),
 * uploaded with 64 PUTs in flight. Writes the port to a file once the bucket is full, then serves
 * until the process is killed.
 *
 * <pre>{@code java -cp winnow-bench.jar dev.winnow.bench.cloud.S3BenchServer bench-data/validate-2000 port.txt}</pre>
 */
public final class S3BenchServer {
    /** Credentials of the benchmark's throwaway server. */
    static final String ACCESS_KEY = "bench-access";

    static final String SECRET_KEY = "bench-secret";
    static final String BUCKET = "bench";

    private S3BenchServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: S3BenchServer FOLDER PORT_FILE");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        Properties properties = new Properties();
        BlobStoreContext context = ContextBuilder.newBuilder("transient")
                .credentials("identity", "credential")
                .overrides(properties)
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .jettyMaxThreads(200)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        context.getBlobStore().createContainerInLocation(null, BUCKET);
        URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (S3AsyncClient client = S3Clients.client(endpoint, 64)) {
            Semaphore inFlight = new Semaphore(64);
            List<CompletableFuture<?>> puts = new ArrayList<>();
            for (Path file : files) {
                String key = folder.relativize(file).toString().replace('\\', '/');
                byte[] bytes = Files.readAllBytes(file);
                inFlight.acquire();
                puts.add(client.putObject(b -> b.bucket(BUCKET).key(key), AsyncRequestBody.fromBytes(bytes))
                        .whenComplete((r, e) -> inFlight.release()));
            }
            CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).join();
        }
        Files.writeString(Path.of(args[1]), proxy.getPort() + "\n", StandardCharsets.UTF_8);
        System.err.println("serving " + files.size() + " objects in s3://" + BUCKET + " at " + endpoint);
        Thread.currentThread().join();
    }
}
