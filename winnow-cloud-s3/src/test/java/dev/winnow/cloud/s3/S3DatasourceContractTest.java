package dev.winnow.cloud.s3;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.DatasourceContract;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** The datasource contract on an S3 bucket prefix served by S3Proxy. */
class S3DatasourceContractTest extends DatasourceContract {
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static @Nullable String bucket;

    @Override
    protected Datasource newDatasource() throws Exception {
        S3ProxyServer server = S3ProxyServer.get();
        String name;
        synchronized (S3DatasourceContractTest.class) {
            if (bucket == null) {
                bucket = server.newBucket("contract");
            }
            name = bucket;
        }
        return S3ProxyServer.open(server.endpoint(), "s3://" + name + "/test " + PREFIXES.incrementAndGet() + "/ü");
    }
}
