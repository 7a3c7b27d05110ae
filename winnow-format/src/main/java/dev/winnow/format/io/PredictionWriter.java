package dev.winnow.format.io;

import dev.winnow.format.BoundingBox;
import dev.winnow.format.Category;
import dev.winnow.format.Keypoints;
import dev.winnow.format.PredictionFile;
import dev.winnow.format.Probabilities;
import dev.winnow.format.RleMask;
import dev.winnow.format.Singleton;
import dev.winnow.format.TaskList;
import dev.winnow.format.TaskSchema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalDouble;
import tools.jackson.core.io.NumberOutput;

/**
 * Writes the format's files ({@code tasks.json}, {@code schema.json}, prediction files) as compact
 * JSON with a fixed key order, so that the same records always give the same bytes.
 *
 * <p>Key order: a prediction file is {@code file_name} (when present), {@code predictions}; a
 * singleton is {@code category_id, bbox, segmentation, keypoints, score, probabilities} (each only
 * when the variant has it); a schema is {@code task_type, categories}, and a category {@code id, name,
 * supercategory, keypoints, skeleton} (the last three only when set).
 *
 * <p>Numbers: every number whose value is a whole number of magnitude below 2<sup>53</sup> is written
 * without a fraction ({@code 140}, not {@code 140.0}) — in boxes, keypoints, scores and probabilities
 * alike, since JSON does not tell the two apart and every reader takes {@code 1} for {@code 1.0};
 * any other number is written in its shortest form that reads back to the same {@code double}
 * ({@code 0.1}, {@code 2.0E23}). NaN and infinities have no JSON form and are refused.
 *
 * <pre>{@code
 * byte[] json = PredictionWriter.toBytes(PredictionFile.of("img.png", singletons));
 * output.writeAtomically(".lightly/predictions/task/img.json", json);
 * }</pre>
 *
 * <p>Thread-safe: it holds no state.
 */
public final class PredictionWriter {
    /** Whole numbers below this magnitude are exact in a double and written as integers. */
    private static final double MAX_EXACT_INTEGER = 9007199254740992.0;

    private PredictionWriter() {}

    /** {@code tasks.json}: the task names as a JSON list, in the given order. */
    public static String toJson(TaskList tasks) {
        StringBuilder sb = new StringBuilder(16 + 16 * tasks.names().size());
        sb.append('[');
        for (int i = 0; i < tasks.names().size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendString(sb, tasks.names().get(i));
        }
        return sb.append("]\n").toString();
    }

    /** A task's {@code schema.json}, categories in ascending id order. */
    public static String toJson(TaskSchema schema) {
        StringBuilder sb = new StringBuilder(64 + 48 * schema.categories().size());
        sb.append("{\"task_type\":");
        appendString(sb, schema.taskType().wireName());
        sb.append(",\"categories\":[");
        for (int i = 0; i < schema.categories().size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendCategory(sb, schema.categories().get(i));
        }
        return sb.append("]}\n").toString();
    }

    /** One prediction file. */
    public static String toJson(PredictionFile file) {
        StringBuilder sb = new StringBuilder(64 + 96 * file.predictions().size());
        appendPredictionFile(sb, file);
        return sb.append('\n').toString();
    }

    /** {@link #toJson(TaskList)} as UTF-8. */
    public static byte[] toBytes(TaskList tasks) {
        return toJson(tasks).getBytes(StandardCharsets.UTF_8);
    }

    /** {@link #toJson(TaskSchema)} as UTF-8. */
    public static byte[] toBytes(TaskSchema schema) {
        return toJson(schema).getBytes(StandardCharsets.UTF_8);
    }

    /** {@link #toJson(PredictionFile)} as UTF-8. */
    public static byte[] toBytes(PredictionFile file) {
        return toJson(file).getBytes(StandardCharsets.UTF_8);
    }

    /** Appends one prediction file (without a trailing newline) to {@code sb}. */
    public static void appendPredictionFile(StringBuilder sb, PredictionFile file) {
        sb.append('{');
        if (file.fileName().isPresent()) {
            sb.append("\"file_name\":");
            appendString(sb, file.fileName().get());
            sb.append(',');
        }
        sb.append("\"predictions\":[");
        List<Singleton> predictions = file.predictions();
        for (int i = 0; i < predictions.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendSingleton(sb, predictions.get(i));
        }
        sb.append("]}");
    }

    /** Appends one singleton to {@code sb}. */
    public static void appendSingleton(StringBuilder sb, Singleton singleton) {
        sb.append("{\"category_id\":").append(singleton.categoryId());
        // Java 17 has no pattern switch: test the sealed variants in turn.
        if (singleton instanceof Singleton.Classification c) {
            appendScore(sb, c.score());
        } else if (singleton instanceof Singleton.Detection d) {
            appendBox(sb, d.bbox());
            appendScore(sb, OptionalDouble.of(d.score()));
        } else if (singleton instanceof Singleton.SemanticSegment s) {
            appendMask(sb, s.segmentation());
            appendScore(sb, OptionalDouble.of(s.score()));
        } else if (singleton instanceof Singleton.InstanceSegment s) {
            appendBox(sb, s.bbox());
            appendMask(sb, s.segmentation());
            appendScore(sb, OptionalDouble.of(s.score()));
        } else if (singleton instanceof Singleton.KeypointInstance k) {
            k.bbox().ifPresent(box -> appendBox(sb, box));
            appendKeypoints(sb, k.keypoints());
            appendScore(sb, OptionalDouble.of(k.score()));
        }
        singleton.probabilities().ifPresent(p -> appendProbabilities(sb, p));
        sb.append('}');
    }

    private static void appendCategory(StringBuilder sb, Category category) {
        sb.append("{\"id\":").append(category.id()).append(",\"name\":");
        appendString(sb, category.name());
        if (category.supercategory() != null) {
            sb.append(",\"supercategory\":");
            appendString(sb, category.supercategory());
        }
        if (!category.keypoints().isEmpty()) {
            sb.append(",\"keypoints\":[");
            for (int i = 0; i < category.keypoints().size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                appendString(sb, category.keypoints().get(i));
            }
            sb.append(']');
        }
        if (!category.skeleton().isEmpty()) {
            sb.append(",\"skeleton\":[");
            for (int i = 0; i < category.skeleton().size(); i++) {
                Category.SkeletonEdge edge = category.skeleton().get(i);
                if (i > 0) {
                    sb.append(',');
                }
                sb.append('[').append(edge.from()).append(',').append(edge.to()).append(']');
            }
            sb.append(']');
        }
        sb.append('}');
    }

    private static void appendBox(StringBuilder sb, BoundingBox box) {
        sb.append(",\"bbox\":[");
        appendNumber(sb, box.x());
        sb.append(',');
        appendNumber(sb, box.y());
        sb.append(',');
        appendNumber(sb, box.width());
        sb.append(',');
        appendNumber(sb, box.height());
        sb.append(']');
    }

    private static void appendMask(StringBuilder sb, RleMask mask) {
        sb.append(",\"segmentation\":[");
        int runs = mask.runCount();
        for (int i = 0; i < runs; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(mask.run(i));
        }
        sb.append(']');
    }

    private static void appendKeypoints(StringBuilder sb, Keypoints keypoints) {
        sb.append(",\"keypoints\":[");
        int n = keypoints.count();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendNumber(sb, keypoints.x(i));
            sb.append(',');
            appendNumber(sb, keypoints.y(i));
            sb.append(',');
            appendNumber(sb, keypoints.confidence(i));
        }
        sb.append(']');
    }

    private static void appendScore(StringBuilder sb, OptionalDouble score) {
        if (score.isPresent()) {
            sb.append(",\"score\":");
            appendNumber(sb, score.getAsDouble());
        }
    }

    private static void appendProbabilities(StringBuilder sb, Probabilities probabilities) {
        sb.append(",\"probabilities\":[");
        for (int i = 0; i < probabilities.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendNumber(sb, probabilities.get(i));
        }
        sb.append(']');
    }

    /**
     * Appends a number as described in the class comment: whole numbers without a fraction, others
     * in their shortest round-trip form.
     *
     * @throws IllegalArgumentException for NaN or an infinity
     */
    public static void appendNumber(StringBuilder sb, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    "JSON has no form for the number " + value + "; scores, boxes and probabilities must be finite.");
        }
        if (value == Math.rint(value) && Math.abs(value) < MAX_EXACT_INTEGER) {
            // -0.0 is written as 0: the sign of zero carries no meaning in the format.
            sb.append((long) value);
        } else {
            sb.append(NumberOutput.toString(value, true));
        }
    }

    /** Appends {@code text} as a JSON string, escaping quotes, backslashes and control characters. */
    public static void appendString(StringBuilder sb, String text) {
        sb.append('"');
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
