package dev.winnow.media;

/**
 * The value types of user metadata, as {@code valueDataType} names them in
 * {@code .lightly/metadata/schema.json}, with the Java type each value is read as.
 */
public enum MetadataValueType {
    /** A whole number to compute with (a count); read as {@link Long}. */
    NUMERIC_INT,
    /** A real number to compute with (a temperature); read as {@link Double}. */
    NUMERIC_FLOAT,
    /** A label (a weather description); read as {@link String}. */
    CATEGORICAL_STRING,
    /** A label spelled as a whole number (a camera id); read as {@link Long}. */
    CATEGORICAL_INT,
    /** A yes/no label; read as {@link Boolean}. */
    CATEGORICAL_BOOLEAN;

    /** Whether values are quantities (usable as weights and thresholds) rather than labels. */
    public boolean isNumeric() {
        return this == NUMERIC_INT || this == NUMERIC_FLOAT;
    }

    /** What a value of this type looks like in JSON, for messages. */
    String expectation() {
        return switch (this) {
            case NUMERIC_INT, CATEGORICAL_INT -> "a whole number";
            case NUMERIC_FLOAT -> "a number";
            case CATEGORICAL_STRING -> "a string";
            case CATEGORICAL_BOOLEAN -> "true or false";
        };
    }
}
