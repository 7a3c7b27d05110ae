package dev.winnow.cloud.s3;

import dev.winnow.datasource.CloudLocation;
import dev.winnow.datasource.Datasource;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import org.jclouds.http.HttpResponse;
import org.jclouds.http.HttpResponseException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * An S3Proxy server in this process, on a free loopback port, over an in-memory blob store: a real
 * S3 HTTP API for tests. One server serves every test of the JVM; each test takes its own bucket or
 * prefix ({@link #onDisk} makes one over files instead). The access key and secret are test
 * values that no output may ever show.
 */
public final class S3ProxyServer {
    public static final String ACCESS_KEY = "WINNOWTESTACCESSKEY1";
    public static final String SECRET_KEY = "winnowTestSecret/K7MDENG+bPxRfiCYsecret";

    private static @Nullable S3ProxyServer shared;
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final S3Proxy proxy;
    private final BlobStore store;

    private S3ProxyServer(BlobStore store) throws Exception {
        this.store = store;
        proxy = S3Proxy.builder()
                .blobStore(store)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start within 30 s.");
            }
            Thread.sleep(10);
        }
    }

    /** A jclouds blob store of {@code provider} ({@code transient} in memory, {@code filesystem} in files). */
    private static BlobStore blobStore(String provider, Properties overrides) {
        overrides.setProperty("jclouds.regions", "us-east-1");
        return ContextBuilder.newBuilder(provider)
                .credentials("identity", "credential")
                .overrides(overrides)
                .build(BlobStoreContext.class)
                .getBlobStore();
    }

    /**
     * A server of its own over jclouds' filesystem store in {@code folder}, for tests that put a
     * bucket on a disk of their choosing. A write the disk has no room for is answered HTTP 507
     * Insufficient Storage, as S3-compatible stores (MinIO, Ceph) answer when their disks are full.
     */
    public static S3ProxyServer onDisk(Path folder) throws Exception {
        Properties overrides = new Properties();
        overrides.setProperty("jclouds.filesystem.basedir", folder.toString());
        return new S3ProxyServer(new FullDiskAnswers(blobStore("filesystem", overrides)));
    }

    /**
     * Serves {@link #onDisk} as a process of its own, for a test that puts the disk in a mount
     * namespace of its own. Arguments: the store's folder, then the buckets to create. Prints
     * {@code port N} once it serves, and serves until its standard input ends.
     */
    public static void main(String[] args) throws Exception {
        S3ProxyServer server = onDisk(Path.of(args[0]));
        for (int i = 1; i < args.length; i++) {
            server.store.createContainerInLocation(null, args[i]);
        }
        System.out.println("port " + server.port());
        System.out.flush();
        while (System.in.read() >= 0) {
            // serves until the test closes this process's input
        }
        server.proxy.stop();
        System.exit(0);
    }

    /** Puts that fail for lack of space on the store's disk, answered with HTTP 507. */
    private static final class FullDiskAnswers extends ForwardingBlobStore {
        FullDiskAnswers(BlobStore store) {
            super(store);
        }

        @Override
        public String putBlob(String container, Blob blob) {
            return answerFull(() -> super.putBlob(container, blob));
        }

        @Override
        public String putBlob(String container, Blob blob, PutOptions options) {
            return answerFull(() -> super.putBlob(container, blob, options));
        }

        private static String answerFull(Supplier<String> put) {
            try {
                return put.get();
            } catch (RuntimeException e) {
                for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                    if (String.valueOf(cause.getMessage()).contains("No space left on device")) {
                        throw new HttpResponseException(
                                "the store's disk is full",
                                null,
                                HttpResponse.builder()
                                        .statusCode(507)
                                        .message("Insufficient Storage")
                                        .build());
                    }
                }
                throw e;
            }
        }
    }

    /** The environment that points a child process's S3 client at the server at {@code endpoint}. */
    public static Map<String, String> clientEnvironment(String endpoint) {
        return Map.of(
                "AWS_ENDPOINT_URL",
                endpoint,
                "AWS_ACCESS_KEY_ID",
                ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY",
                SECRET_KEY,
                "AWS_REGION",
                "us-east-1");
    }

    /** The server of this JVM, started on first use. */
    public static synchronized S3ProxyServer get() throws Exception {
        if (shared == null) {
            shared = new S3ProxyServer(blobStore("transient", new Properties()));
        }
        return shared;
    }

    public int port() {
        return proxy.getPort();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** A new empty bucket with a name no other test uses. */
    public String newBucket(String stem) {
        String bucket = stem + "-" + NAMES.incrementAndGet();
        store.createContainerInLocation(null, bucket);
        return bucket;
    }

    /** Settings that reach {@code endpoint} (this server or a proxy in front of it) with the test credentials. */
    static S3Settings settings(URI endpoint, String secret) {
        // One settings object per endpoint and secret, so that tests share clients as commands do.
        return SETTINGS.computeIfAbsent(
                endpoint + " " + secret,
                k -> new S3Settings(
                        Optional.of(endpoint),
                        Region.US_EAST_1,
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, secret))));
    }

    private static final Map<String, S3Settings> SETTINGS = new ConcurrentHashMap<>();

    /** The S3 datasource at {@code location} through {@code endpoint}. */
    static Datasource open(URI endpoint, String location) throws Exception {
        return new S3LocationProvider(settings(endpoint, SECRET_KEY)).open(CloudLocation.parse(location), true);
    }

    /**
     * Points this JVM's default AWS chains at this server (system properties the SDK and Winnow
     * read), for tests that open locations by their string, as commands do.
     */
    public void useAsDefault() {
        System.setProperty("aws.endpointUrl", endpoint().toString());
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
        System.setProperty("aws.region", "us-east-1");
    }
}
