package dev.winnow.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Typed reading of a configuration object from a Jackson tree, with errors that name the JSON
 * pointer of the value, say what was expected and, for unknown keys or enum values, suggest the
 * closest allowed spelling.
 *
 * <pre>{@code
 * ConfigReader.requireObject(node, "/selection");
 * ConfigReader.checkKeys(node, "/selection", List.of("n_samples", "proportion_samples", "strategies"));
 * OptionalInt n = ConfigReader.optionalInt(node, "/selection", "n_samples");
 * }</pre>
 *
 * <p>All methods throw {@link ConfigException}; stateless and thread-safe.
 */
public final class ConfigReader {

    private ConfigReader() {}

    /** The pointer of {@code key} inside the object at {@code pointer}, escaped as RFC 6901 requires. */
    public static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    /** The pointer of element {@code index} of the array at {@code pointer}. */
    public static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    /** Fails unless {@code node} is a JSON object. */
    public static void requireObject(JsonNode node, String pointer) {
        if (node == null || !node.isObject()) {
            throw new ConfigException(
                    pointer, "Expected an object at " + where(pointer) + ", but found " + describe(node) + ".");
        }
    }

    /**
     * Fails on the keys of {@code object} that are not in {@code allowed}, all of them, each with a "did you mean"
     * hint.
     */
    public static void checkKeys(JsonNode object, String pointer, Collection<String> allowed) {
        List<ConfigException> unknown = new ArrayList<>();
        for (String key : object.propertyNames()) {
            if (!allowed.contains(key)) {
                String at = child(pointer, key);
                String hint = DidYouMean.hint(key, allowed);
                unknown.add(new ConfigException(
                        at,
                        "Unknown key '" + key + "' at " + at + "."
                                + (hint.isEmpty()
                                        ? " Allowed keys there: " + String.join(", ", allowed) + "."
                                        : hint)));
            }
        }
        if (!unknown.isEmpty()) {
            throw ConfigException.of(unknown);
        }
    }

    /** The value of a key that must be present (and not null). */
    public static JsonNode require(JsonNode object, String pointer, String key) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            // A misspelling of the key explains its absence; say that, as checkKeys does, rather than a second problem.
            for (String present : object.propertyNames()) {
                if (!object.has(key)
                        && DidYouMean.suggest(present, List.of(key)).isPresent()) {
                    String at = child(pointer, present);
                    throw new ConfigException(
                            at, "Unknown key '" + present + "' at " + at + ". Did you mean '" + key + "'?");
                }
            }
            throw new ConfigException(
                    child(pointer, key), "Missing required key '" + key + "' at " + where(pointer) + ".");
        }
        return value;
    }

    public static String requireString(JsonNode object, String pointer, String key) {
        return string(require(object, pointer, key), child(pointer, key));
    }

    public static Optional<String> optionalString(JsonNode object, String pointer, String key) {
        JsonNode value = object.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(string(value, child(pointer, key)));
    }

    /** A non-empty string. */
    public static String string(JsonNode value, String at) {
        if (!value.isString()) {
            throw new ConfigException(at, "Expected a string at " + at + ", but found " + describe(value) + ".");
        }
        if (value.stringValue().isEmpty()) {
            throw new ConfigException(at, "Expected a non-empty string at " + at + ".");
        }
        return value.stringValue();
    }

    public static double requireNumber(JsonNode object, String pointer, String key) {
        return number(require(object, pointer, key), child(pointer, key));
    }

    public static OptionalDouble optionalNumber(JsonNode object, String pointer, String key) {
        JsonNode value = object.get(key);
        return value == null || value.isNull()
                ? OptionalDouble.empty()
                : OptionalDouble.of(number(value, child(pointer, key)));
    }

    /** A finite number. */
    public static double number(JsonNode value, String at) {
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            throw new ConfigException(at, "Expected a number at " + at + ", but found " + describe(value) + ".");
        }
        return value.doubleValue();
    }

    public static OptionalInt optionalInt(JsonNode object, String pointer, String key) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return OptionalInt.empty();
        }
        String at = child(pointer, key);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new ConfigException(at, "Expected an integer at " + at + ", but found " + describe(value) + ".");
        }
        return OptionalInt.of(value.intValue());
    }

    public static OptionalLong optionalLong(JsonNode object, String pointer, String key) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return OptionalLong.empty();
        }
        String at = child(pointer, key);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new ConfigException(at, "Expected an integer at " + at + ", but found " + describe(value) + ".");
        }
        return OptionalLong.of(value.longValue());
    }

    /** A required enum value written as the constant's name, with a hint on a near miss. */
    public static <E extends Enum<E>> E requireEnum(JsonNode object, String pointer, String key, Class<E> type) {
        return enumValue(require(object, pointer, key), child(pointer, key), type);
    }

    public static <E extends Enum<E>> E enumValue(JsonNode value, String at, Class<E> type) {
        List<String> names =
                Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toList());
        if (!value.isString()) {
            throw new ConfigException(
                    at,
                    "Expected one of " + String.join(", ", names) + " at " + at + ", but found " + describe(value)
                            + ".");
        }
        String given = value.stringValue();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(given)) {
                return constant;
            }
        }
        throw new ConfigException(
                at,
                "Unknown value '" + given + "' at " + at + "; expected one of " + String.join(", ", names) + "."
                        + DidYouMean.hint(given, names));
    }

    /** A list of non-empty strings. */
    public static List<String> stringList(JsonNode value, String at) {
        if (!value.isArray()) {
            throw new ConfigException(
                    at, "Expected an array of strings at " + at + ", but found " + describe(value) + ".");
        }
        List<String> result = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            result.add(string(value.get(i), child(at, i)));
        }
        return List.copyOf(result);
    }

    /** A short description of a JSON value for error messages: its kind and, for scalars, the value. */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isString()) {
            return "the string \"" + node.stringValue() + "\"";
        }
        if (node.isBoolean()) {
            return "the boolean " + node.asBoolean();
        }
        if (node.isNumber()) {
            return "the number " + node.numberValue();
        }
        return node.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    private static String where(String pointer) {
        return pointer.isEmpty() ? "the top level" : pointer;
    }
}
