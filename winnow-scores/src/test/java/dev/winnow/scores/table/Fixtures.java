package dev.winnow.scores.table;

import dev.winnow.format.BoundingBox;
import dev.winnow.format.Category;
import dev.winnow.format.Keypoints;
import dev.winnow.format.PredictionFile;
import dev.winnow.format.Probabilities;
import dev.winnow.format.RleMask;
import dev.winnow.format.Singleton;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Schemas and singletons for tests, written the short way. */
public final class Fixtures {
    private Fixtures() {}

    /** A schema of {@code type} with categories named c0, c1, ... at the given ids. */
    public static TaskSchema schema(TaskType type, int... ids) {
        List<Category> categories = new ArrayList<>();
        for (int id : ids) {
            categories.add(Category.of(id, "c" + id));
        }
        return new TaskSchema(type, categories);
    }

    public static PredictionFile file(Singleton... singletons) {
        return new PredictionFile(Optional.empty(), List.of(singletons));
    }

    public static Singleton.Classification classification(int category, double... probabilities) {
        return new Singleton.Classification(
                category,
                OptionalDouble.empty(),
                probabilities.length == 0 ? Optional.empty() : Optional.of(Probabilities.of(probabilities)));
    }

    public static Singleton.Classification scoredClassification(int category, double score) {
        return new Singleton.Classification(category, OptionalDouble.of(score), Optional.empty());
    }

    public static Singleton.Detection box(int category, double score, double... probabilities) {
        return box(category, new BoundingBox(10, 20, 30, 40), score, probabilities);
    }

    public static Singleton.Detection box(int category, BoundingBox bbox, double score, double... probabilities) {
        return new Singleton.Detection(
                category,
                bbox,
                score,
                probabilities.length == 0 ? Optional.empty() : Optional.of(Probabilities.of(probabilities)));
    }

    public static Singleton.SemanticSegment segment(int category, RleMask mask, double score, double... probabilities) {
        return new Singleton.SemanticSegment(
                category,
                mask,
                score,
                probabilities.length == 0 ? Optional.empty() : Optional.of(Probabilities.of(probabilities)));
    }

    public static Singleton.InstanceSegment instance(int category, BoundingBox bbox, RleMask mask, double score) {
        return new Singleton.InstanceSegment(category, bbox, mask, score, Optional.empty());
    }

    public static Singleton.KeypointInstance keypoints(int category, double score, double... xyc) {
        return new Singleton.KeypointInstance(category, Keypoints.of(xyc), score, Optional.empty(), Optional.empty());
    }
}
