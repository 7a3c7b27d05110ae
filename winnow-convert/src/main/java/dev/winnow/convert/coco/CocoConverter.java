package dev.winnow.convert.coco;

import dev.winnow.convert.BackgroundWriter;
import dev.winnow.convert.ConversionException;
import dev.winnow.convert.ConversionReport;
import dev.winnow.convert.PredictionsFolder;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocationAccessException;
import dev.winnow.format.Category;
import dev.winnow.format.RleMask;
import dev.winnow.format.Singleton;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import dev.winnow.format.io.PredictionWriter;
import dev.winnow.format.rle.MaskUnion;
import dev.winnow.format.validate.DiagnosticCollector;
import dev.winnow.media.ImageHeaders;
import dev.winnow.media.ImageSize;
import dev.winnow.media.MediaException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts a COCO dataset or results file into one task of a predictions folder.
 *
 * <p>Streaming: the file is read with Jackson's streaming parser and never held whole. First
 * {@code images} and {@code categories} are read into a columnar {@link ImageIndex}; then
 * {@code annotations} one at a time, in the same pass when they come after both (else in a
 * second); each becomes its singleton's JSON text, appended to a {@link FragmentStore}. Memory is thus about the size
 * of the output, not of the input (polygons shrink to run lengths, and no JSON tree of the whole file exists). Each
 * image's prediction file is written by background threads as soon as the annotations have moved past
 * the image ({@link EarlyFiles}), else at the end.
 *
 * <pre>{@code
 * PredictionsFolder out = PredictionsFolder.open(Locations.openOrCreate("out"), "detections", false);
 * ConversionReport report = CocoConverter.convert(CocoOptions.of(Path.of("instances.json"),
 *         TaskType.OBJECT_DETECTION), out);
 * }</pre>
 *
 * <p>Each call is independent; the class holds no state.
 */
public final class CocoConverter {
    private static final JsonMapper MAPPER = JsonMapperHolder.MAPPER;
    /** Prediction files waiting for the writers at most (a few hundred kilobytes). */
    private static final int QUEUED_FILES = 1024;

    private CocoConverter() {}

    /** Converts as described in the class comment and returns what was written and skipped. */
    public static ConversionReport convert(CocoOptions options, PredictionsFolder out)
            throws IOException, ConversionException {
        DiagnosticCollector diagnostics = new DiagnosticCollector();
        String label = options.annotations().toString();
        requireFile(options.annotations(), "--annotations");
        CocoHeader header;
        try (InputStream in = Files.newInputStream(options.annotations());
                JsonParser parser = MAPPER.createParser(in)) {
            header = CocoHeader.read(MAPPER, parser, label, diagnostics, true);
            if (header.atAnnotations) {
                return convert(options, out, header, parser, diagnostics);
            }
        } catch (JacksonException e) {
            throw malformed(label, e);
        }
        // The annotations came before the images or the categories: a second pass reads them.
        try (InputStream in = Files.newInputStream(options.annotations());
                JsonParser parser = MAPPER.createParser(in)) {
            return convert(
                    options, out, header, findAnnotations(parser, header.resultsList) ? parser : null, diagnostics);
        } catch (JacksonException e) {
            throw malformed(label, e);
        }
    }

    /**
     * Converts with the header read and {@code parser} at the start of the annotations array (null
     * when the file has none): each annotation in turn, then the files of every image.
     */
    private static ConversionReport convert(
            CocoOptions options,
            PredictionsFolder out,
            CocoHeader fileHeader,
            @Nullable JsonParser parser,
            DiagnosticCollector diagnostics)
            throws IOException, ConversionException {
        String label = options.annotations().toString();
        CocoHeader header = fileHeader;
        String pointerPrefix = "/annotations/";
        if (header.resultsList) {
            if (options.groundTruth().isEmpty()) {
                throw new ConversionException("The COCO file " + label + " is a results list, which names no images or"
                        + " categories; pass --coco-gt with the dataset file that does.");
            }
            requireFile(options.groundTruth().get(), "--coco-gt");
            String gtLabel = options.groundTruth().get().toString();
            header = CocoHeader.read(MAPPER, options.groundTruth().get(), gtLabel, diagnostics);
            if (header.resultsList) {
                throw new ConversionException(
                        "The COCO file " + gtLabel + " given with --coco-gt is a results list too;"
                                + " it must be the dataset file with images and categories.");
            }
            header.resultsList = true;
            pointerPrefix = "/";
        }
        ImageIndex images = header.images;
        Set<Integer> categoryIds = new HashSet<>();
        header.categories.forEach(c -> categoryIds.add(c.id()));
        AnnotationReader reader = new AnnotationReader(
                images,
                categoryIds,
                options.taskType(),
                options.defaultScore(),
                label,
                diagnostics,
                sizeLookup(images, options.images()));

        FragmentStore fragments = new FragmentStore(images.size());
        List<Singleton> segments = new ArrayList<>();
        List<Integer> segmentImages = new ArrayList<>();
        boolean semantic = options.taskType() == TaskType.SEMANTIC_SEGMENTATION;
        StringBuilder sb = new StringBuilder(256);
        try (BackgroundWriter writer =
                new BackgroundWriter(out, Math.min(out.writerThreads(), QUEUED_FILES), QUEUED_FILES)) {
            EarlyFiles files = new EarlyFiles(out, images, fragments, writer);
            if (parser != null) {
                Set<String> fields = reader.fieldsRead();
                int i = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    JsonNode ann = readFields(parser, fields);
                    AnnotationReader.Read read = reader.read(ann, pointerPrefix + i++);
                    if (read == null) {
                        continue;
                    }
                    if (semantic) {
                        // the unions are made at the end, so no file is complete before then
                        segments.add(read.singleton());
                        segmentImages.add(read.image());
                    } else {
                        sb.setLength(0);
                        PredictionWriter.appendSingleton(sb, read.singleton());
                        fragments.add(read.image(), sb);
                        files.added(read.image());
                    }
                }
            }
            if (semantic) {
                addUnions(images, segments, segmentImages, fragments);
            }
            files.finish();
        }
        List<Category> categories = header.categories;
        return out.finishUnlessNothingConverted(
                () -> new TaskSchema(options.taskType(), categories),
                ConversionReport.of(images.size(), fragments.size(), diagnostics));
    }

    /**
     * The annotation at the parser as a tree of only the {@code fields} the task type reads; the
     * rest (polygons of a detection task, areas, ids) is skipped without building nodes. Anything
     * but an object is read whole, for the reader to report.
     */
    private static JsonNode readFields(JsonParser parser, Set<String> fields) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return MAPPER.readTree(parser);
        }
        ObjectNode node = MAPPER.createObjectNode();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (fields.contains(name)) {
                node.set(name, valueAt(parser));
            } else {
                parser.skipChildren();
            }
        }
        return node;
    }

    /**
     * The value at the parser as a node, numbers and lists of numbers built directly (the nodes
     * {@code readTree} would make, without its per-call setup, which costs more than a box).
     */
    private static JsonNode valueAt(JsonParser parser) {
        JsonNodeFactory nodes = MAPPER.getNodeFactory();
        return switch (parser.currentToken()) {
            case START_ARRAY -> {
                ArrayNode list = nodes.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(valueAt(parser));
                }
                yield list;
            }
            case VALUE_NUMBER_INT ->
                switch (parser.getNumberType()) {
                    case INT -> nodes.numberNode(parser.getIntValue());
                    case LONG -> nodes.numberNode(parser.getLongValue());
                    default -> nodes.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDoubleValue());
            case VALUE_STRING -> nodes.stringNode(parser.getString());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            default -> MAPPER.readTree(parser);
        };
    }

    /**
     * Semantic segmentation: one singleton per image and category, the union of its masks, scored by the highest score.
     */
    private static void addUnions(
            ImageIndex images, List<Singleton> segments, List<Integer> segmentImages, FragmentStore out) {
        List<List<Singleton>> perImage = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            perImage.add(null);
        }
        for (int k = 0; k < segments.size(); k++) {
            int image = segmentImages.get(k);
            if (perImage.get(image) == null) {
                perImage.set(image, new ArrayList<>());
            }
            perImage.get(image).add(segments.get(k));
        }
        StringBuilder sb = new StringBuilder();
        for (int image = 0; image < images.size(); image++) {
            List<Singleton> list = perImage.get(image);
            if (list == null) {
                continue;
            }
            TreeMap<Integer, List<RleMask>> masks = new TreeMap<>();
            TreeMap<Integer, Double> scores = new TreeMap<>();
            for (Singleton s : list) {
                Singleton.SemanticSegment seg = (Singleton.SemanticSegment) s;
                masks.computeIfAbsent(seg.categoryId(), c -> new ArrayList<>()).add(seg.segmentation());
                scores.merge(seg.categoryId(), seg.score(), Math::max);
            }
            for (var entry : masks.entrySet()) {
                RleMask union =
                        MaskUnion.of(entry.getValue(), entry.getValue().get(0).pixelCount());
                sb.setLength(0);
                PredictionWriter.appendSingleton(
                        sb,
                        new Singleton.SemanticSegment(
                                entry.getKey(),
                                union,
                                Objects.requireNonNull(scores.get(entry.getKey())),
                                Optional.empty()));
                out.add(image, sb.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** Moves the parser to the start of the annotations array; false when the file has none. */
    private static boolean findAnnotations(JsonParser parser, boolean resultsList) {
        JsonToken first = parser.nextToken();
        if (resultsList) {
            return first == JsonToken.START_ARRAY;
        }
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("annotations") && value == JsonToken.START_ARRAY) {
                return true;
            }
            parser.skipChildren();
        }
        return false;
    }

    private static AnnotationReader.SizeLookup sizeLookup(ImageIndex images, Optional<Datasource> source) {
        return (image, problem) -> {
            if (images.width(image) > 0) {
                return new int[] {images.width(image), images.height(image)};
            }
            if (source.isEmpty()) {
                problem[0] =
                        "The image '" + images.name(image) + "' has no width and height in the COCO file; pass --images"
                                + " so they can be read from the image itself. The annotation is skipped.";
                return null;
            }
            try {
                ImageSize size = ImageHeaders.read(source.get(), images.name(image));
                images.setSize(image, size.width(), size.height());
                return new int[] {size.width(), size.height()};
            } catch (MediaException | IOException e) {
                LocationAccessException.rethrowIfDenied(e);
                problem[0] = e.getMessage() + " The annotation is skipped.";
                return null;
            }
        };
    }

    private static void requireFile(Path file, String option) throws ConversionException {
        if (!Files.isRegularFile(file)) {
            throw new ConversionException(
                    "The file " + file + " given with " + option + " does not exist or is not a file.");
        }
    }

    static ConversionException malformed(String label, JacksonException e) {
        var location = e.getLocation();
        String where =
                location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return new ConversionException(
                "The COCO file " + label + " is not valid JSON" + where + ": " + e.getOriginalMessage() + ".", e);
    }
}
