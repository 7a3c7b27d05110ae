package dev.winnow.format.validate;

import java.io.Serializable;
import java.util.Objects;

/**
 * How strictly to read: lenient by default ({@code //} and {@code /* *}{@code /} comments, trailing
 * commas and unknown fields are warnings), strict makes each of them an error. Immutable.
 */
public record ValidationOptions(boolean strict, ValidationLimits limits) implements Serializable {

    public ValidationOptions {
        Objects.requireNonNull(limits, "limits");
    }

    /** Lenient reading with the default limits. */
    public static ValidationOptions defaults() {
        return new ValidationOptions(false, ValidationLimits.DEFAULTS);
    }

    /** Strict reading with the default limits. */
    public static ValidationOptions strictDefaults() {
        return new ValidationOptions(true, ValidationLimits.DEFAULTS);
    }

    public ValidationOptions withStrict(boolean strict) {
        return new ValidationOptions(strict, limits);
    }

    public ValidationOptions withLimits(ValidationLimits limits) {
        return new ValidationOptions(strict, limits);
    }
}
