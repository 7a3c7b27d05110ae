package dev.winnow.convert.coco;

import dev.winnow.format.BoundingBox;
import dev.winnow.format.Keypoints;
import dev.winnow.format.RleMask;
import dev.winnow.format.Singleton;
import dev.winnow.format.TaskType;
import dev.winnow.format.rle.CocoRle;
import dev.winnow.format.rle.PolygonRasterizer;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.format.validate.DiagnosticCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns one COCO annotation into the singleton of the task type, or into a diagnostic when it
 * cannot: unknown image or category, a missing or malformed box, polygon, RLE or keypoint list.
 */
final class AnnotationReader {
    /** An annotation that was read: the position of its image and its singleton. */
    record Read(int image, Singleton singleton) {}

    /** Gives an image's size when the COCO file does not, or reports why it cannot. */
    interface SizeLookup {
        /** {@code [width, height]}, or null with a diagnostic message in {@code problem[0]}. */
        int @Nullable [] sizeOf(int image, String[] problem);
    }

    private final ImageIndex images;
    private final Set<Integer> categoryIds;
    private final TaskType taskType;
    private final double defaultScore;
    private final String label;
    private final DiagnosticCollector diagnostics;
    private final SizeLookup sizes;

    AnnotationReader(
            ImageIndex images,
            Set<Integer> categoryIds,
            TaskType taskType,
            double defaultScore,
            String label,
            DiagnosticCollector diagnostics,
            SizeLookup sizes) {
        this.images = images;
        this.categoryIds = categoryIds;
        this.taskType = taskType;
        this.defaultScore = defaultScore;
        this.label = label;
        this.diagnostics = diagnostics;
        this.sizes = sizes;
    }

    /** The fields {@link #read} looks at for this task type; the others need not be read at all. */
    Set<String> fieldsRead() {
        return switch (taskType) {
            case INSTANCE_SEGMENTATION, SEMANTIC_SEGMENTATION ->
                Set.of("image_id", "category_id", "score", "bbox", "segmentation");
            case KEYPOINT_DETECTION -> Set.of("image_id", "category_id", "score", "bbox", "keypoints");
            default -> Set.of("image_id", "category_id", "score", "bbox");
        };
    }

    /** The annotation at {@code pointer}, or null after reporting why it was skipped. */
    @Nullable
    Read read(JsonNode ann, String pointer) {
        if (!ann.isObject()) {
            return fail(
                    DiagnosticCode.COCO_ANNOTATION_INVALID, pointer, "The annotation is not an object; it is skipped.");
        }
        JsonNode imageId = ann.path("image_id");
        if (!imageId.isIntegralNumber()) {
            return fail(
                    DiagnosticCode.COCO_ANNOTATION_INVALID,
                    pointer + "/image_id",
                    "The annotation has no integer image_id; it is skipped.");
        }
        int image = images.indexOf(imageId.asLong());
        if (image < 0) {
            return fail(
                    DiagnosticCode.COCO_UNKNOWN_IMAGE,
                    pointer + "/image_id",
                    "The annotation refers to image id " + imageId.asLong()
                            + ", which the images list does not have; it is skipped.");
        }
        JsonNode categoryId = ann.path("category_id");
        if (!categoryId.isIntegralNumber() || !categoryId.canConvertToInt()) {
            return fail(
                    DiagnosticCode.COCO_ANNOTATION_INVALID,
                    pointer + "/category_id",
                    "The annotation has no integer category_id; it is skipped.");
        }
        if (!categoryIds.contains(categoryId.asInt())) {
            return fail(
                    DiagnosticCode.COCO_UNKNOWN_CATEGORY,
                    pointer + "/category_id",
                    "The annotation has category id " + categoryId.asInt()
                            + ", which the categories list does not have; it is skipped.");
        }
        int category = categoryId.asInt();
        double score = defaultScore;
        JsonNode scoreNode = ann.get("score");
        if (scoreNode != null && !scoreNode.isNull()) {
            if (!scoreNode.isNumber()
                    || !Double.isFinite(scoreNode.asDouble())
                    || scoreNode.asDouble() < 0
                    || scoreNode.asDouble() > 1) {
                return fail(
                        DiagnosticCode.COCO_ANNOTATION_INVALID,
                        pointer + "/score",
                        "The score " + scoreNode + " is not a number from 0 to 1; the annotation is skipped.");
            }
            score = scoreNode.asDouble();
        }
        Optional<BoundingBox> bbox = Optional.empty();
        if (ann.has("bbox") || taskType == TaskType.OBJECT_DETECTION) {
            bbox = box(ann.path("bbox"));
            if (bbox.isEmpty()) {
                return fail(
                        DiagnosticCode.COCO_ANNOTATION_INVALID,
                        pointer + "/bbox",
                        "The bbox is not 4 finite numbers [x, y, width, height] with width and"
                                + " height of 0 or more; the annotation is skipped.");
            }
        }
        switch (taskType) {
            case OBJECT_DETECTION:
                return new Read(image, new Singleton.Detection(category, bbox.get(), score, Optional.empty()));
            case INSTANCE_SEGMENTATION:
            case SEMANTIC_SEGMENTATION: {
                RleMask mask = mask(ann.path("segmentation"), image, pointer + "/segmentation");
                if (mask == null) {
                    return null;
                }
                if (taskType == TaskType.SEMANTIC_SEGMENTATION) {
                    return new Read(image, new Singleton.SemanticSegment(category, mask, score, Optional.empty()));
                }
                BoundingBox box = bbox.orElseGet(() -> {
                    BoundingBox tight = mask.boundingBox(images.width(image));
                    return tight == null ? new BoundingBox(0, 0, 0, 0) : tight;
                });
                return new Read(image, new Singleton.InstanceSegment(category, box, mask, score, Optional.empty()));
            }
            case KEYPOINT_DETECTION: {
                JsonNode list = ann.path("keypoints");
                double[] values = numbers(list);
                if (values == null || values.length % 3 != 0) {
                    return fail(
                            DiagnosticCode.COCO_ANNOTATION_INVALID,
                            pointer + "/keypoints",
                            "The keypoints are not a list of numbers x, y, v (a multiple"
                                    + " of 3); the annotation is skipped.");
                }
                return new Read(
                        image,
                        new Singleton.KeypointInstance(category, Keypoints.of(values), score, bbox, Optional.empty()));
            }
            default:
                return fail(
                        DiagnosticCode.COCO_ANNOTATION_INVALID,
                        pointer,
                        "COCO annotations cannot be converted to a " + taskType + " task.");
        }
    }

    private @Nullable RleMask mask(JsonNode segmentation, int image, String pointer) {
        String[] problem = new String[1];
        if (segmentation.isArray()) {
            int[] size = sizes.sizeOf(image, problem);
            if (size == null) {
                fail(DiagnosticCode.COCO_RLE_INVALID, pointer, problem[0]);
                return null;
            }
            List<double[]> polygons = new ArrayList<>();
            for (int i = 0; i < segmentation.size(); i++) {
                double[] xy = numbers(segmentation.get(i));
                if (xy == null) {
                    fail(
                            DiagnosticCode.COCO_POLYGON_INVALID,
                            pointer + "/" + i,
                            "Polygon " + i + " is not a list of numbers; the annotation is skipped.");
                    return null;
                }
                polygons.add(xy);
            }
            if (polygons.isEmpty()) {
                fail(
                        DiagnosticCode.COCO_POLYGON_INVALID,
                        pointer,
                        "The segmentation has no polygon; the annotation is skipped.");
                return null;
            }
            try {
                return PolygonRasterizer.rasterize(polygons, size[1], size[0]);
            } catch (IllegalArgumentException e) {
                fail(DiagnosticCode.COCO_POLYGON_INVALID, pointer, e.getMessage() + " The annotation is skipped.");
                return null;
            }
        }
        if (segmentation.isObject()) {
            JsonNode rleSize = segmentation.path("size");
            JsonNode counts = segmentation.path("counts");
            if (rleSize.size() != 2
                    || !rleSize.get(0).isIntegralNumber()
                    || !rleSize.get(1).isIntegralNumber()) {
                fail(
                        DiagnosticCode.COCO_RLE_INVALID,
                        pointer + "/size",
                        "The RLE has no size [height, width]; the annotation is skipped.");
                return null;
            }
            int h = rleSize.get(0).asInt();
            int w = rleSize.get(1).asInt();
            int[] size = sizes.sizeOf(image, problem);
            if (size != null && (size[0] != w || size[1] != h)) {
                fail(
                        DiagnosticCode.COCO_RLE_INVALID,
                        pointer + "/size",
                        "The RLE size [" + h + ", " + w + "] differs from the size of the image '" + images.name(image)
                                + "', [" + size[1] + ", " + size[0] + "] (height, width); the annotation is skipped.");
                return null;
            }
            if (size == null) {
                images.setSize(image, w, h);
            }
            try {
                CocoRle rle;
                if (counts.isString()) {
                    rle = CocoRle.fromCompressed(h, w, counts.asString());
                } else {
                    double[] values = numbers(counts);
                    if (values == null) {
                        fail(
                                DiagnosticCode.COCO_RLE_INVALID,
                                pointer + "/counts",
                                "The RLE counts are neither a string nor a list of integers;"
                                        + " the annotation is skipped.");
                        return null;
                    }
                    int[] ints = new int[values.length];
                    for (int i = 0; i < values.length; i++) {
                        ints[i] = (int) values[i];
                        if (ints[i] != values[i]) {
                            fail(
                                    DiagnosticCode.COCO_RLE_INVALID,
                                    pointer + "/counts/" + i,
                                    "The RLE count " + values[i] + " is not an integer;"
                                            + " the annotation is skipped.");
                            return null;
                        }
                    }
                    rle = CocoRle.of(h, w, ints);
                }
                return rle.toRowMajor();
            } catch (IllegalArgumentException e) {
                fail(
                        DiagnosticCode.COCO_RLE_INVALID,
                        pointer + "/counts",
                        e.getMessage() + " The annotation is skipped.");
                return null;
            }
        }
        fail(
                DiagnosticCode.COCO_POLYGON_INVALID,
                pointer,
                "The annotation has no segmentation (a list of polygons or an RLE object); it is skipped.");
        return null;
    }

    private static Optional<BoundingBox> box(JsonNode node) {
        double[] v = numbers(node);
        if (v == null || v.length != 4 || v[2] < 0 || v[3] < 0) {
            return Optional.empty();
        }
        return Optional.of(new BoundingBox(v[0], v[1], v[2], v[3]));
    }

    /** The node as a list of finite numbers, or null. */
    private static double @Nullable [] numbers(@Nullable JsonNode node) {
        if (node == null || !node.isArray()) {
            return null;
        }
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode n = node.get(i);
            if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
                return null;
            }
            values[i] = n.asDouble();
        }
        return values;
    }

    private @Nullable Read fail(DiagnosticCode code, String pointer, String message) {
        diagnostics.add(code.at(label, pointer, message));
        return null;
    }
}
