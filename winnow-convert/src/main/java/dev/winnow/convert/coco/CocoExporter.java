package dev.winnow.convert.coco;

import dev.winnow.convert.ConversionException;
import dev.winnow.convert.ConversionReport;
import dev.winnow.datasource.AtomicWrite;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.MediaKind;
import dev.winnow.datasource.SampleLister;
import dev.winnow.format.BoundingBox;
import dev.winnow.format.Category;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.FrameName;
import dev.winnow.format.Keypoints;
import dev.winnow.format.PredictionFile;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.RleMask;
import dev.winnow.format.Singleton;
import dev.winnow.format.TaskList;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import dev.winnow.format.io.PredictionFileReader;
import dev.winnow.format.io.PredictionWriter;
import dev.winnow.format.io.SchemaReader;
import dev.winnow.format.io.TaskListReader;
import dev.winnow.format.rle.CocoRle;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.format.validate.DiagnosticCollector;
import dev.winnow.format.validate.FileResult;
import dev.winnow.format.validate.SampleFacts;
import dev.winnow.format.validate.ValidationOptions;
import dev.winnow.media.ImageHeaders;
import dev.winnow.media.ImageSize;
import dev.winnow.media.MediaException;
import dev.winnow.media.VideoProbe;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Writes one task of a predictions folder as a COCO dataset ({@code images}, {@code annotations},
 * {@code categories}) or, with {@code results}, as a COCO results list.
 *
 * <p>Image ids, names and sizes come from a COCO dataset file when one is given (so that a
 * converted file exports with its original ids), otherwise ids are 1, 2, ... in sorted order of the
 * prediction files and sizes are read from the datasource: an image's from its header, a video
 * frame's from its video (the first frame decoded, once per video). Masks
 * are written as COCO RLE with pycocotools' compressed counts, boxes, scores and keypoints as they
 * are, so COCO → predictions folder → COCO gives back the same boxes, scores, categories,
 * keypoints and mask pixels.
 *
 * <p>The COCO file is streamed to a temporary file beside {@code out} and renamed into place, so
 * a failed export leaves no partial file. Prediction files that do not read cleanly are reported
 * and left out. The report's notes count what COCO cannot hold: probabilities (dropped),
 * classifications (annotations without a box), and sizes that could not be found.
 */
public final class CocoExporter {
    private static final long MAX_FILE_BYTES = 256L << 20;

    private CocoExporter() {}

    public static ConversionReport export(CocoExportOptions options) throws IOException, ConversionException {
        Datasource source = options.predictions();
        String taskFolder = PredictionsLayout.taskFolder(options.task());
        DiagnosticCollector diagnostics = new DiagnosticCollector();
        requireListed(source, options.task());
        String schemaPath = taskFolder + "/schema.json";
        if (source.stat(schemaPath).isEmpty()) {
            throw new ConversionException(
                    "The task " + options.task() + " in " + source.description() + " has no schema.json.");
        }
        FileResult<TaskSchema> schemaResult = SchemaReader.read(
                schemaPath, source.readAllBytes(schemaPath, MAX_FILE_BYTES), ValidationOptions.defaults());
        if (schemaResult.value().isEmpty()) {
            throw new ConversionException("The schema " + schemaPath + " in " + source.description() + " is not valid: "
                    + schemaResult.diagnostics().get(0).message());
        }
        TaskSchema schema = schemaResult.value().get();

        ImageIndex known = new ImageIndex(); // empty without --coco-gt
        Map<String, Integer> knownByStem = new HashMap<>();
        if (options.groundTruth().isPresent()) {
            Path gt = options.groundTruth().get();
            if (!Files.isRegularFile(gt)) {
                throw new ConversionException(
                        "The file " + gt + " given with --coco-gt does not exist or is not a file.");
            }
            CocoHeader header = CocoHeader.read(JsonMapperHolder.MAPPER, gt, gt.toString(), new DiagnosticCollector());
            if (header.resultsList) {
                throw new ConversionException(
                        "The COCO file " + gt + " given with --coco-gt is a results list; it must be the"
                                + " dataset file with images and categories.");
            }
            known = header.images;
            for (int i = 0; i < known.size(); i++) {
                knownByStem.put(PredictionsLayout.stem(known.name(i)), i);
            }
        }
        Map<String, String> imageByStem = new HashMap<>();
        Set<String> videos = new HashSet<>();
        if (options.images().isPresent()) {
            for (String path : SampleLister.all(options.images().get())) {
                if (MediaKind.of(path).orElseThrow() == MediaKind.VIDEO) {
                    videos.add(path);
                } else {
                    imageByStem.putIfAbsent(PredictionsLayout.stem(path), path);
                }
            }
        }
        Sizes sizes = new Sizes(known, options.images());

        List<String> files = new ArrayList<>();
        for (String path : source.list(taskFolder)) {
            if (path.endsWith(".json")
                    && !path.equals(schemaPath)
                    && !path.substring(taskFolder.length() + 1).startsWith(".")) {
                files.add(path);
            }
        }
        Path out = options.out().toAbsolutePath();
        Files.createDirectories(out.getParent());
        Path temp = AtomicWrite.temporaryBeside(out);
        int written = 0;
        long annotations = 0;
        long withoutSize = 0;
        long droppedProbabilities = 0;
        long classifications = 0;
        try {
            try (Writer writer = new BufferedWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8), 1 << 16)) {
                CocoJsonWriter coco = new CocoJsonWriter(writer, options.results());
                coco.begin();
                long nextId = 1;
                for (String path : files) {
                    String stem = path.substring(taskFolder.length() + 1, path.length() - ".json".length());
                    FileResult<PredictionFile> read = PredictionFileReader.read(
                            path,
                            source.readAllBytes(path, MAX_FILE_BYTES),
                            schema,
                            SampleFacts.unknown(),
                            ValidationOptions.defaults());
                    if (read.value().isEmpty()) {
                        read.diagnostics().stream().filter(Diagnostic::isError).forEach(diagnostics::add);
                        continue;
                    }
                    PredictionFile file = read.value().get();
                    Integer knownIndex = knownByStem.get(stem);
                    Optional<FrameName.Parsed> frame = imageByStem.containsKey(stem)
                            ? Optional.empty()
                            : FrameName.parse(stem).filter(f -> videos.contains(f.video()));
                    @Nullable
                    String sample = imageByStem.containsKey(stem)
                            ? imageByStem.get(stem)
                            : frame.isPresent() ? stem + ".png" : null;
                    String name = file.fileName().orElse(knownIndex != null ? known.name(knownIndex) : sample);
                    if (name == null) {
                        diagnostics.add(DiagnosticCode.EXPORT_NO_FILE_NAME.at(
                                path,
                                "/file_name",
                                "The prediction file has no file_name, and"
                                        + " the input has no image named " + stem
                                        + ".* and no video frame of that name; pass the"
                                        + " datasource with --input or a dataset with --coco-gt. "
                                        + "The file is left out."));
                        continue;
                    }
                    long imageId = knownIndex != null ? known.id(knownIndex) : nextId++;
                    String[] why = new String[1];
                    int[] size = sizes.of(knownIndex, imageByStem.get(stem), frame, why);
                    if (size == null && needsSize(file)) {
                        diagnostics.add(DiagnosticCode.EXPORT_NO_IMAGE_SIZE.at(
                                path,
                                "",
                                "The masks of '" + name + "' need the image's size, " + why[0]
                                        + " The file is left out."));
                        continue;
                    }
                    if (size == null && !options.results()) {
                        withoutSize++;
                    }
                    coco.image(imageId, name, size);
                    for (Singleton s : file.predictions()) {
                        coco.annotation(imageId, s, size);
                        annotations++;
                        if (s.probabilities().isPresent()) {
                            droppedProbabilities++;
                        }
                        if (s instanceof Singleton.Classification) {
                            classifications++;
                        }
                    }
                    written++;
                }
                coco.categories(schema.categories());
                coco.end();
            }
            try {
                Files.move(temp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        List<String> notes = new ArrayList<>();
        if (droppedProbabilities > 0) {
            notes.add("COCO has no field for probabilities: those of " + count(droppedProbabilities, "prediction")
                    + " were dropped.");
        }
        if (classifications > 0) {
            notes.add("COCO has no image-level labels: " + count(classifications, "classification prediction")
                    + " became annotations without a box.");
        }
        if (withoutSize > 0) {
            notes.add(count(withoutSize, "image") + " got no width and height: "
                    + (withoutSize == 1 ? "it is" : "they are") + " not in the input"
                    + options.images().map(d -> " " + d.description()).orElse("") + ".");
        }
        return ConversionReport.of(written, annotations, diagnostics).withNotes(notes);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * Image sizes from the dataset file, an image's header or a video's first frame (each video
     * read once). A size that cannot be found is null, with the reason in {@code why[0]}.
     */
    private static final class Sizes {
        private final ImageIndex known;
        private final Optional<Datasource> input;
        private final Map<String, Object> videoSizes = new HashMap<>();

        Sizes(ImageIndex known, Optional<Datasource> input) {
            this.known = known;
            this.input = input;
        }

        int @Nullable [] of(
                @Nullable Integer knownIndex, @Nullable String image, Optional<FrameName.Parsed> frame, String[] why)
                throws IOException {
            if (knownIndex != null && known.width(knownIndex) > 0) {
                return new int[] {known.width(knownIndex), known.height(knownIndex)};
            }
            if (input.isEmpty()) {
                why[0] = "and neither the datasource (--input) nor --coco-gt is given to read it from.";
                return null;
            }
            try {
                if (image != null) {
                    ImageSize size = ImageHeaders.read(input.get(), image);
                    return new int[] {size.width(), size.height()};
                }
                if (frame.isPresent()) {
                    Object size = videoSizes.get(frame.get().video());
                    if (size == null) {
                        try {
                            ImageSize s = VideoProbe.frameSize(
                                    input.get(), frame.get().video());
                            size = new int[] {s.width(), s.height()};
                        } catch (MediaException e) {
                            size = e.getMessage();
                        }
                        videoSizes.put(frame.get().video(), size);
                    }
                    if (size instanceof int[] wh) {
                        return wh;
                    }
                    why[0] = "but its video cannot be read: " + size;
                    return null;
                }
            } catch (MediaException e) {
                why[0] = "but the image cannot be read: " + e.getMessage();
                return null;
            }
            why[0] = "but the input " + input.get().description() + " has no image or video frame of that name.";
            return null;
        }
    }

    private static void requireListed(Datasource source, String task) throws IOException, ConversionException {
        String path = PredictionsLayout.TASKS_FILE;
        if (source.stat(path).isEmpty()) {
            throw new ConversionException("There is no " + path + " in " + source.description()
                    + "; --input must be the location that holds the predictions folder.");
        }
        FileResult<TaskList> tasks =
                TaskListReader.read(path, source.readAllBytes(path, MAX_FILE_BYTES), ValidationOptions.defaults());
        if (tasks.value().isEmpty() || !tasks.value().get().names().contains(task)) {
            throw new ConversionException(
                    "The task " + task + " is not listed in " + path + " of " + source.description() + ".");
        }
    }

    private static boolean needsSize(PredictionFile file) {
        return file.predictions().stream()
                .anyMatch(s -> s instanceof Singleton.SemanticSegment || s instanceof Singleton.InstanceSegment);
    }

    /** Writes the COCO JSON as a stream: images and annotations are interleaved in two buffers. */
    private static final class CocoJsonWriter {
        private final Writer writer;
        private final boolean results;
        private final StringBuilder images = new StringBuilder();
        private final StringBuilder sb = new StringBuilder(256);
        private long annotationId = 1;
        private boolean firstAnnotation = true;

        CocoJsonWriter(Writer writer, boolean results) {
            this.writer = writer;
            this.results = results;
        }

        void begin() throws IOException {
            writer.write(results ? "[" : "{\"annotations\":[");
        }

        void image(long id, String name, int @Nullable [] size) {
            if (results) {
                return;
            }
            images.append(images.length() == 0 ? "" : ",")
                    .append("{\"id\":")
                    .append(id)
                    .append(",\"file_name\":");
            PredictionWriter.appendString(images, name);
            if (size != null) {
                images.append(",\"width\":")
                        .append(size[0])
                        .append(",\"height\":")
                        .append(size[1]);
            }
            images.append('}');
        }

        void annotation(long imageId, Singleton s, int @Nullable [] size) throws IOException {
            sb.setLength(0);
            sb.append(firstAnnotation ? "\n" : ",\n");
            firstAnnotation = false;
            sb.append('{');
            if (!results) {
                sb.append("\"id\":").append(annotationId++).append(',');
            }
            sb.append("\"image_id\":")
                    .append(imageId)
                    .append(",\"category_id\":")
                    .append(s.categoryId());
            double area = 0;
            if (s instanceof Singleton.Detection d) {
                box(d.bbox());
                area = d.bbox().area();
            } else if (s instanceof Singleton.InstanceSegment i) {
                box(i.bbox());
                area = mask(i.segmentation(), maskSize(size));
            } else if (s instanceof Singleton.SemanticSegment m) {
                int[] known = maskSize(size);
                BoundingBox tight = m.segmentation().boundingBox(known[0]);
                box(tight == null ? new BoundingBox(0, 0, 0, 0) : tight);
                area = mask(m.segmentation(), known);
            } else if (s instanceof Singleton.KeypointInstance k) {
                k.bbox().ifPresent(this::box);
                keypoints(k.keypoints());
                area = k.bbox().map(BoundingBox::area).orElse(0.0);
            }
            if (!results) {
                sb.append(",\"area\":");
                PredictionWriter.appendNumber(sb, area);
                sb.append(",\"iscrowd\":0");
            }
            if (s.optionalScore().isPresent()) {
                sb.append(",\"score\":");
                PredictionWriter.appendNumber(sb, s.optionalScore().getAsDouble());
            }
            sb.append('}');
            writer.append(sb);
        }

        private void box(BoundingBox box) {
            sb.append(",\"bbox\":[");
            PredictionWriter.appendNumber(sb, box.x());
            sb.append(',');
            PredictionWriter.appendNumber(sb, box.y());
            sb.append(',');
            PredictionWriter.appendNumber(sb, box.width());
            sb.append(',');
            PredictionWriter.appendNumber(sb, box.height());
            sb.append(']');
        }

        /** Files with masks but no known image size are left out before they are written. */
        private static int[] maskSize(int @Nullable [] size) {
            if (size == null) {
                throw new IllegalStateException("A mask is written without its image's size.");
            }
            return size;
        }

        private long mask(RleMask mask, int[] size) {
            CocoRle rle = CocoRle.fromRowMajor(mask, size[1], size[0]);
            sb.append(",\"segmentation\":{\"size\":[")
                    .append(size[1])
                    .append(',')
                    .append(size[0])
                    .append("],\"counts\":");
            PredictionWriter.appendString(sb, rle.compressedCounts());
            sb.append('}');
            return rle.area();
        }

        private void keypoints(Keypoints keypoints) {
            sb.append(",\"keypoints\":[");
            int visible = 0;
            for (int i = 0; i < keypoints.count(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                PredictionWriter.appendNumber(sb, keypoints.x(i));
                sb.append(',');
                PredictionWriter.appendNumber(sb, keypoints.y(i));
                sb.append(',');
                PredictionWriter.appendNumber(sb, keypoints.confidence(i));
                if (keypoints.confidence(i) > 0) {
                    visible++;
                }
            }
            sb.append("],\"num_keypoints\":").append(visible);
        }

        void categories(List<Category> categories) throws IOException {
            if (results) {
                return;
            }
            StringBuilder c = new StringBuilder();
            for (int i = 0; i < categories.size(); i++) {
                Category category = categories.get(i);
                c.append(i == 0 ? "" : ",");
                // The schema writer's category form is COCO's: id, name, supercategory, keypoints, skeleton.
                String schema = PredictionWriter.toJson(new TaskSchema(TaskType.CLASSIFICATION, List.of(category)));
                c.append(schema, schema.indexOf("[{") + 1, schema.lastIndexOf("]}"));
            }
            writer.write("\n],\"images\":[");
            writer.append(images);
            writer.write("],\"categories\":[");
            writer.append(c);
            writer.write("]");
        }

        void end() throws IOException {
            writer.write(results ? "\n]\n" : "}\n");
        }
    }
}
