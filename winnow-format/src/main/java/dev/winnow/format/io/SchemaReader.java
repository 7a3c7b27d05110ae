package dev.winnow.format.io;

import static dev.winnow.format.io.JsonReading.add;
import static dev.winnow.format.io.JsonReading.describe;
import static dev.winnow.format.io.JsonReading.mark;
import static dev.winnow.format.io.JsonReading.segment;

import dev.winnow.format.Category;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.format.validate.FileResult;
import dev.winnow.format.validate.ValidationOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads a task's {@code schema.json}: {@code task_type} and {@code categories} (id, name, optional
 * supercategory; keypoint categories may add {@code keypoints} names and a {@code skeleton} of
 * 1-based index pairs). Stateless and thread-safe.
 *
 * <pre>{@code
 * FileResult<TaskSchema> r =
 *         SchemaReader.read(".lightly/predictions/det/schema.json", bytes, ValidationOptions.defaults());
 * }</pre>
 */
public final class SchemaReader {
    private static final String TYPES =
            Arrays.stream(TaskType.values()).map(TaskType::wireName).collect(Collectors.joining(", "));

    private SchemaReader() {}

    public static FileResult<TaskSchema> read(String file, byte[] bytes, ValidationOptions options) {
        return JsonReading.read(
                file, bytes, options, "an object with task_type and categories", SchemaReader::readBody);
    }

    private static @Nullable TaskSchema readBody(JsonParser p, FileDiagnostics d) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            add(
                    d,
                    DiagnosticCode.WRONG_TYPE,
                    "",
                    mark(p),
                    "A schema must be an object with task_type and categories, but it is " + describe(p.currentToken())
                            + ".");
            p.skipChildren();
            return null;
        }
        long start = mark(p);
        TaskType type = null;
        boolean sawType = false;
        List<Category> categories = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "task_type" -> {
                    sawType = true;
                    if (v != JsonToken.VALUE_STRING) {
                        add(
                                d,
                                DiagnosticCode.WRONG_TYPE,
                                "/task_type",
                                mark(p),
                                "task_type must be a string, one of " + TYPES + ", but it is " + describe(v) + ".");
                        p.skipChildren();
                    } else {
                        String wire = p.getString();
                        type = TaskType.fromWireName(wire).orElse(null);
                        if (type == null) {
                            add(
                                    d,
                                    DiagnosticCode.TASK_TYPE_UNKNOWN,
                                    "/task_type",
                                    mark(p),
                                    "task_type is \"" + wire + "\"; expected one of " + TYPES + ".");
                        }
                    }
                }
                case "categories" -> categories = readCategories(p, d);
                default -> {
                    d.addLenient(
                            DiagnosticCode.UNKNOWN_FIELD,
                            DiagnosticCode.STRICT_UNKNOWN_FIELD,
                            "/" + segment(name),
                            JsonReading.lineOf(mark(p)),
                            JsonReading.columnOf(mark(p)),
                            "The field \"" + name + "\" is not part of a schema, which has task_type and categories"
                                    + d.unknownFieldOutcome());
                    p.skipChildren();
                }
            }
        }
        if (!sawType) {
            add(
                    d,
                    DiagnosticCode.MISSING_FIELD,
                    "",
                    start,
                    "The schema has no task_type; expected one of " + TYPES + ".");
        }
        if (categories == null) {
            add(
                    d,
                    DiagnosticCode.MISSING_FIELD,
                    "",
                    start,
                    "The schema has no categories; expected a list of {\"id\", \"name\"} objects.");
            return null;
        }
        if (type == null || d.hasError()) {
            return null;
        }
        return new TaskSchema(type, categories);
    }

    private static List<Category> readCategories(JsonParser p, FileDiagnostics d) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            add(
                    d,
                    DiagnosticCode.WRONG_TYPE,
                    "/categories",
                    mark(p),
                    "categories must be a list of {\"id\", \"name\"} objects, but it is " + describe(p.currentToken())
                            + ".");
            p.skipChildren();
            return List.of();
        }
        long start = mark(p);
        List<Category> categories = new ArrayList<>();
        Map<Integer, Integer> positionById = new HashMap<>();
        int index = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            String pointer = "/categories/" + index;
            if (t != JsonToken.START_OBJECT) {
                add(
                        d,
                        DiagnosticCode.WRONG_TYPE,
                        pointer,
                        mark(p),
                        "Category " + index + " must be an object with id and name, but it is " + describe(t) + ".");
                p.skipChildren();
            } else {
                Category c = readCategory(p, d, pointer, index);
                if (c != null) {
                    Integer earlier = positionById.putIfAbsent(c.id(), index);
                    if (earlier != null) {
                        add(
                                d,
                                DiagnosticCode.CATEGORY_INVALID,
                                pointer + "/id",
                                mark(p),
                                "Category id " + c.id() + " is used by categories " + earlier + " and " + index
                                        + "; expected unique ids.");
                    } else {
                        categories.add(c);
                    }
                }
            }
            index++;
        }
        if (index == 0) {
            add(
                    d,
                    DiagnosticCode.CATEGORY_INVALID,
                    "/categories",
                    start,
                    "categories is empty; expected at least one category.");
        }
        return categories;
    }

    private static @Nullable Category readCategory(JsonParser p, FileDiagnostics d, String pointer, int index) {
        long start = mark(p);
        Integer id = null;
        String name = null;
        String supercategory = null;
        List<String> keypoints = List.of();
        List<Category.SkeletonEdge> skeleton = List.of();
        long skeletonMark = 0;
        boolean ok = true;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            String fp = pointer + "/" + segment(field);
            switch (field) {
                case "id" -> {
                    if (v != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
                        add(
                                d,
                                DiagnosticCode.WRONG_TYPE,
                                fp,
                                mark(p),
                                "A category id must be a whole number, but it is "
                                        + describe(v)
                                        + (v == JsonToken.VALUE_NUMBER_FLOAT || v == JsonToken.VALUE_NUMBER_INT
                                                ? " (" + p.getString() + ")"
                                                : "")
                                        + ".");
                        p.skipChildren();
                        ok = false;
                    } else if (p.getIntValue() < 0) {
                        add(
                                d,
                                DiagnosticCode.CATEGORY_INVALID,
                                fp,
                                mark(p),
                                "Category id " + p.getIntValue() + " is negative; expected 0 or more.");
                        ok = false;
                    } else {
                        id = p.getIntValue();
                    }
                }
                case "name" -> {
                    if (v != JsonToken.VALUE_STRING) {
                        add(
                                d,
                                DiagnosticCode.WRONG_TYPE,
                                fp,
                                mark(p),
                                "A category name must be a string, but it is " + describe(v) + ".");
                        p.skipChildren();
                        ok = false;
                    } else if (p.getString().isEmpty()) {
                        add(
                                d,
                                DiagnosticCode.CATEGORY_INVALID,
                                fp,
                                mark(p),
                                "Category " + index + " has an empty name; expected a non-empty name.");
                        ok = false;
                    } else {
                        name = p.getString();
                    }
                }
                case "supercategory" -> {
                    if (v != JsonToken.VALUE_STRING) {
                        add(
                                d,
                                DiagnosticCode.WRONG_TYPE,
                                fp,
                                mark(p),
                                "A supercategory must be a string, but it is " + describe(v) + ".");
                        p.skipChildren();
                        ok = false;
                    } else {
                        supercategory = p.getString();
                    }
                }
                case "keypoints" -> {
                    List<String> read = readKeypointNames(p, d, fp);
                    ok &= read != null;
                    keypoints = read == null ? List.of() : read;
                }
                case "skeleton" -> {
                    skeletonMark = mark(p);
                    List<Category.SkeletonEdge> read = readSkeleton(p, d, fp);
                    ok &= read != null;
                    skeleton = read == null ? List.of() : read;
                }
                default -> {
                    long at = mark(p);
                    d.addLenient(
                            DiagnosticCode.UNKNOWN_FIELD,
                            DiagnosticCode.STRICT_UNKNOWN_FIELD,
                            fp,
                            JsonReading.lineOf(at),
                            JsonReading.columnOf(at),
                            "The field \"" + field
                                    + "\" is not part of a category (id, name, supercategory, keypoints, skeleton)"
                                    + d.unknownFieldOutcome());
                    p.skipChildren();
                }
            }
        }
        if (id == null && ok) {
            add(
                    d,
                    DiagnosticCode.MISSING_FIELD,
                    pointer,
                    start,
                    "Category " + index + " has no id; expected a whole number 0 or more.");
            ok = false;
        }
        if (name == null && ok) {
            add(
                    d,
                    DiagnosticCode.MISSING_FIELD,
                    pointer,
                    start,
                    "Category " + index + " has no name; expected a non-empty string.");
            ok = false;
        }
        if (!ok || id == null || name == null) {
            return null;
        }
        List<Category.SkeletonEdge> edges =
                skeleton(d, pointer + "/skeleton", skeletonMark, skeleton, keypoints.size());
        return edges == null ? null : new Category(id, name, supercategory, keypoints, edges);
    }

    /**
     * The skeleton with 1-based indices, as COCO counts: one that names keypoint 0 and nothing past
     * the last is 0-based (as several pose toolkits write it), accepted with a warning and shifted;
     * null, after an error, when an edge fits neither way.
     */
    private static @Nullable List<Category.SkeletonEdge> skeleton(
            FileDiagnostics d, String pointer, long mark, List<Category.SkeletonEdge> edges, int keypoints) {
        int low = Integer.MAX_VALUE;
        int high = Integer.MIN_VALUE;
        for (Category.SkeletonEdge e : edges) {
            if (Math.min(e.from(), e.to()) < 0 || Math.max(e.from(), e.to()) > keypoints) {
                add(
                        d,
                        DiagnosticCode.CATEGORY_INVALID,
                        pointer,
                        mark,
                        "The skeleton edge [" + e.from() + ", " + e.to()
                                + "] names a keypoint outside 1.." + keypoints
                                + "; expected indices into keypoints, counted from 1"
                                + " (as COCO does) or from 0.");
                return null;
            }
            low = Math.min(low, Math.min(e.from(), e.to()));
            high = Math.max(high, Math.max(e.from(), e.to()));
        }
        if (edges.isEmpty() || low >= 1) {
            return edges;
        }
        if (high == keypoints) {
            add(
                    d,
                    DiagnosticCode.CATEGORY_INVALID,
                    pointer,
                    mark,
                    "The skeleton names both keypoint 0 and keypoint " + keypoints
                            + ", so its indices fit neither 1.." + keypoints + " (counted from 1, as COCO does) nor 0.."
                            + (keypoints - 1) + " (counted from 0).");
            return null;
        }
        add(
                d,
                DiagnosticCode.SKELETON_ZERO_BASED,
                pointer,
                mark,
                "The skeleton names keypoint 0, so its indices are taken as "
                        + "counted from 0; COCO counts them from 1.");
        return edges.stream()
                .map(e -> new Category.SkeletonEdge(e.from() + 1, e.to() + 1))
                .toList();
    }

    private static @Nullable List<String> readKeypointNames(JsonParser p, FileDiagnostics d, String pointer) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            add(
                    d,
                    DiagnosticCode.WRONG_TYPE,
                    pointer,
                    mark(p),
                    "keypoints must be a list of keypoint names, but it is " + describe(p.currentToken()) + ".");
            p.skipChildren();
            return null;
        }
        List<String> names = new ArrayList<>();
        boolean ok = true;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_STRING) {
                add(
                        d,
                        DiagnosticCode.WRONG_TYPE,
                        pointer + "/" + names.size(),
                        mark(p),
                        "A keypoint name must be a string, but it is " + describe(t) + ".");
                p.skipChildren();
                ok = false;
                names.add("");
            } else {
                names.add(p.getString());
            }
        }
        return ok ? names : null;
    }

    private static @Nullable List<Category.SkeletonEdge> readSkeleton(JsonParser p, FileDiagnostics d, String pointer) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            add(
                    d,
                    DiagnosticCode.WRONG_TYPE,
                    pointer,
                    mark(p),
                    "skeleton must be a list of [from, to] keypoint index pairs, but it is "
                            + describe(p.currentToken()) + ".");
            p.skipChildren();
            return null;
        }
        List<Category.SkeletonEdge> edges = new ArrayList<>();
        boolean ok = true;
        int index = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            String ep = pointer + "/" + index;
            long at = mark(p);
            int[] pair = new int[2];
            int n = 0;
            boolean good = t == JsonToken.START_ARRAY;
            if (good) {
                JsonToken v;
                while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT && n < 2) {
                        pair[n] = p.getIntValue();
                    } else {
                        good = false;
                        p.skipChildren();
                    }
                    n++;
                }
            } else {
                p.skipChildren();
            }
            if (!good || n != 2) {
                add(
                        d,
                        DiagnosticCode.WRONG_TYPE,
                        ep,
                        at,
                        "Skeleton edge " + index + " must be a pair of whole numbers [from, to].");
                ok = false;
            } else {
                edges.add(new Category.SkeletonEdge(pair[0], pair[1]));
            }
            index++;
        }
        return ok ? edges : null;
    }
}
