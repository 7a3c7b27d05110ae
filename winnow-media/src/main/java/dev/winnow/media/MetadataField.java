package dev.winnow.media;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the user metadata schema: a display name, the dot path of the value inside each
 * sample's {@code metadata} object ({@code weather.temperature}), the value to use when a sample
 * lacks it (null: none), and the value type.
 */
public record MetadataField(
        String name, String path, @Nullable Object defaultValue, MetadataValueType type) {
    public MetadataField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
    }
}
