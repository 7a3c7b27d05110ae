package dev.winnow.cloud.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.util.HttpClientOptions;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import dev.winnow.cloud.azure.AzureFailures.Operation;
import dev.winnow.datasource.CloudLocation;
import dev.winnow.datasource.CloudSettings;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocationProvider;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Opens {@code az://account/container/prefix} locations on Azure Blob Storage (or the Azurite
 * emulator). Credentials come from the environment as {@link AzureCredentials} describes; one
 * client per account is shared by all its locations, with a connection pool as large as the
 * cloud concurrency ({@code --cloud-concurrency}).
 *
 * <pre>{@code
 * Datasource images = Locations.open("az://myaccount/images/2024");   // found through ServiceLoader
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class AzureLocationProvider implements LocationProvider {

    private final Map<String, String> environment;
    private final @Nullable String endpoint;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();

    /** One signed-in client of an account. */
    private record Account(BlobServiceClient client, AzureCredentials.Kind kind) {}

    /**
     * The provider ServiceLoader makes: credentials from the process environment, read as the Azure
     * SDK reads its settings (a Java system property of the same name wins over the variable).
     */
    public AzureLocationProvider() {
        this(sdkEnvironment(), null);
    }

    private static Map<String, String> sdkEnvironment() {
        Map<String, String> settings = new HashMap<>();
        for (String name : List.of(AzureCredentials.CONNECTION_STRING, AzureCredentials.SAS_TOKEN)) {
            String value = System.getProperty(name, System.getenv(name));
            if (value != null) {
                settings.put(name, value);
            }
        }
        return settings;
    }

    /**
     * A provider reading credentials from {@code environment} instead of the process's; a non-null
     * {@code endpoint} replaces {@code https://<account>.blob.core.windows.net} where no connection
     * string gives one (tests point it at the emulator).
     */
    AzureLocationProvider(Map<String, String> environment, @Nullable String endpoint) {
        this.environment = Map.copyOf(environment);
        this.endpoint = endpoint;
    }

    @Override
    public Set<String> schemes() {
        return Set.of("az");
    }

    /** Checks that the container exists (one listing of at most one blob); a refusal is left to the first operation. */
    @Override
    public Datasource open(CloudLocation location, boolean forOutput) throws IOException {
        if (!location.scheme().equals("az")) {
            throw new IllegalArgumentException("The Azure provider opens az:// locations, not " + location + ".");
        }
        Account account = accounts.computeIfAbsent(location.account(), this::signIn);
        AzureFailures failures = new AzureFailures(location, account.kind());
        BlobContainerClient container = account.client().getBlobContainerClient(location.bucket());
        try {
            ListBlobsOptions one = new ListBlobsOptions()
                    .setMaxResultsPerPage(1)
                    .setPrefix(location.prefix().isEmpty() ? null : location.prefix() + "/");
            container.listBlobs(one, null, null).iterableByPage().iterator().next();
        } catch (BlobStorageException e) {
            if (e.getStatusCode() != 403) {
                throw failures.translate(e, Operation.LIST, "");
            }
        } catch (RuntimeException e) {
            throw failures.translate(e, Operation.LIST, "");
        }
        return new AzureBlobDatasource(location, container, failures, CloudSettings.concurrency());
    }

    private Account signIn(String accountName) {
        AzureCredentials credentials = AzureCredentials.forAccount(accountName, environment, endpoint);
        int connections = CloudSettings.concurrency() + 8;
        HttpClient http = HttpClient.createDefault(new HttpClientOptions()
                .setMaximumConnectionPoolSize(connections)
                .setConnectTimeout(Duration.ofSeconds(20))
                .setResponseTimeout(Duration.ofSeconds(60))
                .setReadTimeout(Duration.ofSeconds(60)));
        BlobServiceClientBuilder builder = new BlobServiceClientBuilder()
                .httpClient(http)
                // One try in the storage library's policy: AzureRetry, in front of it, does the retrying.
                .retryOptions(new RequestRetryOptions(RetryPolicyType.FIXED, 1, (Integer) null, null, null, null))
                .addPolicy(AzureRetry.policy());
        switch (credentials.kind()) {
            case ACCOUNT_KEY -> builder.connectionString(credentials.connectionString());
            case SAS -> {
                if (credentials.connectionString() != null) {
                    builder.connectionString(credentials.connectionString());
                } else {
                    builder.endpoint(credentials.endpoint()).sasToken(credentials.sasToken());
                }
            }
            case ENTRA_ID ->
                builder.endpoint(credentials.endpoint()).credential(new DefaultAzureCredentialBuilder().build());
        }
        return new Account(builder.buildClient(), credentials.kind());
    }

    @Override
    public String toString() {
        return "AzureLocationProvider" + schemes();
    }
}
