package dev.winnow.scores.table;

import dev.winnow.format.TaskType;
import java.io.Serializable;

/** Which optional columns a task type fills: boxes, segment areas, keypoint confidences. */
record ColumnLayout(boolean boxes, boolean areas, boolean keypoints) implements Serializable {

    static ColumnLayout of(TaskType type) {
        return switch (type) {
            case CLASSIFICATION -> new ColumnLayout(false, false, false);
            case OBJECT_DETECTION, INSTANCE_SEGMENTATION -> new ColumnLayout(true, false, false);
            case SEMANTIC_SEGMENTATION -> new ColumnLayout(false, true, false);
            case KEYPOINT_DETECTION -> new ColumnLayout(true, false, true);
        };
    }
}
