package dev.winnow.convert.yolo;

import dev.winnow.format.TaskType;
import org.jspecify.annotations.Nullable;

/**
 * What a YOLO label line holds, told from its number of values: a box ({@code class x_center
 * y_center width height [confidence]}, YOLOv5-11 detection), a polygon ({@code class x1 y1 x2 y2
 * x3 y3 ... [confidence]}, YOLOv8/11 segmentation) or a box with keypoints ({@code class x_center
 * y_center width height} and {@code K × D} keypoint values {@code [confidence]}, YOLOv8/11 pose,
 * with {@code kpt_shape: [K, D]} from the data.yaml). A pose line with {@code D = 2} has as many
 * values as a polygon; so where keypoints are read (the data.yaml gives a {@code kpt_shape}), lines
 * are boxes or keypoints only.
 */
public enum YoloLabelKind {
    BOXES("boxes", "detection", TaskType.OBJECT_DETECTION),
    POLYGONS("polygons", "segmentation", TaskType.INSTANCE_SEGMENTATION),
    KEYPOINTS("keypoints", "pose", TaskType.KEYPOINT_DETECTION);

    private final String plural;
    private final String yoloTask;
    private final TaskType taskType;

    YoloLabelKind(String plural, String yoloTask, TaskType taskType) {
        this.plural = plural;
        this.yoloTask = yoloTask;
        this.taskType = taskType;
    }

    /** "boxes", "polygons" or "keypoints". */
    public String plural() {
        return plural;
    }

    /** The task the YOLO tools call it: detection, segmentation or pose. */
    public String yoloTask() {
        return yoloTask;
    }

    /** The task type this kind of label converts into. */
    public TaskType taskType() {
        return taskType;
    }

    /** The kind that converts into {@code type}, or null for a type YOLO labels do not hold. */
    public static @Nullable YoloLabelKind of(TaskType type) {
        for (YoloLabelKind k : values()) {
            if (k.taskType == type) {
                return k;
            }
        }
        return null;
    }

    /**
     * The kind of a line of {@code values} values (class included), or null when it is none;
     * {@code poseValues} is {@code K × D} of the data.yaml's kpt_shape, 0 when keypoints are not read.
     */
    static @Nullable YoloLabelKind ofLine(int values, int poseValues) {
        if (values == 5 || values == 6) {
            return BOXES;
        }
        if (poseValues > 0) {
            // Keypoints are read: a line of another length is a broken pose line, not a polygon.
            return values == 5 + poseValues || values == 6 + poseValues ? KEYPOINTS : null;
        }
        return values >= 7 ? POLYGONS : null;
    }
}
