package dev.winnow.format;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One prediction of a prediction file. Which variant a file holds follows from its task's type;
 * callers switch over the permitted records.
 */
public sealed interface Singleton
        permits Singleton.Classification,
                Singleton.Detection,
                Singleton.SemanticSegment,
                Singleton.InstanceSegment,
                Singleton.KeypointInstance {

    int categoryId();

    /** The singleton's score; classification singletons may lack one. */
    OptionalDouble optionalScore();

    Optional<Probabilities> probabilities();

    /** The task type whose files hold this variant. */
    TaskType taskType();

    record Classification(int categoryId, OptionalDouble score, Optional<Probabilities> probabilities)
            implements Singleton {
        public Classification {
            score = score == null ? OptionalDouble.empty() : score;
            probabilities = probabilities == null ? Optional.empty() : probabilities;
        }

        @Override
        public OptionalDouble optionalScore() {
            return score;
        }

        @Override
        public TaskType taskType() {
            return TaskType.CLASSIFICATION;
        }
    }

    record Detection(int categoryId, BoundingBox bbox, double score, Optional<Probabilities> probabilities)
            implements Singleton {
        public Detection {
            Objects.requireNonNull(bbox, "bbox");
            probabilities = probabilities == null ? Optional.empty() : probabilities;
        }

        @Override
        public OptionalDouble optionalScore() {
            return OptionalDouble.of(score);
        }

        @Override
        public TaskType taskType() {
            return TaskType.OBJECT_DETECTION;
        }
    }

    record SemanticSegment(int categoryId, RleMask segmentation, double score, Optional<Probabilities> probabilities)
            implements Singleton {
        public SemanticSegment {
            Objects.requireNonNull(segmentation, "segmentation");
            probabilities = probabilities == null ? Optional.empty() : probabilities;
        }

        @Override
        public OptionalDouble optionalScore() {
            return OptionalDouble.of(score);
        }

        @Override
        public TaskType taskType() {
            return TaskType.SEMANTIC_SEGMENTATION;
        }
    }

    record InstanceSegment(
            int categoryId, BoundingBox bbox, RleMask segmentation, double score, Optional<Probabilities> probabilities)
            implements Singleton {
        public InstanceSegment {
            Objects.requireNonNull(bbox, "bbox");
            Objects.requireNonNull(segmentation, "segmentation");
            probabilities = probabilities == null ? Optional.empty() : probabilities;
        }

        @Override
        public OptionalDouble optionalScore() {
            return OptionalDouble.of(score);
        }

        @Override
        public TaskType taskType() {
            return TaskType.INSTANCE_SEGMENTATION;
        }
    }

    /** One keypoint-detection instance; {@code bbox} is optional. */
    record KeypointInstance(
            int categoryId,
            Keypoints keypoints,
            double score,
            Optional<BoundingBox> bbox,
            Optional<Probabilities> probabilities)
            implements Singleton {
        public KeypointInstance {
            Objects.requireNonNull(keypoints, "keypoints");
            bbox = bbox == null ? Optional.empty() : bbox;
            probabilities = probabilities == null ? Optional.empty() : probabilities;
        }

        @Override
        public OptionalDouble optionalScore() {
            return OptionalDouble.of(score);
        }

        @Override
        public TaskType taskType() {
            return TaskType.KEYPOINT_DETECTION;
        }
    }
}
