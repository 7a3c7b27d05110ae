package dev.winnow.cloud.gcs;

import com.google.cloud.BaseServiceException;
import dev.winnow.datasource.CloudLocation;
import dev.winnow.datasource.LocationAccessException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;

/**
 * Turns what the Cloud Storage client throws into Winnow's exceptions, each one sentence in
 * Winnow's words: a missing object is a {@link NoSuchFileException} of the datasource path, a
 * missing bucket or a refusal a {@link LocationAccessException} naming the location and the IAM
 * permission the operation needs, anything else an {@link IOException} saying what failed. Client
 * messages and exceptions are not passed on: they can hold request URLs.
 */
final class GcsFailures {

    /** What Winnow was doing, with the IAM permission it needs. */
    enum Operation {
        LIST("listing", "storage.objects.list"),
        READ("reading", "storage.objects.get"),
        WRITE("writing", "storage.objects.create"),
        DELETE("deleting", "storage.objects.delete");

        private final String doing;
        private final String permission;

        Operation(String doing, String permission) {
            this.doing = doing;
            this.permission = permission;
        }

        /** The IAM permission the operation needs, like {@code storage.objects.get}. */
        String permission() {
            return permission;
        }
    }

    private final CloudLocation location;

    GcsFailures(CloudLocation location) {
        this.location = location;
    }

    /**
     * The exception to throw for {@code failure} while doing {@code operation} on {@code path} ("" for the location).
     */
    IOException translate(RuntimeException failure, Operation operation, String path) {
        String what = path.isEmpty() ? location.toString() : "'" + path + "' in " + location;
        String doing = Character.toUpperCase(operation.doing.charAt(0)) + operation.doing.substring(1);
        if (failure instanceof BaseServiceException service) {
            int code = service.getCode();
            if (code == 404 && path.isEmpty()) {
                return missingBucket();
            }
            if (code == 404) {
                return new NoSuchFileException(path, null, "no such file in " + location);
            }
            if (code == 401) {
                return new LocationAccessException(
                        "Access to " + location + " was denied while " + operation.doing
                                + ": no Google credentials were accepted; set "
                                + "GOOGLE_APPLICATION_CREDENTIALS to a key file, or run "
                                + "'gcloud auth application-default login', or run on Google Cloud with "
                                + "a service account.",
                        null);
            }
            if (code == 403) {
                String extra = operation == Operation.WRITE
                        ? " (and storage.objects.delete to replace an existing object)"
                        : "";
                return new LocationAccessException(
                        "Access to " + location + " was denied while " + operation.doing
                                + ": the credentials lack the IAM permission " + operation.permission + extra + ".",
                        operation.permission);
            }
            if (code == 412) {
                return new IOException("The file " + what + " changed while it was being read; run the command again.");
            }
            if (code > 0) {
                return new IOException(doing + " " + what + " failed: Cloud Storage answered HTTP " + code + ".");
            }
            return new IOException(
                    doing + " " + what + " failed: the connection to Cloud Storage kept failing after retries.");
        }
        return new IOException(
                doing + " " + what + " failed: " + failure.getClass().getSimpleName() + ".");
    }

    /** The bucket of the location does not exist. */
    LocationAccessException missingBucket() {
        return new LocationAccessException(
                "The bucket '" + location.bucket() + "' does not exist (location " + location + ").", null);
    }
}
