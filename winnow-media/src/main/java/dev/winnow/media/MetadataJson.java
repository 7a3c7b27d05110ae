package dev.winnow.media;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Conversions between JSON values and the Java values of {@link MetadataValueType}. */
final class MetadataJson {
    private MetadataJson() {}

    /** The value of {@code node} as {@code type}, or null when it is not of that type. */
    static @Nullable Object valueOf(JsonNode node, MetadataValueType type) {
        return switch (type) {
            case NUMERIC_INT, CATEGORICAL_INT -> wholeNumber(node);
            case NUMERIC_FLOAT -> node.isNumber() && Double.isFinite(node.doubleValue()) ? node.doubleValue() : null;
            case CATEGORICAL_STRING -> node.isString() ? node.stringValue() : null;
            case CATEGORICAL_BOOLEAN -> node.isBoolean() ? node.booleanValue() : null;
        };
    }

    private static @Nullable Long wholeNumber(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isFloatingPointNumber()) {
            double value = node.doubleValue();
            if (value == Math.rint(value) && Math.abs(value) < 0x1p53) {
                return (long) value; // 3.0 is a whole number written with a decimal point
            }
        }
        return null;
    }

    /** The value at a dot path inside {@code root}, or null when some step is missing. */
    static @Nullable JsonNode at(JsonNode root, String dotPath) {
        @Nullable JsonNode node = root;
        for (String step : dotPath.split("\\.", -1)) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(step);
        }
        return node;
    }

    /** A short rendering of a JSON value for messages. */
    static String show(JsonNode node) {
        String text = node.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
