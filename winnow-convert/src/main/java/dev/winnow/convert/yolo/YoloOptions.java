package dev.winnow.convert.yolo;

import dev.winnow.datasource.Datasource;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link YoloConverter} reads: the label files, the images (every image is a sample; sizes
 * come from their headers), the {@code classes.txt} or {@code data.yaml} naming the classes, and the
 * score of boxes without a confidence.
 */
public record YoloOptions(Datasource labels, Datasource images, Path classes, double defaultScore) {
    public YoloOptions {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(classes, "classes");
        if (!(defaultScore >= 0 && defaultScore <= 1)) {
            throw new IllegalArgumentException("The default score must lie between 0 and 1, but was " + defaultScore + ".");
        }
    }
}
