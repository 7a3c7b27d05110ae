package dev.winnow.bench.cloud;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * The S3 server of the cloud benchmark: S3Proxy on a free loopback port over jclouds' filesystem
 * store, so every folder directly in {@code BASEDIR} is a bucket and every file below it an object
 * (key: its path relative to that folder). A bucket of 100,000 samples is generated on disk once
 * and served as it is, with no upload before each run; PUTs land as files in the bucket's folder.
 * Writes the port to a file once it serves, then serves until the process is killed.
 *
 * <pre>{@code java -cp winnow-bench.jar dev.winnow.bench.cloud.S3BenchServer bench-data/cloud/buckets port.txt}</pre>
 */
public final class S3BenchServer {
    /** Credentials of the benchmark's throwaway server. */
    static final String ACCESS_KEY = "bench-access";

    static final String SECRET_KEY = "bench-secret";

    private S3BenchServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: S3BenchServer BASEDIR PORT_FILE");
            System.exit(2);
        }
        Path basedir = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(basedir);
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", basedir.toString());
        BlobStoreContext context =
                ContextBuilder.newBuilder("filesystem").overrides(properties).build(BlobStoreContext.class);
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
        Files.writeString(Path.of(args[1]), proxy.getPort() + "\n", StandardCharsets.UTF_8);
        System.err.println("serving the folders of " + basedir + " as buckets at http://127.0.0.1:" + proxy.getPort());
        Thread.currentThread().join();
    }
}
