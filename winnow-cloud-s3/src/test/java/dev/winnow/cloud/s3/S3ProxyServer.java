package dev.winnow.cloud.s3;

import dev.winnow.datasource.CloudLocation;
import dev.winnow.datasource.Datasource;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * An S3Proxy server in this process, on a free loopback port, over an in-memory blob store: a real
 * S3 HTTP API for tests. One server serves every test of the JVM; each test takes its own bucket or
 * prefix. The access key and secret are test values that no output may ever show.
 */
public final class S3ProxyServer {
    public static final String ACCESS_KEY = "WINNOWTESTACCESSKEY1";
    public static final String SECRET_KEY = "winnowTestSecret/K7MDENG+bPxRfiCYsecret";

    private static @Nullable S3ProxyServer shared;
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final S3Proxy proxy;
    private final BlobStore store;

    private S3ProxyServer() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.regions", "us-east-1");
        BlobStoreContext context = ContextBuilder.newBuilder("transient")
                .credentials("identity", "credential")
                .overrides(properties)
                .build(BlobStoreContext.class);
        store = context.getBlobStore();
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

    /** The server of this JVM, started on first use. */
    public static synchronized S3ProxyServer get() throws Exception {
        if (shared == null) {
            shared = new S3ProxyServer();
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
