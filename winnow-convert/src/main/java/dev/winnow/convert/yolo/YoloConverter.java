package dev.winnow.convert.yolo;

import dev.winnow.convert.CategoryNames;
import dev.winnow.convert.ConversionException;
import dev.winnow.convert.ConversionReport;
import dev.winnow.convert.PerSampleConversion;
import dev.winnow.convert.PredictionsFolder;
import dev.winnow.convert.TextInputs;
import dev.winnow.datasource.MediaKind;
import dev.winnow.format.BoundingBox;
import dev.winnow.format.Category;
import dev.winnow.format.Keypoints;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.RleMask;
import dev.winnow.format.Singleton;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import dev.winnow.format.rle.PolygonRasterizer;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.format.validate.DiagnosticCollector;
import dev.winnow.media.ImageHeaders;
import dev.winnow.media.ImageSize;
import dev.winnow.media.MediaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Converts YOLO label files (v5 to 11) into a task: boxes into object-detection, YOLOv8/11
 * segmentation polygons into instance-segmentation, pose labels into keypoint-detection.
 *
 * <p>Every image of the images location is a sample; its labels are {@code <same path>.txt} in the
 * labels location (an image without one gets an empty prediction file). Coordinates are fractions
 * of the image size, which is read from the image's header. Each file's kind is told from its lines
 * ({@link YoloLabelKind}); a file mixing kinds, or of a kind other than the task's, is reported and
 * skipped, as are bad lines (with their line number). Boxes become pixels from the top-left corner
 * and are clipped to the image (rounding in training tools puts edges a hair outside). Polygons are
 * filled as COCO's tools fill them ({@link PolygonRasterizer}), their box the extent of their
 * points. A keypoint's third value (visibility 0, 1, 2 in labels, a confidence in predictions)
 * becomes its confidence, capped at 1; keypoints without one get 1. A missing confidence becomes
 * the default score. Label files without an image are reported as warnings.
 */
public final class YoloConverter {
    private static final long MAX_LABEL_BYTES = 64L << 20;
    private static final Pattern KPT_SHAPE =
            Pattern.compile("^kpt_shape:\\s*\\[\\s*(\\d+)\\s*,\\s*(\\d+)\\s*]\\s*(#.*)?$");

    private YoloConverter() {}

    /** How many label files hold each kind of label, and the task type they make (or that was asked for). */
    public record Survey(Map<YoloLabelKind, Integer> files, int empty, int unreadable, TaskType taskType) {
        /**
         * "Read 3 label files: 2 with polygons (YOLO segmentation), 1 empty; writing an instance-segmentation task."
         */
        public String describe() {
            List<String> parts = new ArrayList<>();
            files.forEach((kind, n) -> parts.add(n + " with " + kind.plural() + " (YOLO " + kind.yoloTask() + ")"));
            if (unreadable > 0) {
                parts.add(unreadable + " with no readable line");
            }
            if (empty > 0) {
                parts.add(empty + " empty");
            }
            int total = files.values().stream().mapToInt(Integer::intValue).sum() + unreadable + empty;
            String article =
                    taskType == TaskType.OBJECT_DETECTION || taskType == TaskType.INSTANCE_SEGMENTATION ? "an " : "a ";
            return "Read "
                    + (total == 0
                            ? "no label files"
                            : total + (total == 1 ? " label file: " : " label files: ") + String.join(", ", parts))
                    + "; writing " + article + taskType.wireName() + " task.";
        }
    }

    /**
     * Reads the label files of the images once to tell their kinds, and decides the task type: the
     * one asked for, else the kind all non-empty files share (boxes when none has a line).
     *
     * @throws ConversionException when no task type was asked for and the files hold several kinds
     */
    public static Survey survey(YoloOptions options) throws IOException, ConversionException {
        int poseValues = poseValues(options, kptShape(options.classes()));
        Map<YoloLabelKind, Integer> counts = new EnumMap<>(YoloLabelKind.class);
        Map<YoloLabelKind, String> example = new EnumMap<>(YoloLabelKind.class);
        int empty = 0;
        int unreadable = 0;
        for (String image : images(options)) {
            String label = PredictionsLayout.stem(image) + ".txt";
            if (options.labels().stat(label).isEmpty()) {
                continue;
            }
            YoloLabelKind kind = null;
            boolean blank = true;
            for (String line : lines(options, label)) {
                String stripped = line.strip();
                if (!stripped.isEmpty()) {
                    blank = false;
                    kind = YoloLabelKind.ofLine(stripped.split("\\s+").length, poseValues);
                    if (kind != null) {
                        break;
                    }
                }
            }
            if (blank) {
                empty++;
            } else if (kind == null) {
                unreadable++;
            } else {
                counts.merge(kind, 1, Integer::sum);
                example.putIfAbsent(kind, label);
            }
        }
        TaskType type;
        if (options.taskType().isPresent()) {
            type = options.taskType().get();
        } else if (counts.size() > 1) {
            throw new ConversionException("The label files hold "
                    + counts.keySet().stream()
                            .map(k -> k.plural() + " (" + example.get(k) + ")")
                            .collect(Collectors.joining(" and "))
                    + "; pass --task-type to say which to convert (files of the other kinds are then skipped).");
        } else {
            type = counts.isEmpty()
                    ? TaskType.OBJECT_DETECTION
                    : counts.keySet().iterator().next().taskType();
        }
        return new Survey(counts, empty, unreadable, type);
    }

    public static ConversionReport convert(YoloOptions options, PredictionsFolder out)
            throws IOException, ConversionException {
        TaskType type = options.taskType().isPresent()
                ? options.taskType().get()
                : survey(options).taskType();
        YoloLabelKind wanted = YoloLabelKind.of(type);
        if (wanted == null) {
            throw new ConversionException(
                    "YOLO labels convert into object-detection, instance-segmentation or keypoint-detection"
                            + " tasks, not " + type.wireName() + ".");
        }
        List<Category> categories = CategoryNames.read(options.classes());
        Optional<int[]> kptShape = kptShape(options.classes());
        if (wanted == YoloLabelKind.KEYPOINTS) {
            categories = withKeypoints(categories, kptShape, options);
        }
        LineReader reader = new LineReader(
                wanted,
                categories,
                poseValues(options, kptShape),
                kptShape.map(s -> s[1]).orElse(0),
                options.defaultScore());
        DiagnosticCollector diagnostics = new DiagnosticCollector();
        List<String> images = images(options);
        Set<String> imageStems = new HashSet<>();
        images.forEach(i -> imageStems.add(PredictionsLayout.stem(i)));
        for (String label : options.labels().list("")) {
            if (label.endsWith(".txt")
                    && !imageStems.contains(PredictionsLayout.stem(label))
                    && !label.equals("classes.txt")) {
                diagnostics.add(DiagnosticCode.YOLO_LABEL_WITHOUT_IMAGE.at(
                        label,
                        "",
                        "The label file has no image of the same name in "
                                + options.images().description() + "; it is ignored."));
            }
        }
        TaskSchema schema = new TaskSchema(type, categories);
        return PerSampleConversion.run(
                out,
                schema,
                images,
                image -> {
                    ImageSize size;
                    try {
                        size = ImageHeaders.read(options.images(), image);
                    } catch (MediaException e) {
                        diagnostics.add(DiagnosticCode.YOLO_IMAGE_UNREADABLE.at(
                                image, "", e.getMessage() + " It gets no prediction file."));
                        return null;
                    }
                    String label = PredictionsLayout.stem(image) + ".txt";
                    if (options.labels().stat(label).isEmpty()) {
                        return List.of();
                    }
                    return reader.read(label, lines(options, label), size, diagnostics);
                },
                diagnostics);
    }

    private static List<String> images(YoloOptions options) throws IOException {
        List<String> images = new ArrayList<>();
        for (String path : options.images().list("")) {
            if (MediaKind.of(path).filter(k -> k == MediaKind.IMAGE).isPresent() && !path.startsWith(".")) {
                images.add(path);
            }
        }
        return images;
    }

    private static String[] lines(YoloOptions options, String label) throws IOException {
        String text = TextInputs.utf8(options.labels().readAllBytes(label, MAX_LABEL_BYTES));
        return text.split("\r?\n", -1);
    }

    /**
     * {@code K × D}, the keypoint values of a pose line, or 0 when keypoints are not read (no kpt_shape, or polygons
     * asked for).
     */
    private static int poseValues(YoloOptions options, Optional<int[]> kptShape) {
        if (kptShape.isEmpty()
                || options.taskType()
                        .filter(t -> t != TaskType.KEYPOINT_DETECTION)
                        .isPresent()) {
            return 0;
        }
        return kptShape.get()[0] * kptShape.get()[1];
    }

    /** {@code kpt_shape: [K, D]} of a data.yaml, checked; empty for other class files or a data.yaml without it. */
    static Optional<int[]> kptShape(Path classes) throws IOException, ConversionException {
        String lower = classes.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".yaml") || lower.endsWith(".yml")) || !Files.isRegularFile(classes)) {
            return Optional.empty();
        }
        List<String> lines = TextInputs.read(classes).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("kpt_shape:")) {
                continue;
            }
            Matcher m = KPT_SHAPE.matcher(line);
            if (!m.matches()
                    || Integer.parseInt(m.group(1)) < 1
                    || !(m.group(2).equals("2") || m.group(2).equals("3"))) {
                throw new ConversionException(
                        "Line " + (i + 1) + " of " + classes + " is not of the form 'kpt_shape: [K, 2]' or"
                                + " 'kpt_shape: [K, 3]' (K keypoints of x, y and optionally visibility).");
            }
            return Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
        }
        return Optional.empty();
    }

    private static List<Category> withKeypoints(
            List<Category> categories, Optional<int[]> kptShape, YoloOptions options) throws ConversionException {
        if (kptShape.isEmpty()) {
            throw new ConversionException(
                    "A keypoint-detection task needs the number of keypoints: --classes must be the"
                            + " data.yaml with 'kpt_shape: [K, 2]' or 'kpt_shape: [K, 3]'.");
        }
        int k = kptShape.get()[0];
        List<String> names = options.keypointNames();
        if (names.isEmpty()) {
            names = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                names.add("keypoint_" + i);
            }
        } else if (names.size() != k) {
            throw new ConversionException("--keypoint-names names " + names.size() + " keypoints, but the kpt_shape of "
                    + options.classes() + " has " + k + ".");
        }
        List<Category> withNames = new ArrayList<>();
        for (Category c : categories) {
            withNames.add(new Category(c.id(), c.name(), c.supercategory(), names, List.of()));
        }
        return withNames;
    }

    /**
     * Turns the lines of one label file into singletons of the wanted kind. Stateless, shared by the writer threads.
     */
    static final class LineReader {
        private static final String[] BOX_FIELDS = {"x_center", "y_center", "width", "height"};
        private final YoloLabelKind wanted;
        private final Set<Integer> ids = new HashSet<>();
        private final String classRange;
        private final int poseValues;
        private final int keypointDims;
        private final double defaultScore;

        LineReader(
                YoloLabelKind wanted,
                List<Category> categories,
                int poseValues,
                int keypointDims,
                double defaultScore) {
            this.wanted = wanted;
            categories.forEach(c -> ids.add(c.id()));
            int max = categories.stream().mapToInt(Category::id).max().orElse(-1);
            this.classRange = max == categories.size() - 1
                    ? "names " + categories.size() + " classes (0 to " + max + ")"
                    : "has the class ids "
                            + categories.stream()
                                    .map(c -> Integer.toString(c.id()))
                                    .collect(Collectors.joining(", ")) + " only";
            this.poseValues = poseValues;
            this.keypointDims = keypointDims;
            this.defaultScore = defaultScore;
        }

        /** The singletons of a file; null (after a diagnostic) when the whole file is skipped. */
        @Nullable
        List<Singleton> read(String label, String[] lines, ImageSize size, DiagnosticCollector diagnostics) {
            List<Singleton> out = new ArrayList<>();
            YoloLabelKind fileKind = null;
            int firstLine = 0;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty()) {
                    continue;
                }
                int lineNumber = i + 1;
                String[] fields = line.split("\\s+");
                YoloLabelKind kind = YoloLabelKind.ofLine(fields.length, poseValues);
                if (kind != null && fileKind == null) {
                    fileKind = kind;
                    firstLine = lineNumber;
                    if (kind != wanted) {
                        report(
                                diagnostics,
                                label,
                                lineNumber,
                                DiagnosticCode.YOLO_WRONG_TASK_TYPE,
                                "The file holds " + kind.plural() + " (YOLO " + kind.yoloTask()
                                        + " labels; line " + lineNumber + " has " + fields.length
                                        + " values), but the task is "
                                        + wanted.taskType().wireName() + "; --task-type "
                                        + kind.taskType().wireName()
                                        + " converts them. The file is skipped.");
                        return null;
                    }
                } else if (kind != null && fileKind != null && kind != fileKind) {
                    report(
                            diagnostics,
                            label,
                            lineNumber,
                            DiagnosticCode.YOLO_MIXED_LABELS,
                            "Line " + lineNumber + " holds " + kind.plural() + " ("
                                    + fields.length + " values), but line " + firstLine + " holds " + fileKind.plural()
                                    + "; a label file holds one kind of label. The file is skipped.");
                    return null;
                }
                if (kind == null) {
                    report(
                            diagnostics,
                            label,
                            lineNumber,
                            DiagnosticCode.YOLO_LINE_INVALID,
                            "Line " + lineNumber + " has " + fields.length + " values; expected " + expected()
                                    + ". The line is skipped.");
                    continue;
                }
                Singleton s = parse(fields, label, lineNumber, size, diagnostics);
                if (s != null) {
                    out.add(s);
                }
            }
            return out;
        }

        private String expected() {
            return switch (wanted) {
                case BOXES -> "'class x_center y_center width height [confidence]'";
                case POLYGONS -> "'class x1 y1 x2 y2 x3 y3 ... [confidence]' (a polygon of 3 points or more)";
                case KEYPOINTS ->
                    "'class x_center y_center width height' followed by " + poseValues / keypointDims + " keypoints of "
                            + keypointDims + " values and an optional confidence (" + (5 + poseValues) + " or "
                            + (6 + poseValues)
                            + " values)";
            };
        }

        private @Nullable Singleton parse(
                String[] fields, String label, int lineNumber, ImageSize size, DiagnosticCollector diagnostics) {
            int cls;
            try {
                cls = Integer.parseInt(fields[0]);
            } catch (NumberFormatException e) {
                report(
                        diagnostics,
                        label,
                        lineNumber,
                        DiagnosticCode.YOLO_LINE_INVALID,
                        "Line " + lineNumber + " starts with '" + fields[0]
                                + "', which is not a class number. The line is skipped.");
                return null;
            }
            if (!ids.contains(cls)) {
                report(
                        diagnostics,
                        label,
                        lineNumber,
                        DiagnosticCode.YOLO_UNKNOWN_CLASS,
                        "Line " + lineNumber + " has class " + cls + ", but the classes" + " file " + classRange
                                + ". The line is skipped.");
                return null;
            }
            int n = fields.length - 1;
            boolean hasConfidence = switch (wanted) {
                case BOXES -> n == 5;
                case POLYGONS -> n % 2 == 1;
                case KEYPOINTS -> n == 5 + poseValues;
            };
            double[] v = new double[n];
            for (int k = 0; k < n; k++) {
                boolean confidence = hasConfidence && k == n - 1;
                boolean visibility = wanted == YoloLabelKind.KEYPOINTS
                        && !confidence
                        && k >= 4
                        && keypointDims == 3
                        && (k - 4) % 3 == 2;
                String name = confidence
                        ? "confidence"
                        : visibility
                                ? "keypoint visibility"
                                : wanted == YoloLabelKind.POLYGONS
                                        ? (k % 2 == 0 ? "x" : "y") + (k / 2 + 1)
                                        : k < 4
                                                ? BOX_FIELDS[k]
                                                : "keypoint " + ((k - 4) / keypointDims) + " "
                                                        + ((k - 4) % keypointDims == 0 ? "x" : "y");
                try {
                    v[k] = Double.parseDouble(fields[k + 1]);
                } catch (NumberFormatException e) {
                    v[k] = Double.NaN;
                }
                double max = visibility ? 2 : 1;
                if (!(v[k] >= 0 && v[k] <= max)) {
                    report(
                            diagnostics,
                            label,
                            lineNumber,
                            DiagnosticCode.YOLO_LINE_INVALID,
                            "Line " + lineNumber + " has the value " + fields[k + 1] + " for "
                                    + name + "; "
                                    + (visibility
                                            ? "a visibility is 0, 1 or 2, or a confidence from 0 to 1"
                                            : "YOLO values are fractions from 0 to 1"
                                                    + (confidence ? "" : " of the image size"))
                                    + ". The line is skipped.");
                    return null;
                }
            }
            double score = hasConfidence ? v[n - 1] : defaultScore;
            double w = size.width();
            double h = size.height();
            return switch (wanted) {
                case BOXES -> new Singleton.Detection(cls, box(v, w, h), score, Optional.empty());
                case POLYGONS -> polygon(cls, v, hasConfidence ? n - 1 : n, size, score);
                case KEYPOINTS -> {
                    int count = poseValues / keypointDims;
                    double[] kp = new double[3 * count];
                    for (int i = 0; i < count; i++) {
                        kp[3 * i] = v[4 + i * keypointDims] * w;
                        kp[3 * i + 1] = v[4 + i * keypointDims + 1] * h;
                        kp[3 * i + 2] = keypointDims == 3 ? Math.min(1, v[4 + i * keypointDims + 2]) : 1;
                    }
                    yield new Singleton.KeypointInstance(
                            cls, Keypoints.of(kp), score, Optional.of(box(v, w, h)), Optional.empty());
                }
            };
        }

        private static BoundingBox box(double[] v, double w, double h) {
            double x0 = clip((v[0] - v[2] / 2) * w, w);
            double x1 = clip((v[0] + v[2] / 2) * w, w);
            double y0 = clip((v[1] - v[3] / 2) * h, h);
            double y1 = clip((v[1] + v[3] / 2) * h, h);
            return new BoundingBox(x0, y0, x1 - x0, y1 - y0);
        }

        private static Singleton polygon(int cls, double[] v, int coordinates, ImageSize size, double score) {
            double[] xy = new double[coordinates];
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (int i = 0; i < coordinates; i += 2) {
                xy[i] = v[i] * size.width();
                xy[i + 1] = v[i + 1] * size.height();
                minX = Math.min(minX, xy[i]);
                maxX = Math.max(maxX, xy[i]);
                minY = Math.min(minY, xy[i + 1]);
                maxY = Math.max(maxY, xy[i + 1]);
            }
            RleMask mask = PolygonRasterizer.rasterize(List.of(xy), size.height(), size.width());
            return new Singleton.InstanceSegment(
                    cls, new BoundingBox(minX, minY, maxX - minX, maxY - minY), mask, score, Optional.empty());
        }

        private static double clip(double v, double max) {
            return Math.min(max, Math.max(0, v));
        }

        private static void report(
                DiagnosticCollector diagnostics, String file, int line, DiagnosticCode code, String message) {
            diagnostics.add(code.at(file, "", message).at(line, 1));
        }
    }
}
