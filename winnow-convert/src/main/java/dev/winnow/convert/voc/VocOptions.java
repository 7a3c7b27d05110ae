package dev.winnow.convert.voc;

import dev.winnow.datasource.Datasource;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link VocConverter} reads: the folder of Pascal VOC XML files, an optional categories file
 * fixing the ids (otherwise ids follow the sorted names), optional images (their headers give the
 * sizes, ahead of the XML's {@code <size>}), and the score given to every box.
 */
public record VocOptions(
        Datasource annotations, Optional<Path> categories, Optional<Datasource> images, double defaultScore) {
    public VocOptions {
        Objects.requireNonNull(annotations, "annotations");
        categories = categories == null ? Optional.empty() : categories;
        images = images == null ? Optional.empty() : images;
        if (!(defaultScore >= 0 && defaultScore <= 1)) {
            throw new IllegalArgumentException(
                    "The default score must lie between 0 and 1, but was " + defaultScore + ".");
        }
    }
}
