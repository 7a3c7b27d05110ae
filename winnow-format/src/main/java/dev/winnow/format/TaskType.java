package dev.winnow.format;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of prediction task a schema may declare, with the name each has in {@code schema.json}. */
public enum TaskType {
    CLASSIFICATION("classification"),
    OBJECT_DETECTION("object-detection"),
    SEMANTIC_SEGMENTATION("semantic-segmentation"),
    INSTANCE_SEGMENTATION("instance-segmentation"),
    KEYPOINT_DETECTION("keypoint-detection");

    private final String wireName;

    TaskType(String wireName) {
        this.wireName = wireName;
    }

    /** The name written in {@code schema.json}, e.g. {@code object-detection}. */
    public String wireName() {
        return wireName;
    }

    /** The task type written as {@code name} in a schema, or empty when no type has that name. */
    public static Optional<TaskType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    /** Whether singletons of this type carry a bounding box that can be cropped (object level). */
    public boolean hasBoxes() {
        return this == OBJECT_DETECTION || this == INSTANCE_SEGMENTATION || this == KEYPOINT_DETECTION;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
