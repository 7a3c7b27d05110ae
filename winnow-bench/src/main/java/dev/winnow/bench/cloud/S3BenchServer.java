package dev.winnow.bench.cloud;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * The S3 server of the cloud benchmark: S3Proxy on a free loopback port over jclouds' filesystem
 * store, so every folder directly in {@code BASEDIR} is a bucket and every file below it an object
 * (key: its path relative to that folder). A bucket of 100,000 samples is generated on disk once
 * and served as it is, with no upload before each run; PUTs land as files in the bucket's folder.
 * Writes the port to a file once it serves, then serves until the process is killed.
 *
 * <p>With {@code --in-memory BUCKET KEYS} it serves jclouds' in-memory store instead, its one
 * bucket filled before it serves with {@code KEYS} empty objects, 1,000 to a folder
 * ({@code 0000/k0000000} ...), through the store's own API rather than by a million PUTs: the
 * listing benchmark's bucket, which the filesystem store lists too slowly (it reads every file's
 * attributes for every page).
 *
 * <pre>{@code
 * java -cp winnow-bench.jar dev.winnow.bench.cloud.S3BenchServer bench-data/cloud/buckets port.txt
 * java -cp winnow-bench.jar dev.winnow.bench.cloud.S3BenchServer --in-memory keys 1000000 port.txt
 * }</pre>
 */
public final class S3BenchServer {
    /** Credentials of the benchmark's throwaway server. */
    static final String ACCESS_KEY = "bench-access";

    static final String SECRET_KEY = "bench-secret";

    private S3BenchServer() {}

    public static void main(String[] args) throws Exception {
        boolean inMemory = args.length == 4 && args[0].equals("--in-memory");
        if (args.length != 2 && !inMemory) {
            System.err.println(
                    "usage: S3BenchServer BASEDIR PORT_FILE | S3BenchServer --in-memory BUCKET KEYS PORT_FILE");
            System.exit(2);
        }
        BlobStoreContext context;
        String description;
        if (inMemory) {
            context = ContextBuilder.newBuilder("transient").build(BlobStoreContext.class);
            int keys = Integer.parseInt(args[2]);
            long start = System.nanoTime();
            fill(context.getBlobStore(), args[1], keys);
            description = "an in-memory bucket " + args[1] + " of " + keys + " empty objects (filled in "
                    + String.format("%.1f s", (System.nanoTime() - start) / 1e9) + ")";
        } else {
            Path basedir = Path.of(args[0]).toAbsolutePath();
            Files.createDirectories(basedir);
            Properties properties = new Properties();
            properties.setProperty("jclouds.filesystem.basedir", basedir.toString());
            context = ContextBuilder.newBuilder("filesystem")
                    .overrides(properties)
                    .build(BlobStoreContext.class);
            description = "the folders of " + basedir + " as buckets";
        }
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
        Files.writeString(Path.of(args[args.length - 1]), proxy.getPort() + "\n", StandardCharsets.UTF_8);
        System.err.println("serving " + description + " at http://127.0.0.1:" + proxy.getPort());
        Thread.currentThread().join();
    }

    /**
     * Puts {@code keys} empty objects into a new bucket, 1,000 to a folder, as the listing benchmark's script names
     * them.
     */
    private static void fill(BlobStore store, String bucket, int keys) {
        store.createContainerInLocation(null, bucket);
        byte[] empty = new byte[0];
        for (int i = 0; i < keys; i++) {
            String key = String.format("%04d/k%07d", i / 1000, i);
            store.putBlob(bucket, store.blobBuilder(key).payload(empty).build());
        }
    }
}
