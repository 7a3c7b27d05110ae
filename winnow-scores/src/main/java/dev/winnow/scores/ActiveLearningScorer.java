package dev.winnow.scores;

import dev.winnow.format.TaskType;
import dev.winnow.scores.table.PredictionsTable;
import java.util.List;
import java.util.Objects;

/**
 * Computes the active-learning scores of every sample of a task from its predictions table. Each
 * task type has its scores in a fixed order:
 * <ul>
 *   <li>classification and semantic segmentation: {@code uncertainty_least_confidence},
 *       {@code uncertainty_margin}, {@code uncertainty_entropy};</li>
 *   <li>object detection and instance segmentation: {@code objectness_least_confidence},
 *       {@code object_frequency}, then the three uncertainty scores;</li>
 *   <li>keypoint detection: {@code mean_uncertainty}.</li>
 * </ul>
 *
 * <pre>{@code
 * ActiveLearningScores scores = ActiveLearningScorer.forTaskType(table.taskType()).score(table);
 * }</pre>
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface ActiveLearningScorer {

    /** The scores this scorer computes, in column order. */
    List<ScoreName> scoreNames();

    /** Scores every sample of {@code table}; every value lies in [0, 1]. */
    ActiveLearningScores score(PredictionsTable table);

    /** The scorer for tasks of {@code type}. */
    static ActiveLearningScorer forTaskType(TaskType type) {
        return switch (Objects.requireNonNull(type, "type")) {
            case CLASSIFICATION -> new ClassificationScorer();
            case OBJECT_DETECTION, INSTANCE_SEGMENTATION -> new ObjectScorer();
            case SEMANTIC_SEGMENTATION -> new SemanticSegmentationScorer();
            case KEYPOINT_DETECTION -> new KeypointScorer();
        };
    }

    /** Scores {@code table} with the scorer of its task type. */
    static ActiveLearningScores scoreTable(PredictionsTable table) {
        return forTaskType(table.taskType()).score(table);
    }
}
