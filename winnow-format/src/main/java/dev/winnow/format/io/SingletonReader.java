package dev.winnow.format.io;

import static dev.winnow.format.io.JsonReading.add;
import static dev.winnow.format.io.JsonReading.describe;
import static dev.winnow.format.io.JsonReading.mark;
import static dev.winnow.format.io.JsonReading.number;
import static dev.winnow.format.io.JsonReading.segment;

import dev.winnow.format.BoundingBox;
import dev.winnow.format.Category;
import dev.winnow.format.Keypoints;
import dev.winnow.format.Probabilities;
import dev.winnow.format.RleMask;
import dev.winnow.format.Singleton;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.format.validate.SampleFacts;
import dev.winnow.format.validate.ValidationLimits;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads and checks one prediction singleton of a known task type, field by field as the parser
 * meets them, then the checks that need several fields or the sample (category in schema,
 * probabilities against the category count, bbox and RLE against the image size). Reuses its
 * number buffers between singletons of one file; not thread-safe.
 */
final class SingletonReader {
    private static final double SUM_TOLERANCE = 1e-3;

    private final FileDiagnostics d;
    private final TaskSchema schema;
    private final TaskType type;
    private final SampleFacts facts;
    private final ValidationLimits limits;

    private double[] numbers = new double[16];
    private int[] counts = new int[64];

    SingletonReader(FileDiagnostics d, TaskSchema schema, SampleFacts facts, ValidationLimits limits) {
        this.d = d;
        this.schema = schema;
        this.type = schema.taskType();
        this.facts = facts;
        this.limits = limits;
    }

    /** Reads the object the parser is on; returns the singleton, or null when it has an error. */
    @Nullable
    Singleton read(JsonParser p, String pointer) {
        long start = mark(p);
        boolean bad = false;
        int categoryId = 0;
        boolean hasCategory = false;
        boolean categoryTyped = false;
        long categoryMark = 0;
        double score = Double.NaN;
        boolean hasScore = false;
        Probabilities probabilities = null;
        long probabilitiesMark = 0;
        BoundingBox bbox = null;
        boolean hasBbox = false;
        long bboxMark = 0;
        RleMask segmentation = null;
        boolean hasSegmentation = false;
        long segmentationMark = 0;
        Keypoints keypoints = null;
        boolean hasKeypoints = false;
        long keypointsMark = 0;

        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            String fp = pointer + "/" + segment(field);
            switch (field) {
                case "category_id" -> {
                    categoryMark = mark(p);
                    hasCategory = true;
                    if (v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                        categoryId = p.getIntValue();
                        categoryTyped = true;
                    } else {
                        add(
                                d,
                                DiagnosticCode.WRONG_TYPE,
                                fp,
                                categoryMark,
                                "category_id must be a whole number, but it is " + valueText(p, v) + ".");
                        p.skipChildren();
                        bad = true;
                    }
                }
                case "score" -> {
                    hasScore = true;
                    if (!isNumber(v)) {
                        add(
                                d,
                                DiagnosticCode.WRONG_TYPE,
                                fp,
                                mark(p),
                                "score must be a number in [0, 1], but it is " + describe(v) + ".");
                        p.skipChildren();
                        bad = true;
                    } else {
                        score = readNumber(p);
                        if (!(score >= 0 && score <= 1)) {
                            add(
                                    d,
                                    DiagnosticCode.SCORE_OUT_OF_RANGE,
                                    fp,
                                    mark(p),
                                    "score is " + number(score) + "; expected a number in [0, 1].");
                            bad = true;
                        }
                    }
                }
                case "probabilities" -> {
                    probabilitiesMark = mark(p);
                    probabilities = readProbabilities(p, fp);
                    bad |= probabilities == null;
                }
                case "bbox" -> {
                    if (!type.hasBoxes()) {
                        unknownField(p, field, fp);
                        break;
                    }
                    hasBbox = true;
                    bboxMark = mark(p);
                    bbox = readBbox(p, fp);
                    bad |= bbox == null;
                }
                case "segmentation" -> {
                    if (type != TaskType.SEMANTIC_SEGMENTATION && type != TaskType.INSTANCE_SEGMENTATION) {
                        unknownField(p, field, fp);
                        break;
                    }
                    hasSegmentation = true;
                    segmentationMark = mark(p);
                    segmentation = readRle(p, fp);
                    bad |= segmentation == null;
                }
                case "keypoints" -> {
                    if (type != TaskType.KEYPOINT_DETECTION) {
                        unknownField(p, field, fp);
                        break;
                    }
                    hasKeypoints = true;
                    keypointsMark = mark(p);
                    keypoints = readKeypoints(p, fp);
                    bad |= keypoints == null;
                }
                default -> unknownField(p, field, fp);
            }
        }

        // Fields every singleton of this type needs.
        String required = required();
        if (!hasCategory) {
            bad = missing(pointer, start, "category_id", required);
        }
        if (!hasScore && type != TaskType.CLASSIFICATION) {
            bad = missing(pointer, start, "score", required);
        }
        if (!hasBbox && (type == TaskType.OBJECT_DETECTION || type == TaskType.INSTANCE_SEGMENTATION)) {
            bad = missing(pointer, start, "bbox", required);
        }
        if (!hasSegmentation && (type == TaskType.SEMANTIC_SEGMENTATION || type == TaskType.INSTANCE_SEGMENTATION)) {
            bad = missing(pointer, start, "segmentation", required);
        }
        if (!hasKeypoints && type == TaskType.KEYPOINT_DETECTION) {
            bad = missing(pointer, start, "keypoints", required);
        }

        // Checks against the schema and the sample.
        Category category = null;
        if (categoryTyped) {
            int index = schema.indexOf(categoryId);
            if (index < 0) {
                add(
                        d,
                        DiagnosticCode.UNKNOWN_CATEGORY,
                        pointer + "/category_id",
                        categoryMark,
                        "category_id " + categoryId + " is not in the schema; expected one of " + idList() + ".");
                bad = true;
            } else {
                category = schema.categories().get(index);
            }
        }
        if (probabilities != null) {
            bad |= !checkProbabilities(probabilities, pointer + "/probabilities", probabilitiesMark);
        }
        if (bbox != null && facts.hasSize()) {
            bad |= !checkBboxInside(bbox, pointer + "/bbox", bboxMark);
        }
        if (segmentation != null && facts.hasSize() && segmentation.pixelCount() != facts.pixelCount()) {
            add(
                    d,
                    DiagnosticCode.RLE_PIXEL_COUNT,
                    pointer + "/segmentation",
                    segmentationMark,
                    "The segmentation counts sum to "
                            + segmentation.pixelCount() + " pixels; expected " + facts.pixelCount() + ", the "
                            + facts.width() + " x "
                            + facts.height() + " image's width x height.");
            bad = true;
        }
        if (keypoints != null
                && category != null
                && !category.keypoints().isEmpty()
                && keypoints.count() != category.keypoints().size()) {
            add(
                    d,
                    DiagnosticCode.KEYPOINTS_SHAPE,
                    pointer + "/keypoints",
                    keypointsMark,
                    "keypoints has " + keypoints.count() + " keypoints; category " + category.id() + " ("
                            + category.name() + ") defines "
                            + category.keypoints().size() + ".");
            bad = true;
        }
        if (bad) {
            return null;
        }
        Optional<Probabilities> probs = Optional.ofNullable(probabilities);
        // Past the required-field checks, the fields this type needs were read.
        return switch (type) {
            case CLASSIFICATION ->
                new Singleton.Classification(
                        categoryId, hasScore ? OptionalDouble.of(score) : OptionalDouble.empty(), probs);
            case OBJECT_DETECTION -> new Singleton.Detection(categoryId, Objects.requireNonNull(bbox), score, probs);
            case SEMANTIC_SEGMENTATION ->
                new Singleton.SemanticSegment(categoryId, Objects.requireNonNull(segmentation), score, probs);
            case INSTANCE_SEGMENTATION ->
                new Singleton.InstanceSegment(
                        categoryId, Objects.requireNonNull(bbox), Objects.requireNonNull(segmentation), score, probs);
            case KEYPOINT_DETECTION ->
                new Singleton.KeypointInstance(
                        categoryId, Objects.requireNonNull(keypoints), score, Optional.ofNullable(bbox), probs);
        };
    }

    private boolean missing(String pointer, long start, String field, String required) {
        add(
                d,
                DiagnosticCode.MISSING_FIELD,
                pointer,
                start,
                "The " + type.wireName() + " prediction has no \"" + field + "\"; expected " + required + ".");
        return true;
    }

    private String required() {
        return switch (type) {
            case CLASSIFICATION -> "category_id";
            case OBJECT_DETECTION -> "category_id, bbox and score";
            case SEMANTIC_SEGMENTATION -> "category_id, segmentation and score";
            case INSTANCE_SEGMENTATION -> "category_id, bbox, segmentation and score";
            case KEYPOINT_DETECTION -> "category_id, keypoints and score";
        };
    }

    private String allowed() {
        return switch (type) {
            case CLASSIFICATION -> "category_id, score, probabilities";
            case OBJECT_DETECTION -> "category_id, bbox, score, probabilities";
            case SEMANTIC_SEGMENTATION -> "category_id, segmentation, score, probabilities";
            case INSTANCE_SEGMENTATION -> "category_id, bbox, segmentation, score, probabilities";
            case KEYPOINT_DETECTION -> "category_id, keypoints, score, bbox, probabilities";
        };
    }

    private void unknownField(JsonParser p, String field, String pointer) {
        long at = mark(p);
        d.addLenient(
                DiagnosticCode.UNKNOWN_FIELD,
                DiagnosticCode.STRICT_UNKNOWN_FIELD,
                pointer,
                JsonReading.lineOf(at),
                JsonReading.columnOf(at),
                "The field \"" + field + "\" is not part of " + article(type.wireName()) + " " + type.wireName()
                        + " prediction (" + allowed() + ")" + d.unknownFieldOutcome());
        p.skipChildren();
    }

    private @Nullable Probabilities readProbabilities(JsonParser p, String pointer) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            add(
                    d,
                    DiagnosticCode.WRONG_TYPE,
                    pointer,
                    mark(p),
                    "probabilities must be a list of numbers, one per schema category, but it is "
                            + describe(p.currentToken()) + ".");
            p.skipChildren();
            return null;
        }
        boolean ok = true;
        int n = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (!isNumber(t)) {
                add(
                        d,
                        DiagnosticCode.WRONG_TYPE,
                        pointer + "/" + n,
                        mark(p),
                        "Each probability must be a number in [0, 1], but entry " + n + " is " + describe(t) + ".");
                p.skipChildren();
                ok = false;
            } else {
                double value = readNumber(p);
                if (!(value >= 0 && value <= 1)) {
                    add(
                            d,
                            DiagnosticCode.PROBABILITY_OUT_OF_RANGE,
                            pointer + "/" + n,
                            mark(p),
                            "Probability " + n + " is " + number(value) + "; expected a number in [0, 1].");
                    ok = false;
                }
                if (n == numbers.length) {
                    numbers = Arrays.copyOf(numbers, n * 2);
                }
                numbers[n] = value;
            }
            n++;
        }
        return ok ? Probabilities.of(Arrays.copyOf(numbers, n)) : null;
    }

    private boolean checkProbabilities(Probabilities probabilities, String pointer, long at) {
        if (probabilities.size() != schema.categoryCount()) {
            add(
                    d,
                    DiagnosticCode.PROBABILITIES_LENGTH,
                    pointer,
                    at,
                    "probabilities has " + probabilities.size() + " entries; expected " + schema.categoryCount()
                            + ", one per schema category in ascending id order.");
            return false;
        }
        double sum = probabilities.sum();
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            add(
                    d,
                    DiagnosticCode.PROBABILITIES_SUM,
                    pointer,
                    at,
                    "probabilities sum to "
                            + new BigDecimal(sum)
                                    .round(new MathContext(6))
                                    .stripTrailingZeros()
                                    .toPlainString()
                            + "; expected 1 (within 0.001).");
            return false;
        }
        return true;
    }

    private @Nullable BoundingBox readBbox(JsonParser p, String pointer) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            add(
                    d,
                    DiagnosticCode.BBOX_SHAPE,
                    pointer,
                    mark(p),
                    "bbox must be a list of 4 numbers [x, y, width, height], but it is " + describe(p.currentToken())
                            + ".");
            p.skipChildren();
            return null;
        }
        long at = mark(p);
        double[] v = new double[4];
        int n = 0;
        boolean ok = true;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (!isNumber(t) || (t == JsonToken.VALUE_NUMBER_FLOAT && !Double.isFinite(p.getDoubleValue()))) {
                if (ok) {
                    add(
                            d,
                            DiagnosticCode.BBOX_SHAPE,
                            pointer + "/" + n,
                            mark(p),
                            "bbox entry " + n + " is " + valueText(p, t)
                                    + "; expected 4 finite numbers [x, y, width, height].");
                }
                p.skipChildren();
                ok = false;
            } else if (n < 4) {
                v[n] = readNumber(p);
            }
            n++;
        }
        if (!ok) {
            return null;
        }
        if (n != 4) {
            add(
                    d,
                    DiagnosticCode.BBOX_SHAPE,
                    pointer,
                    at,
                    "bbox has " + n + " number" + (n == 1 ? "" : "s") + "; expected 4: [x, y, width, height].");
            return null;
        }
        String[] names = {"x", "y", "width", "height"};
        for (int i = 0; i < 4; i++) {
            if (v[i] < 0) {
                add(
                        d,
                        DiagnosticCode.BBOX_NEGATIVE,
                        pointer,
                        at,
                        "bbox " + boxText(v) + " has a negative " + names[i]
                                + "; expected x, y, width and height of 0 or more.");
                return null;
            }
        }
        return new BoundingBox(v[0], v[1], v[2], v[3]);
    }

    private boolean checkBboxInside(BoundingBox b, String pointer, long at) {
        double right = b.x() + b.width();
        double bottom = b.y() + b.height();
        if (right > facts.width() || bottom > facts.height()) {
            add(
                    d,
                    DiagnosticCode.BBOX_OUTSIDE_IMAGE,
                    pointer,
                    at,
                    "bbox " + boxText(b.toArray()) + " ends at x = " + number(right)
                            + ", y = " + number(bottom) + ", outside the " + facts.width() + " x " + facts.height()
                            + " image; expected x + width <= " + facts.width() + " and y + height <= " + facts.height()
                            + ".");
            return false;
        }
        return true;
    }

    private @Nullable RleMask readRle(JsonParser p, String pointer) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            add(
                    d,
                    DiagnosticCode.WRONG_TYPE,
                    pointer,
                    mark(p),
                    "segmentation must be a list of run lengths (row-major RLE), but it is "
                            + describe(p.currentToken()) + ".");
            p.skipChildren();
            return null;
        }
        int max = limits.maxRleCounts();
        boolean ok = true;
        int n = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (n == max) {
                add(
                        d,
                        DiagnosticCode.RLE_TOO_LONG,
                        pointer,
                        mark(p),
                        "The segmentation has more than " + max + " counts, the limit; it was not read further.");
                skipRestOfArray(p);
                return null;
            }
            if (t == JsonToken.VALUE_NUMBER_INT
                    && p.getNumberType() == JsonParser.NumberType.INT
                    && p.getIntValue() >= 0) {
                if (n == counts.length) {
                    counts = Arrays.copyOf(counts, n * 2);
                }
                counts[n] = p.getIntValue();
            } else {
                if (ok) {
                    add(
                            d,
                            DiagnosticCode.RLE_INVALID,
                            pointer + "/" + n,
                            mark(p),
                            "Count " + n + " of the segmentation is " + valueText(p, t)
                                    + "; expected a whole number 0 or more.");
                }
                p.skipChildren();
                ok = false;
            }
            n++;
        }
        return ok ? RleMask.of(Arrays.copyOf(counts, n)) : null;
    }

    private @Nullable Keypoints readKeypoints(JsonParser p, String pointer) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            add(
                    d,
                    DiagnosticCode.WRONG_TYPE,
                    pointer,
                    mark(p),
                    "keypoints must be a list of numbers [x1, y1, c1, ...], but it is " + describe(p.currentToken())
                            + ".");
            p.skipChildren();
            return null;
        }
        long at = mark(p);
        boolean ok = true;
        int n = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (!isNumber(t)) {
                add(
                        d,
                        DiagnosticCode.WRONG_TYPE,
                        pointer + "/" + n,
                        mark(p),
                        "Keypoint value " + n + " is " + describe(t) + "; expected a number.");
                p.skipChildren();
                ok = false;
            } else {
                if (n == numbers.length) {
                    numbers = Arrays.copyOf(numbers, n * 2);
                }
                numbers[n] = readNumber(p);
            }
            n++;
        }
        if (ok && n % 3 != 0) {
            add(
                    d,
                    DiagnosticCode.KEYPOINTS_SHAPE,
                    pointer,
                    at,
                    "keypoints has " + n
                            + " numbers; expected a multiple of 3 (x, y and confidence of each keypoint).");
            return null;
        }
        return ok ? Keypoints.of(Arrays.copyOf(numbers, n)) : null;
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    private static void skipRestOfArray(JsonParser p) {
        p.skipChildren();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
        }
    }

    private static boolean isNumber(JsonToken t) {
        return t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
    }

    /** A scalar as it was written ({@code 2.5}, {@code "a"}), or what kind of value it is. */
    private static String valueText(JsonParser p, JsonToken t) {
        if (isNumber(t)) {
            return p.getString();
        }
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getString();
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        return describe(t);
    }

    private static String boxText(double[] v) {
        return "[" + number(v[0]) + ", " + number(v[1]) + ", " + number(v[2]) + ", " + number(v[3]) + "]";
    }

    private String idList() {
        StringBuilder sb = new StringBuilder();
        var categories = schema.categories();
        int shown = Math.min(categories.size(), 10);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(categories.get(i).id());
        }
        if (shown < categories.size()) {
            sb.append(", ... (").append(categories.size()).append(" ids)");
        }
        return sb.toString();
    }

    /** The number at the parser; -0 reads as 0, as it is written back (the sign of zero means nothing here). */
    private static double readNumber(JsonParser p) {
        return p.getDoubleValue() + 0.0;
    }
}
