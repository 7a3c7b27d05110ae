package dev.winnow.cloud.s3;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.DatasourceContract;

/** The datasource contract on a whole bucket (no prefix) served by S3Proxy. */
class S3BucketRootContractTest extends DatasourceContract {
    @Override
    protected Datasource newDatasource() throws Exception {
        S3ProxyServer server = S3ProxyServer.get();
        return S3ProxyServer.open(server.endpoint(), "s3://" + server.newBucket("root"));
    }
}
