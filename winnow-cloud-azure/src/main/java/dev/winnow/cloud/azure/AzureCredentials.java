package dev.winnow.cloud.azure;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How Winnow signs in to one storage account, chosen from the environment in this order:
 * <ol>
 *   <li>{@code AZURE_STORAGE_CONNECTION_STRING}, when its account is the location's (a connection
 *       string of the Azurite emulator names its account in the blob endpoint, or is
 *       {@code UseDevelopmentStorage=true}); its endpoint is used, so the emulator works;</li>
 *   <li>{@code AZURE_STORAGE_SAS_TOKEN}, a shared access signature for the account's endpoint;</li>
 *   <li>otherwise {@code DefaultAzureCredential} (environment, workload or managed identity, the
 *       Azure CLI's sign-in...).</li>
 * </ol>
 * A connection string for another account is left for that account, so input and output may lie in
 * two accounts with two ways of signing in.
 *
 * <p>The secrets it holds are never part of {@link #toString()} or of any message.
 */
final class AzureCredentials {
    /** The account and endpoint of {@code UseDevelopmentStorage=true}. */
    static final String EMULATOR_ACCOUNT = "devstoreaccount1";

    static final String CONNECTION_STRING = "AZURE_STORAGE_CONNECTION_STRING";
    static final String SAS_TOKEN = "AZURE_STORAGE_SAS_TOKEN";

    /** How requests are signed; the 403 sentence names the permission in this kind's terms. */
    enum Kind {
        /** A connection string with the account key: every permission, or the key is wrong. */
        ACCOUNT_KEY("the account key of AZURE_STORAGE_CONNECTION_STRING"),
        /** A SAS token, from the connection string or AZURE_STORAGE_SAS_TOKEN: permissions are letters. */
        SAS("the SAS token"),
        /** Microsoft Entra ID through DefaultAzureCredential: permissions are RBAC data actions. */
        ENTRA_ID("the signed-in identity (DefaultAzureCredential)");

        private final String who;

        Kind(String who) {
            this.who = who;
        }

        /** Who is refused, as a sentence names it. */
        String who() {
            return who;
        }
    }

    private final Kind kind;
    private final @Nullable String endpoint;
    private final @Nullable String connectionString;
    private final @Nullable String sasToken;

    private AzureCredentials(
            Kind kind, @Nullable String endpoint, @Nullable String connectionString, @Nullable String sasToken) {
        this.kind = kind;
        this.endpoint = endpoint;
        this.connectionString = connectionString;
        this.sasToken = sasToken;
    }

    /**
     * The way to sign in to {@code account} given the environment {@code env}; {@code endpoint}
     * replaces {@code https://<account>.blob.core.windows.net} when not null (tests point a SAS token
     * at the emulator with it).
     */
    static AzureCredentials forAccount(String account, Map<String, String> env, @Nullable String endpoint) {
        String connection = env.get(CONNECTION_STRING);
        if (connection != null && !connection.isBlank()) {
            Map<String, String> parts = parse(connection);
            if (accountOf(parts).filter(account::equals).isPresent()) {
                Kind kind = parts.containsKey("sharedaccesssignature") ? Kind.SAS : Kind.ACCOUNT_KEY;
                return new AzureCredentials(kind, null, connection.trim(), null);
            }
        }
        String blobEndpoint = endpoint != null ? endpoint : "https://" + account + ".blob.core.windows.net";
        String sas = env.get(SAS_TOKEN);
        if (sas != null && !sas.isBlank()) {
            String token = sas.trim();
            return new AzureCredentials(
                    Kind.SAS, blobEndpoint, null, token.startsWith("?") ? token.substring(1) : token);
        }
        return new AzureCredentials(Kind.ENTRA_ID, blobEndpoint, null, null);
    }

    /** The connection string's settings by lower-case name; a value may itself hold '='. */
    static Map<String, String> parse(String connectionString) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : connectionString.split(";")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                parts.put(
                        part.substring(0, equals).trim().toLowerCase(Locale.ROOT),
                        part.substring(equals + 1).trim());
            }
        }
        return parts;
    }

    /**
     * The account a connection string is for: its {@code AccountName}, the emulator's for
     * {@code UseDevelopmentStorage=true}, or the one its blob endpoint names (the first label of the
     * host, or the first path segment on an emulator's address).
     */
    static Optional<String> accountOf(Map<String, String> parts) {
        if (parts.containsKey("accountname")) {
            return Optional.of(parts.get("accountname"));
        }
        if ("true".equalsIgnoreCase(parts.get("usedevelopmentstorage"))) {
            return Optional.of(EMULATOR_ACCOUNT);
        }
        String blobEndpoint = parts.get("blobendpoint");
        if (blobEndpoint == null) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(blobEndpoint);
            String host = uri.getHost() == null ? "" : uri.getHost();
            String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+", "");
            if (!path.isEmpty()) {
                int slash = path.indexOf('/');
                return Optional.of(slash < 0 ? path : path.substring(0, slash));
            }
            int dot = host.indexOf('.');
            return dot > 0 ? Optional.of(host.substring(0, dot)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    Kind kind() {
        return kind;
    }

    /** The blob endpoint when not given by a connection string, else null. */
    @Nullable
    String endpoint() {
        return endpoint;
    }

    /** The connection string, or null. A secret: never into a message. */
    @Nullable
    String connectionString() {
        return connectionString;
    }

    /** The SAS token without its '?', or null. A secret: never into a message. */
    @Nullable
    String sasToken() {
        return sasToken;
    }

    @Override
    public String toString() {
        return "AzureCredentials[" + kind + "]";
    }
}
