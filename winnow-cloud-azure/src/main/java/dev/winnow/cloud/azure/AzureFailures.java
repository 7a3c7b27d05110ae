package dev.winnow.cloud.azure;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobStorageException;
import dev.winnow.datasource.CloudLocation;
import dev.winnow.datasource.LocationAccessException;
import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;

/**
 * Turns what the storage library throws into Winnow's exceptions, each with one sentence in
 * Winnow's words: a missing blob is a {@link NoSuchFileException} of the datasource path, a missing
 * container or a refusal a {@link LocationAccessException} naming the location and the SAS letter
 * or RBAC data action the operation needs, anything else an {@link IOException} saying what failed.
 *
 * <p>No library message is passed on and no library exception is kept as a cause: they can hold
 * request URLs, and a SAS token's signature is part of those.
 */
final class AzureFailures {
    private static final String DATA_ACTIONS = "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/";

    /** What Winnow was doing, with the permission it needs in SAS and RBAC terms. */
    enum Operation {
        LIST("listing", "l", "list", "read"),
        READ("reading", "r", "read", "read"),
        WRITE("writing", "w", "write", "write"),
        DELETE("deleting", "d", "delete", "delete");

        private final String doing;
        private final String sasLetter;
        private final String sasName;
        private final String dataAction;

        Operation(String doing, String sasLetter, String sasName, String dataAction) {
            this.doing = doing;
            this.sasLetter = sasLetter;
            this.sasName = sasName;
            this.dataAction = DATA_ACTIONS + dataAction;
        }

        String doing() {
            return doing;
        }

        /** The SAS permission letter the operation needs ({@code r}, {@code l}, {@code w}, {@code d}). */
        String sasLetter() {
            return sasLetter;
        }

        /** The RBAC data action the operation needs. */
        String dataAction() {
            return dataAction;
        }
    }

    private final CloudLocation location;
    private final AzureCredentials.Kind kind;

    AzureFailures(CloudLocation location, AzureCredentials.Kind kind) {
        this.location = location;
        this.kind = kind;
    }

    /**
     * The exception to throw for {@code failure} while doing {@code operation} on {@code path} (a
     * datasource path, or "" for the location itself).
     */
    IOException translate(RuntimeException failure, Operation operation, String path) {
        String what = path.isEmpty() ? location.toString() : "'" + path + "' in " + location;
        if (failure instanceof BlobStorageException storage) {
            BlobErrorCode code = storage.getErrorCode();
            int status = storage.getStatusCode();
            if (status == 404 && BlobErrorCode.CONTAINER_NOT_FOUND.equals(code)) {
                return missingContainer();
            }
            if (status == 404 && !path.isEmpty()) {
                return new NoSuchFileException(path, null, "no such file in " + location);
            }
            if (status == 403) {
                return denied(operation, code);
            }
            if (status == 412) {
                return new IOException("The file " + what + " changed while it was being read; run the command again.");
            }
            return new IOException(
                    capitalized(operation.doing()) + " " + what + " failed: the storage account answered HTTP " + status
                            + (code == null ? "" : " (" + code + ")") + retried(status) + ".");
        }
        if (hasCause(failure, ClientAuthenticationException.class)) {
            return new LocationAccessException(
                    "No Azure credentials could sign in for " + location
                            + ": set AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_SAS_TOKEN, or sign "
                            + "in for DefaultAzureCredential "
                            + "(az login, a managed identity, or AZURE_CLIENT_ID with AZURE_TENANT_ID "
                            + "and a secret or certificate).",
                    null);
        }
        if (hasCause(failure, UnknownHostException.class)) {
            return new LocationAccessException(
                    "The storage account '" + location.account() + "' of " + location
                            + " could not be reached: its endpoint's host name is unknown (is the "
                            + "account name right?).",
                    null);
        }
        if (failure instanceof HttpResponseException http && http.getResponse() != null) {
            int status = http.getResponse().getStatusCode();
            return new IOException(capitalized(operation.doing()) + " " + what
                    + " failed: the storage account answered HTTP " + status + retried(status) + ".");
        }
        if (AzureRetry.isTransport(failure)) {
            return new IOException(capitalized(operation.doing()) + " " + what
                    + " failed: the connection to the storage account failed " + AzureRetry.MAX_TRIES
                    + " tries in a row.");
        }
        return new IOException(capitalized(operation.doing()) + " " + what + " failed: "
                + failure.getClass().getSimpleName() + ".");
    }

    /** For a status that is retried: how often it was tried. */
    private static String retried(int status) {
        return AzureRetry.isRetried(status) ? ", " + AzureRetry.MAX_TRIES + " tries in a row" : "";
    }

    /** The container of the location does not exist. */
    LocationAccessException missingContainer() {
        return new LocationAccessException(
                "The container '" + location.bucket() + "' of the storage account '" + location.account()
                        + "' does not exist (location " + location + ").",
                null);
    }

    private LocationAccessException denied(Operation operation, BlobErrorCode code) {
        String start = "Access to " + location + " was denied while " + operation.doing() + ": ";
        if (BlobErrorCode.AUTHENTICATION_FAILED.equals(code)) {
            return new LocationAccessException(
                    start + kind.who() + " was not accepted (wrong key, or a token that is "
                            + "expired, not yet valid or for another account).",
                    null);
        }
        return switch (kind) {
            case SAS ->
                new LocationAccessException(
                        start + "the SAS token lacks the permission '" + operation.sasLetter() + "' ("
                                + operation.sasName + ").",
                        operation.sasLetter());
            case ENTRA_ID ->
                new LocationAccessException(
                        start + "the signed-in identity lacks the RBAC data action " + operation.dataAction() + ".",
                        operation.dataAction());
            case ACCOUNT_KEY ->
                new LocationAccessException(
                        start + "the account refuses the account key of "
                                + "AZURE_STORAGE_CONNECTION_STRING (shared key access may be disabled, "
                                + "or a network rule blocks it).",
                        null);
        };
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
