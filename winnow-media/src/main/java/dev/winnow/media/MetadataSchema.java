package dev.winnow.media;

import java.util.List;

/**
 * The fields of {@code .lightly/metadata/schema.json}, in the file's order. Paths are unique.
 * Read with {@link UserMetadataReader}.
 */
public record MetadataSchema(List<MetadataField> fields) {
    public MetadataSchema {
        fields = List.copyOf(fields);
    }

    /** A schema with no fields (no schema file). */
    public static MetadataSchema empty() {
        return new MetadataSchema(List.of());
    }
}
