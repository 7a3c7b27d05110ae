package dev.winnow.convert.coco;

import dev.winnow.convert.ConversionException;
import dev.winnow.convert.SampleNames;
import dev.winnow.format.Category;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.format.validate.DiagnosticCollector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The images and categories of a COCO dataset file, read in one streaming pass that skips the
 * {@code annotations} array (which is read later, one annotation at a time). Images with a bad entry
 * are reported and left out; a bad category is fatal, since the schema needs every category.
 */
final class CocoHeader {
    final ImageIndex images = new ImageIndex();
    final List<Category> categories = new ArrayList<>();
    /** True when the file is a results list (a top-level array), which has no images. */
    boolean resultsList;
    /** True when reading stopped at the start of the annotations array (or of the results list), in one pass. */
    boolean atAnnotations;

    private CocoHeader() {}

    /** Reads the header of {@code file}, skipping its annotations. */
    static CocoHeader read(JsonMapper mapper, Path file, String label, DiagnosticCollector diagnostics)
            throws IOException, ConversionException {
        try (InputStream in = Files.newInputStream(file);
                JsonParser parser = mapper.createParser(in)) {
            return read(mapper, parser, label, diagnostics, false);
        } catch (JacksonException e) {
            throw CocoConverter.malformed(label, e);
        }
    }

    /**
     * Reads the header from {@code parser}, at the start of the file. With {@code stopAtAnnotations},
     * when the images and the categories come before the annotations (as in files written by this
     * project's generator and many tools), it stops at the start of the annotations array and sets
     * {@link #atAnnotations}, so the caller reads them in the same pass; likewise a results list is
     * left at its start. Otherwise the whole file is read and the annotations skipped.
     */
    static CocoHeader read(
            JsonMapper mapper,
            JsonParser parser,
            String label,
            DiagnosticCollector diagnostics,
            boolean stopAtAnnotations)
            throws ConversionException {
        CocoHeader header = new CocoHeader();
        JsonToken first = parser.nextToken();
        if (first == JsonToken.START_ARRAY) {
            header.resultsList = true;
            header.atAnnotations = stopAtAnnotations;
            return header;
        }
        if (first != JsonToken.START_OBJECT) {
            throw new ConversionException("The COCO file " + label + " does not start with an object or a list;"
                    + " expected a COCO dataset ({\"images\": ..., \"annotations\": ..., "
                    + "\"categories\": ...}) or a results list.");
        }
        boolean sawImages = false;
        boolean sawCategories = false;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("images")) {
                requireArray(value, "/images", label);
                header.readImages(parser, label, diagnostics);
                sawImages = true;
            } else if (name.equals("categories")) {
                requireArray(value, "/categories", label);
                header.readCategories(mapper.readTree(parser), label);
                sawCategories = true;
            } else if (name.equals("annotations")
                    && value == JsonToken.START_ARRAY
                    && stopAtAnnotations
                    && sawImages
                    && sawCategories) {
                header.atAnnotations = true;
                return header;
            } else {
                parser.skipChildren();
            }
        }
        if (!sawImages) {
            throw new ConversionException(
                    "The COCO file " + label + " has no \"images\" list; a dataset file must name its images.");
        }
        if (!sawCategories) {
            throw new ConversionException(
                    "The COCO file " + label + " has no \"categories\" list; a dataset file must list its categories.");
        }
        return header;
    }

    private static void requireArray(JsonToken token, String pointer, String label) throws ConversionException {
        if (token != JsonToken.START_ARRAY) {
            throw new ConversionException("In the COCO file " + label + ", " + pointer + " is not a list.");
        }
    }

    /**
     * Reads the images array token by token (no tree per image): {@code id}, {@code file_name},
     * {@code width} and {@code height} are kept, anything else skipped.
     */
    private void readImages(JsonParser parser, String label, DiagnosticCollector diagnostics) {
        Set<String> seenNames = new HashSet<>();
        int i = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            int position = i++;
            boolean hasId = false;
            long id = 0;
            String name = null;
            int width = 0;
            int height = 0;
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren(); // not an image entry: reported below as having no id and name
            }
            while (token == JsonToken.START_OBJECT && parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "id" -> {
                        hasId = value == JsonToken.VALUE_NUMBER_INT;
                        id = hasId ? longOf(parser) : 0;
                    }
                    case "file_name" -> name = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                    case "width" -> width = intOrZero(parser, value);
                    case "height" -> height = intOrZero(parser, value);
                    default -> {}
                }
                parser.skipChildren(); // a list or object, where kept, is no value of the field
            }
            String pointer = "/images/" + position;
            if (!hasId || name == null) {
                diagnostics.add(DiagnosticCode.COCO_IMAGE_INVALID.at(
                        label,
                        pointer,
                        "The image entry needs an integer \"id\" and a string \"file_name\"; the image is skipped."));
                continue;
            }
            var problem = SampleNames.problem(name);
            if (problem.isPresent()) {
                diagnostics.add(DiagnosticCode.COCO_IMAGE_INVALID.at(
                        label, pointer + "/file_name", problem.get() + " The image is skipped."));
                continue;
            }
            if (width <= 0 || height <= 0) {
                width = 0;
                height = 0;
            }
            if (!seenNames.add(PredictionsLayout.stem(name))) {
                diagnostics.add(DiagnosticCode.COCO_IMAGE_DUPLICATE.at(
                        label,
                        pointer + "/file_name",
                        "The file name '" + name
                                + "' maps to the same prediction file as an earlier image; the image is skipped."));
                continue;
            }
            if (images.add(id, name, width, height) < 0) {
                diagnostics.add(DiagnosticCode.COCO_IMAGE_DUPLICATE.at(
                        label,
                        pointer + "/id",
                        "The image id " + id + " is used by an earlier image; the image is skipped."));
            }
        }
    }

    /** An integer token as a long; a larger one keeps its low 64 bits, as a tree node's asLong would. */
    private static long longOf(JsonParser parser) {
        return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                ? parser.getBigIntegerValue().longValue()
                : parser.getLongValue();
    }

    /** An integer token that fits an int, or 0 (unknown) for anything else. */
    private static int intOrZero(JsonParser parser, JsonToken value) {
        if (value != JsonToken.VALUE_NUMBER_INT) {
            return 0;
        }
        return parser.getNumberType() == JsonParser.NumberType.INT ? parser.getIntValue() : 0;
    }

    private void readCategories(JsonNode list, String label) throws ConversionException {
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            String where = "In the COCO file " + label + ", /categories/" + i;
            if (!c.path("id").isIntegralNumber()
                    || !c.get("id").canConvertToInt()
                    || c.get("id").asInt() < 0) {
                throw new ConversionException(where + " needs an integer \"id\" of 0 or more.");
            }
            if (!c.path("name").isString() || c.get("name").asString().isEmpty()) {
                throw new ConversionException(where + " needs a non-empty string \"name\".");
            }
            int id = c.get("id").asInt();
            if (!ids.add(id)) {
                throw new ConversionException(where + " repeats the category id " + id + "; ids must be unique.");
            }
            String supercategory =
                    c.path("supercategory").isString() ? c.get("supercategory").asString() : null;
            List<String> keypoints = new ArrayList<>();
            for (JsonNode k : c.path("keypoints")) {
                keypoints.add(k.asString());
            }
            List<Category.SkeletonEdge> skeleton = new ArrayList<>();
            for (JsonNode edge : c.path("skeleton")) {
                if (edge.size() != 2
                        || !edge.get(0).isIntegralNumber()
                        || !edge.get(1).isIntegralNumber()) {
                    throw new ConversionException(
                            where + "/skeleton has an edge that is not a pair of keypoint numbers.");
                }
                skeleton.add(new Category.SkeletonEdge(
                        edge.get(0).asInt(), edge.get(1).asInt()));
            }
            categories.add(new Category(id, c.get("name").asString(), supercategory, keypoints, skeleton));
        }
    }
}
