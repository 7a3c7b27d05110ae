package dev.winnow.cloud.gcs;

import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.BaseServiceException;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobListOption;
import com.google.cloud.storage.StorageOptions;
import com.google.cloud.storage.StorageRetryStrategy;
import dev.winnow.cloud.gcs.GcsFailures.Operation;
import dev.winnow.datasource.CloudLocation;
import dev.winnow.datasource.CloudSettings;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocationProvider;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Opens {@code gs://bucket/prefix} locations on Google Cloud Storage. The client signs in with
 * Application Default Credentials ({@code GOOGLE_APPLICATION_CREDENTIALS}, the gcloud sign-in, the
 * metadata server); with {@code STORAGE_EMULATOR_HOST} set it talks to that emulator without
 * credentials. Every call is retried on throttling, server errors and dropped connections, with
 * exponential backoff and jitter; Winnow's writes are idempotent (the same bytes to the same name),
 * so uploads are retried too.
 *
 * <p>A program (or a test) may hand in its own {@link Storage} client instead, such as the
 * in-memory one of {@code LocalStorageHelper}.
 *
 * <pre>{@code
 * Datasource images = Locations.open("gs://team-data/images");   // found through ServiceLoader
 * Datasource fake = new GcsLocationProvider(LocalStorageHelper.getOptions().getService()).open(location, true);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class GcsLocationProvider implements LocationProvider {
    /**
     * Google's client libraries log through java.util.logging, whose default handler prints on the
     * terminal (credential warnings, retries); Winnow says what went wrong in its own sentences, so
     * their records stop here. Held in a field: a logger nobody references loses its settings.
     */
    static final Logger GOOGLE_LOGS = withoutConsole(Logger.getLogger("com.google"));

    private final Map<String, String> environment;
    /** Made on first use from the environment, unless given. */
    private volatile @Nullable Storage storage;

    /** The provider ServiceLoader makes: a client from the process environment, made on first use. */
    public GcsLocationProvider() {
        this.environment = System.getenv();
    }

    /**
     * A provider that reads {@code STORAGE_EMULATOR_HOST} from {@code environment} rather than from
     * the process's environment, for a program that chooses the emulator itself; its client is made
     * on first use.
     */
    public GcsLocationProvider(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** A provider that uses {@code storage} for every location. */
    public GcsLocationProvider(Storage storage) {
        this.environment = Map.of();
        this.storage = storage;
    }

    private static Logger withoutConsole(Logger logger) {
        logger.setUseParentHandlers(false);
        return logger;
    }

    @Override
    public Set<String> schemes() {
        return Set.of("gs");
    }

    /** Checks that the bucket exists (one listing of at most one object); a refusal is left to the first operation. */
    @Override
    public Datasource open(CloudLocation location, boolean forOutput) throws IOException {
        if (!location.scheme().equals("gs")) {
            throw new IllegalArgumentException(
                    "The Cloud Storage provider opens gs:// locations, not " + location + ".");
        }
        Storage client = client();
        GcsFailures failures = new GcsFailures(location);
        try {
            client.list(
                    location.bucket(),
                    BlobListOption.pageSize(1),
                    BlobListOption.prefix(location.prefix().isEmpty() ? "" : location.prefix() + "/"));
        } catch (BaseServiceException e) {
            if (e.getCode() != 403 && e.getCode() != 401) {
                throw failures.translate(e, Operation.LIST, "");
            }
        } catch (RuntimeException e) {
            throw failures.translate(e, Operation.LIST, "");
        }
        return new GcsDatasource(location, client, failures, CloudSettings.concurrency());
    }

    private Storage client() {
        Storage client = storage;
        if (client == null) {
            synchronized (this) {
                if (storage == null) {
                    storage = fromEnvironment(environment);
                }
                client = storage;
            }
        }
        return client;
    }

    /**
     * The client the environment describes: the emulator's when {@code STORAGE_EMULATOR_HOST} is set, else Cloud
     * Storage with ADC.
     */
    static Storage fromEnvironment(Map<String, String> environment) {
        RetrySettings retries = RetrySettings.newBuilder()
                .setMaxAttempts(8)
                .setInitialRetryDelayDuration(Duration.ofMillis(200))
                .setRetryDelayMultiplier(2.0)
                .setMaxRetryDelayDuration(Duration.ofSeconds(10))
                .setInitialRpcTimeoutDuration(Duration.ofSeconds(60))
                .setMaxRpcTimeoutDuration(Duration.ofSeconds(60))
                .setRpcTimeoutMultiplier(1.0)
                .setTotalTimeoutDuration(Duration.ofMinutes(5))
                .build();
        StorageOptions.Builder builder = StorageOptions.http()
                .setRetrySettings(retries)
                .setStorageRetryStrategy(StorageRetryStrategy.getUniformStorageRetryStrategy());
        String emulator = environment.get("STORAGE_EMULATOR_HOST");
        if (emulator != null && !emulator.isBlank()) {
            String host = emulator.contains("://") ? emulator : "http://" + emulator;
            builder.setHost(host).setCredentials(NoCredentials.getInstance()).setProjectId("winnow-emulator");
        }
        return builder.build().getService();
    }

    @Override
    public String toString() {
        return "GcsLocationProvider" + schemes();
    }
}
