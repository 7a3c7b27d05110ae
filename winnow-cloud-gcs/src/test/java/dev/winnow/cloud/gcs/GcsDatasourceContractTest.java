package dev.winnow.cloud.gcs;

import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import dev.winnow.datasource.CloudLocation;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.DatasourceContract;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The datasource contract on a prefix of a bucket in {@code LocalStorageHelper}, Google's in-memory
 * fake of the Cloud Storage client (no Cloud Storage server runs offline).
 */
class GcsDatasourceContractTest extends DatasourceContract {
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static final GcsLocationProvider PROVIDER =
            new GcsLocationProvider(LocalStorageHelper.customOptions(false).getService());

    @Override
    protected Datasource newDatasource() throws Exception {
        return PROVIDER.open(new CloudLocation("gs", null, "bucket", "run/t" + PREFIXES.incrementAndGet()), true);
    }
}
