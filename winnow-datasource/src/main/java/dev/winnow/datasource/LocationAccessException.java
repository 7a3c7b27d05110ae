package dev.winnow.datasource;

import java.io.IOException;

/**
 * Thrown when a location refuses an operation for good: its bucket does not exist, or the
 * credentials lack a permission. The message is one sentence naming the location and what is
 * missing; {@link #permission()} is the permission's own name in that cloud ({@code s3:GetObject},
 * {@code storage.objects.list}, the SAS letter {@code w}...), which {@code winnow check-access}
 * prints. Commands stop on it with exit code 3; it is never retried.
 */
public final class LocationAccessException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String permission;

    /**
     * @param permission the permission the refused operation needs, or null when the location itself
     *                   is missing (no permission would help)
     */
    public LocationAccessException(String message, String permission) {
        super(message);
        this.permission = permission;
    }

    /** The missing permission's name in its cloud, or null when the bucket or container does not exist. */
    public String permission() {
        return permission;
    }
}
