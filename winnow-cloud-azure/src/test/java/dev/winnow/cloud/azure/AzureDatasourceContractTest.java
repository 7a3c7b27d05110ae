package dev.winnow.cloud.azure;

import dev.winnow.datasource.CloudLocation;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.DatasourceContract;
import java.util.concurrent.atomic.AtomicInteger;

/** The datasource contract on a prefix of an Azurite container. */
class AzureDatasourceContractTest extends DatasourceContract {
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static String container;

    @Override
    protected Datasource newDatasource() throws Exception {
        Azurite azurite = Azurite.get();
        synchronized (AzureDatasourceContractTest.class) {
            if (container == null) {
                container = azurite.newContainer();
            }
        }
        AzureLocationProvider provider = new AzureLocationProvider(azurite.environment(), null);
        return provider.open(
                new CloudLocation("az", Azurite.ACCOUNT, container, "run/t" + PREFIXES.incrementAndGet()), true);
    }
}
