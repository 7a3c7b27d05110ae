package dev.winnow.cli;

import dev.winnow.cloud.s3.S3ProxyServer;
import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * S3Proxy over jclouds' filesystem store, as a process of its own, for tests that put a bucket on a
 * disk of their choosing (a small tmpfs in a private mount namespace). Arguments: the store's
 * folder, then the buckets to create. Prints {@code port N} once it serves on 127.0.0.1, and serves
 * until its standard input ends.
 */
final class FilesystemS3Proxy {
    private FilesystemS3Proxy() {}

    public static void main(String[] args) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", args[0]);
        properties.setProperty("jclouds.regions", "us-east-1");
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem")
                .credentials("identity", "credential")
                .overrides(properties)
                .build(BlobStoreContext.class);
        BlobStore store = context.getBlobStore();
        for (int i = 1; i < args.length; i++) {
            store.createContainerInLocation(null, args[i]);
        }
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        System.out.println("port " + proxy.getPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // serves until the test closes our input
        }
        proxy.stop();
        System.exit(0);
    }
}
