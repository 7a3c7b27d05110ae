package dev.winnow.convert.yolo;

import dev.winnow.convert.CategoryNames;
import dev.winnow.convert.ConversionException;
import dev.winnow.convert.ConversionReport;
import dev.winnow.format.validate.DiagnosticCollector;
import dev.winnow.convert.PerSampleConversion;
import dev.winnow.convert.PredictionsFolder;
import dev.winnow.convert.SampleNames;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.MediaKind;
import dev.winnow.format.BoundingBox;
import dev.winnow.format.Category;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.Singleton;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.media.ImageHeaders;
import dev.winnow.media.ImageSize;
import dev.winnow.media.MediaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Converts YOLO (v5 to v8) label files into an object-detection task.
 *
 * <p>Every image of the images location is a sample; its labels are {@code <same path>.txt} in the
 * labels location (an image without one gets an empty prediction file). Each line is
 * {@code class x_center y_center width height [confidence]}, coordinates as fractions of the image
 * size, which is read from the image's header. Boxes become pixels from the top-left corner and
 * are clipped to the image (rounding in training tools puts edges a hair outside). A missing
 * confidence becomes the default score. Bad lines are reported with their line number and
 * skipped; label files without an image are reported as warnings.
 */
public final class YoloConverter {
    private static final long MAX_LABEL_BYTES = 64L << 20;

    private YoloConverter() {
    }

    public static ConversionReport convert(YoloOptions options, PredictionsFolder out) throws IOException, ConversionException {
        List<Category> categories = CategoryNames.read(options.classes());
        int classCount = categories.size();
        DiagnosticCollector diagnostics = new DiagnosticCollector();
        List<String> images = new ArrayList<>();
        Set<String> imageStems = new HashSet<>();
        for (String path : options.images().list("")) {
            if (MediaKind.of(path).filter(k -> k == MediaKind.IMAGE).isPresent() && !path.startsWith(".")) {
                images.add(path);
                imageStems.add(PredictionsLayout.stem(path));
            }
        }
        for (String label : options.labels().list("")) {
            if (label.endsWith(".txt") && !imageStems.contains(PredictionsLayout.stem(label)) && !label.equals("classes.txt")) {
                diagnostics.add(DiagnosticCode.YOLO_LABEL_WITHOUT_IMAGE.at(label, "", "The label file has no image of the same name in "
                        + options.images().description() + "; it is ignored."));
            }
        }
        TaskSchema schema = new TaskSchema(TaskType.OBJECT_DETECTION, categories);
        return PerSampleConversion.run(out, schema, images, image -> {
            ImageSize size;
            try {
                size = ImageHeaders.read(options.images(), image);
            } catch (MediaException e) {
                diagnostics.add(DiagnosticCode.YOLO_IMAGE_UNREADABLE.at(image, "", e.getMessage() + " It gets no prediction file."));
                return null;
            }
            String label = PredictionsLayout.stem(image) + ".txt";
            if (options.labels().stat(label).isEmpty()) {
                return List.of();
            }
            String text = new String(options.labels().readAllBytes(label, MAX_LABEL_BYTES), StandardCharsets.UTF_8);
            return parse(label, text, size, classCount, options.defaultScore(), diagnostics);
        }, diagnostics);
    }

    static List<Singleton> parse(String label, String text, ImageSize size, int classCount, double defaultScore,
                                 DiagnosticCollector diagnostics) {
        List<Singleton> boxes = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int lineNumber = i + 1;
            String[] fields = line.split("\\s+");
            if (fields.length != 5 && fields.length != 6) {
                report(diagnostics, label, lineNumber, DiagnosticCode.YOLO_LINE_INVALID, "Line " + lineNumber + " has " + fields.length + " values; expected"
                        + " 'class x_center y_center width height [confidence]'. The line is skipped.");
                continue;
            }
            int cls;
            try {
                cls = Integer.parseInt(fields[0]);
            } catch (NumberFormatException e) {
                report(diagnostics, label, lineNumber, DiagnosticCode.YOLO_LINE_INVALID, "Line " + lineNumber + " starts with '" + fields[0]
                        + "', which is not a class number. The line is skipped.");
                continue;
            }
            if (cls < 0 || cls >= classCount) {
                report(diagnostics, label, lineNumber, DiagnosticCode.YOLO_UNKNOWN_CLASS, "Line " + lineNumber + " has class " + cls + ", but the classes"
                        + " file names " + classCount + " classes (0 to " + (classCount - 1) + "). The line is skipped.");
                continue;
            }
            double[] v = new double[fields.length - 1];
            String problem = null;
            String[] names = {"x_center", "y_center", "width", "height", "confidence"};
            for (int k = 0; k < v.length && problem == null; k++) {
                try {
                    v[k] = Double.parseDouble(fields[k + 1]);
                } catch (NumberFormatException e) {
                    v[k] = Double.NaN;
                }
                if (!(v[k] >= 0 && v[k] <= 1)) {
                    problem = "Line " + lineNumber + " has the value " + fields[k + 1] + " for " + names[k] + "; YOLO values"
                            + " are fractions from 0 to 1" + (k < 4 ? " of the image size" : "") + ". The line is skipped.";
                }
            }
            if (problem != null) {
                report(diagnostics, label, lineNumber, DiagnosticCode.YOLO_LINE_INVALID, problem);
                continue;
            }
            double w = size.width();
            double h = size.height();
            double x0 = clip((v[0] - v[2] / 2) * w, w);
            double x1 = clip((v[0] + v[2] / 2) * w, w);
            double y0 = clip((v[1] - v[3] / 2) * h, h);
            double y1 = clip((v[1] + v[3] / 2) * h, h);
            double score = v.length == 5 ? v[4] : defaultScore;
            boxes.add(new Singleton.Detection(cls, new BoundingBox(x0, y0, x1 - x0, y1 - y0), score, Optional.empty()));
        }
        return boxes;
    }

    private static double clip(double v, double max) {
        return Math.min(max, Math.max(0, v));
    }

    private static void report(DiagnosticCollector diagnostics, String file, int line, DiagnosticCode code, String message) {
        diagnostics.add(code.at(file, "", message).at(line, 1));
    }
}
