package dev.winnow.datasource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a location refuses an operation for good: its bucket does not exist, or the
 * credentials lack a permission. The message is one sentence naming the location and what is
 * missing; {@link #permission()} is the permission's own name in that cloud ({@code s3:GetObject},
 * {@code storage.objects.list}, the SAS letter {@code w}...), which {@code winnow check-access}
 * prints. Commands stop on it with exit code 3; it is never retried.
 */
public final class LocationAccessException extends IOException {
    private static final long serialVersionUID = 1L;

    private final @Nullable String permission;

    /**
     * @param permission the permission the refused operation needs, or null when the location itself
     *                   is missing (no permission would help)
     */
    public LocationAccessException(String message, @Nullable String permission) {
        super(message);
        this.permission = permission;
    }

    /**
     * Throws the refusal in {@code failure} (itself or one of its causes) unchecked, and returns
     * when there is none. A handler that turns a failed read into a diagnostic for that one file
     * calls it first: a denied or missing bucket stops the whole command with its one sentence,
     * rather than failing every file in turn.
     */
    public static void rethrowIfDenied(Throwable failure) {
        Optional<LocationAccessException> denied = in(failure);
        if (denied.isPresent()) {
            throw new UncheckedIOException(denied.get().getMessage(), denied.get());
        }
    }

    /** The refusal in {@code failure} or one of its causes, if any: for the handler that ends the command. */
    public static Optional<LocationAccessException> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof LocationAccessException denied) {
                return Optional.of(denied);
            }
        }
        return Optional.empty();
    }

    /** The missing permission's name in its cloud, or null when the bucket or container does not exist. */
    public @Nullable String permission() {
        return permission;
    }
}
