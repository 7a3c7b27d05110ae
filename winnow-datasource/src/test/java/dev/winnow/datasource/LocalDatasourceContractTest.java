package dev.winnow.datasource;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The datasource contract on a local folder. */
class LocalDatasourceContractTest extends DatasourceContract {
    @TempDir
    Path dir;

    @Override
    protected Datasource newDatasource() throws Exception {
        return LocalDatasource.create(dir.resolve("root"));
    }
}
