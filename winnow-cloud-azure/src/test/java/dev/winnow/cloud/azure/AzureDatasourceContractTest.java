package dev.winnow.cloud.azure;

import dev.winnow.datasource.CloudLocation;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.DatasourceContract;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** The datasource contract on a prefix of an Azurite container. */
class AzureDatasourceContractTest extends DatasourceContract {
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static @Nullable String container;

    @Override
    protected Datasource newDatasource() throws Exception {
        Azurite azurite = Azurite.get();
        String name;
        synchronized (AzureDatasourceContractTest.class) {
            if (container == null) {
                container = azurite.newContainer();
            }
            name = container;
        }
        AzureLocationProvider provider = new AzureLocationProvider(azurite.environment(), null);
        return provider.open(
                new CloudLocation("az", Azurite.ACCOUNT, name, "run/t" + PREFIXES.incrementAndGet()), true);
    }
}
