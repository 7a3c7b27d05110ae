package dev.winnow.cloud.gcs;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import dev.winnow.datasource.CloudLocation;
import dev.winnow.datasource.Datasource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * What Google's client libraries log through java.util.logging never reaches the root logger,
 * whose default console handler would print it on the user's terminal.
 */
class GcsLoggingTest {
    @Test
    void googleLibraryRecords_neverReachTheRootLogger() throws Exception {
        List<LogRecord> reached = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                reached.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            GcsLocationProvider provider = new GcsLocationProvider(
                    LocalStorageHelper.customOptions(false).getService());
            Datasource bucket = provider.open(new CloudLocation("gs", null, "bucket", "logs"), true);
            bucket.writeAtomically("a.json", "{}".getBytes(StandardCharsets.UTF_8));
            assertThat(bucket.list("")).containsExactly("a.json");
            // The loggers of the credential and transport libraries the client uses, as they warn.
            Logger.getLogger("com.google.auth.oauth2.DefaultCredentialsProvider")
                    .warning("Your application has authenticated using end user credentials.");
            Logger.getLogger("com.google.api.client.http.HttpTransport").severe("connection reset");
            Logger.getLogger("dev.winnow.elsewhere").log(Level.WARNING, "a record of another library");
        } finally {
            root.removeHandler(capture);
        }
        assertThat(reached).extracting(LogRecord::getMessage).containsExactly("a record of another library");
    }
}
