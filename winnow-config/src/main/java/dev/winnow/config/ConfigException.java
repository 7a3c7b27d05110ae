package dev.winnow.config;

import java.util.Objects;

/**
 * A configuration value that cannot be used: the message is one sentence a user can act on and
 * names the JSON pointer of the offending place, which {@link #pointer()} also returns.
 */
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String pointer;

    public ConfigException(String pointer, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.pointer = Objects.requireNonNull(pointer, "pointer");
    }

    /** The JSON pointer (RFC 6901) of the key or value at fault, for example {@code /selection/n_samples}. */
    public String pointer() {
        return pointer;
    }
}
