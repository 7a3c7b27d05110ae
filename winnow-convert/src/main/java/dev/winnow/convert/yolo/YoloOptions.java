package dev.winnow.convert.yolo;

import dev.winnow.datasource.Datasource;
import dev.winnow.format.TaskType;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link YoloConverter} reads: the label files, the images (every image is a sample; sizes
 * come from their headers), the file naming the classes (a data.yaml also gives pose labels'
 * {@code kpt_shape}), the score of labels without a confidence, the task type to write (empty: the
 * kind the label files hold) and the keypoints' names (empty: {@code keypoint_0}, {@code keypoint_1}, ...).
 */
public record YoloOptions(
        Datasource labels,
        Datasource images,
        Path classes,
        double defaultScore,
        Optional<TaskType> taskType,
        List<String> keypointNames) {
    public YoloOptions {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(classes, "classes");
        if (!(defaultScore >= 0 && defaultScore <= 1)) {
            throw new IllegalArgumentException(
                    "The default score must lie between 0 and 1, but was " + defaultScore + ".");
        }
        taskType = taskType == null ? Optional.empty() : taskType;
        keypointNames = List.copyOf(keypointNames == null ? List.of() : keypointNames);
    }

    /** Boxes, the task type read from the label files, keypoints unnamed. */
    public YoloOptions(Datasource labels, Datasource images, Path classes, double defaultScore) {
        this(labels, images, classes, defaultScore, Optional.empty(), List.of());
    }
}
