package dev.winnow.cloud.s3;

import dev.winnow.datasource.CloudLocation;
import dev.winnow.datasource.LocationAccessException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.NoSuchFileException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns what the S3 client reports into Winnow's exceptions and sentences: which failures are worth
 * another try, a missing object as {@link NoSuchFileException}, a denied operation as a
 * {@link LocationAccessException} naming the IAM permission it needs. The client's own messages are
 * never passed on: they are not Winnow's words, and a signed request could appear in them.
 */
final class S3Errors {
    private static final Set<Integer> TRANSIENT_STATUS = Set.of(408, 429, 500, 502, 503, 504);
    /** A full store (MinIO, Ceph and other S3-compatible servers); Amazon S3 itself never fills up. */
    static final int INSUFFICIENT_STORAGE = 507;

    private S3Errors() {}

    /** Operations on a location, each with the permission S3 checks for it. */
    enum Operation {
        LIST("listing", "s3:ListBucket"),
        READ("reading", "s3:GetObject"),
        WRITE("writing", "s3:PutObject"),
        DELETE("deleting", "s3:DeleteObject");

        final String verb;
        final String permission;

        Operation(String verb, String permission) {
            this.verb = verb;
            this.permission = permission;
        }
    }

    /** Throttling (429, 503 SlowDown), server errors, timeouts and dropped connections. */
    static boolean isTransient(Throwable failure) {
        if (failure instanceof AwsServiceException service) {
            return TRANSIENT_STATUS.contains(service.statusCode()) || "SlowDown".equals(errorCode(service));
        }
        if (failure instanceof SdkClientException) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof IOException
                        || cause instanceof TimeoutException
                        || cause.getClass().getName().startsWith("io.netty.")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the failure is a 404 (object or bucket) or a 416 (a range past the end). */
    static int status(Throwable failure) {
        return failure instanceof AwsServiceException service ? service.statusCode() : 0;
    }

    static @Nullable String errorCode(AwsServiceException service) {
        return service.awsErrorDetails() == null
                ? null
                : service.awsErrorDetails().errorCode();
    }

    /**
     * The exception to throw for a failed operation on {@code path} ("" for the location itself) of
     * {@code location}, retried up to {@code maxTries} tries: a transient failure was tried that
     * often, any other once.
     */
    static IOException toIo(Throwable raw, CloudLocation location, Operation operation, String path, int maxTries) {
        Throwable failure = Backoff.unwrap(raw);
        if (failure instanceof IOException io) {
            return io;
        }
        int tries = isTransient(failure) ? maxTries : 1;
        String what = path.isEmpty() ? "" : " '" + path + "'";
        if (failure instanceof AwsServiceException service) {
            String code = errorCode(service);
            int status = service.statusCode();
            if ("NoSuchBucket".equals(code) || (status == 404 && path.isEmpty())) {
                return bucketMissing(location);
            }
            if (status == 404) {
                return new NoSuchFileException(path, null, "no such object in " + location);
            }
            if (status == 403) {
                return new LocationAccessException(
                        "Access to " + location + " was denied " + operation.verb + what
                                + ": the credentials lack the permission " + operation.permission + ".",
                        operation.permission);
            }
            if (status == INSUFFICIENT_STORAGE) {
                // what S3-compatible stores answer when their disks are full; trying again cannot help
                return new IOException("The S3 endpoint of " + location + " is full: it answered HTTP 507 Insufficient"
                        + " Storage " + operation.verb + what + ".");
            }
            if (status == 301 || "PermanentRedirect".equals(code) || "AuthorizationHeaderMalformed".equals(code)) {
                return new LocationAccessException(
                        "The bucket of " + location
                                + " is in another region than the one configured; set AWS_REGION to the "
                                + "bucket's region.",
                        null);
            }
            return new IOException(
                    "Amazon S3 answered HTTP " + status + (code == null ? "" : " " + code) + " " + operation.verb + what
                            + " in " + location + (tries > 1 ? ", " + tries + " tries in a row." : "."));
        }
        if (failure instanceof SdkClientException && isTransient(failure)) {
            return new IOException("The S3 endpoint of " + location + " could not be reached " + operation.verb + what
                    + (tries > 1 ? " in " + tries + " tries" : "") + ": " + networkReason(failure) + ".");
        }
        if (failure instanceof SdkClientException
                && String.valueOf(failure.getMessage()).contains("credentials")) {
            return new LocationAccessException(
                    "No AWS credentials were found for " + location
                            + ": set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or run "
                            + "where a role is attached.",
                    null);
        }
        return new IOException("Amazon S3 failed " + operation.verb + what + " in " + location + " ("
                + failure.getClass().getSimpleName() + ").");
    }

    static LocationAccessException bucketMissing(CloudLocation location) {
        return new LocationAccessException(
                "The bucket '" + location.bucket() + "' of " + location
                        + " does not exist (or the S3 endpoint in use does not have it).",
                null);
    }

    /** A short cause in Winnow's words: the kind of network trouble, without hosts' answers. */
    private static String networkReason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return "the connection was refused";
            }
            if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException) {
                return "the request timed out";
            }
        }
        return "the connection failed or was reset";
    }
}
