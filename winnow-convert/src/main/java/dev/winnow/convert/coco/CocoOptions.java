package dev.winnow.convert.coco;

import dev.winnow.datasource.Datasource;
import dev.winnow.format.TaskType;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link CocoConverter} reads: the COCO {@code annotations} file (a dataset or a results list),
 * the dataset file that names images and categories when {@code annotations} is a results list,
 * the images (to read sizes the COCO file lacks), the task type to write and the score given to
 * annotations without one.
 */
public record CocoOptions(
        Path annotations,
        Optional<Path> groundTruth,
        Optional<Datasource> images,
        TaskType taskType,
        double defaultScore) {

    public CocoOptions {
        Objects.requireNonNull(annotations, "annotations");
        groundTruth = groundTruth == null ? Optional.empty() : groundTruth;
        images = images == null ? Optional.empty() : images;
        Objects.requireNonNull(taskType, "taskType");
        if (!(defaultScore >= 0 && defaultScore <= 1)) {
            throw new IllegalArgumentException(
                    "The default score must lie between 0 and 1, but was " + defaultScore + ".");
        }
        if (taskType == TaskType.CLASSIFICATION) {
            throw new IllegalArgumentException("COCO annotations hold boxes, masks or keypoints; convert them to an"
                    + " object-detection, instance-segmentation, semantic-segmentation or keypoint-detection task.");
        }
    }

    /** A dataset file converted to {@code taskType} with the default score 1 (labels are certain). */
    public static CocoOptions of(Path annotations, TaskType taskType) {
        return new CocoOptions(annotations, Optional.empty(), Optional.empty(), taskType, 1.0);
    }
}
