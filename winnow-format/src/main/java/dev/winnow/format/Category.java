package dev.winnow.format;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One category of a task schema. {@code supercategory} may be null; {@code keypoints} and
 * {@code skeleton} are empty except for keypoint-detection tasks.
 */
public record Category(
        int id, String name, @Nullable String supercategory, List<String> keypoints, List<SkeletonEdge> skeleton)
        implements Serializable {

    public Category {
        if (id < 0) {
            throw new IllegalArgumentException("A category id must be 0 or more, but was " + id + ".");
        }
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A category name must not be empty (category id " + id + ").");
        }
        keypoints = List.copyOf(keypoints == null ? List.of() : keypoints);
        skeleton = List.copyOf(skeleton == null ? List.of() : skeleton);
    }

    /** A plain category with neither supercategory nor keypoints. */
    public static Category of(int id, String name) {
        return new Category(id, name, null, List.of(), List.of());
    }

    /** An edge of a keypoint skeleton, as two 1-based keypoint indices (COCO convention). */
    public record SkeletonEdge(int from, int to) implements Serializable {}
}
