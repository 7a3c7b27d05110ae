package dev.winnow.cloud.s3;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.DatasourceContract;
import java.util.concurrent.atomic.AtomicInteger;

/** The datasource contract on an S3 bucket prefix served by S3Proxy. */
class S3DatasourceContractTest extends DatasourceContract {
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static String bucket;

    @Override
    protected Datasource newDatasource() throws Exception {
        S3ProxyServer server = S3ProxyServer.get();
        synchronized (S3DatasourceContractTest.class) {
            if (bucket == null) {
                bucket = server.newBucket("contract");
            }
        }
        return S3ProxyServer.open(server.endpoint(), "s3://" + bucket + "/test " + PREFIXES.incrementAndGet() + "/ü");
    }
}
