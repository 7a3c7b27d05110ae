package dev.winnow.convert.voc;

import dev.winnow.convert.CategoryNames;
import dev.winnow.convert.ConversionException;
import dev.winnow.convert.ConversionReport;
import dev.winnow.convert.PerSampleConversion;
import dev.winnow.convert.PredictionsFolder;
import dev.winnow.convert.SampleNames;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocationAccessException;
import dev.winnow.format.BoundingBox;
import dev.winnow.format.Category;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.Singleton;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.format.validate.DiagnosticCollector;
import dev.winnow.media.ImageHeaders;
import dev.winnow.media.ImageSize;
import dev.winnow.media.MediaException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Converts Pascal VOC XML files into an object-detection task.
 *
 * <p>Each XML file names one image by {@code <filename>}; the sample is that name in the XML's own
 * sub-folder ({@code 2008/a.xml} naming {@code a.jpg} → {@code 2008/a.jpg}). VOC pixel indices are
 * 1-based and inclusive, so the box of corners {@code (xmin, ymin)–(xmax, ymax)} covers the pixels
 * {@code [xmin - 1, ymin - 1, xmax - xmin + 1, ymax - ymin + 1]} in the format's 0-based
 * coordinates, clipped to the image. Category ids follow the sorted names found in all files
 * unless a categories file fixes them (then other names are reported and skipped). Sizes come
 * from the images' headers when the images are given, otherwise from {@code <size>}.
 */
public final class VocConverter {
    private static final long MAX_XML_BYTES = 16L << 20;

    private VocConverter() {}

    public static ConversionReport convert(VocOptions options, PredictionsFolder out)
            throws IOException, ConversionException {
        DiagnosticCollector diagnostics = new DiagnosticCollector();
        Datasource xmlSource = options.annotations();
        // First pass: parse every file (small) so the category names are known before ids are given.
        Map<String, VocXml> bySample = new LinkedHashMap<>();
        Map<String, String> xmlOf = new HashMap<>();
        for (String path : xmlSource.list("")) {
            if (!path.toLowerCase(Locale.ROOT).endsWith(".xml")) {
                continue;
            }
            VocXml xml;
            try {
                xml = VocXml.parse(xmlSource.readAllBytes(path, MAX_XML_BYTES));
            } catch (VocXml.DoctypeRefused e) {
                diagnostics.add(DiagnosticCode.VOC_DOCTYPE_REFUSED.at(path, "", e.getMessage()));
                continue;
            } catch (IllegalArgumentException e) {
                diagnostics.add(DiagnosticCode.VOC_FILE_INVALID.at(path, "", e.getMessage() + " The file is skipped."));
                continue;
            }
            int slash = path.lastIndexOf('/');
            String sample = (slash < 0 ? "" : path.substring(0, slash + 1)) + xml.fileName();
            Optional<String> problem = SampleNames.problem(sample);
            if (problem.isPresent()) {
                diagnostics.add(DiagnosticCode.VOC_FILE_INVALID.at(path, "", problem.get() + " The file is skipped."));
                continue;
            }
            if (xmlOf.containsKey(PredictionsLayout.stem(sample))) {
                diagnostics.add(DiagnosticCode.VOC_FILE_INVALID.at(
                        path,
                        "",
                        "The image '" + sample + "' is annotated by " + xmlOf.get(PredictionsLayout.stem(sample))
                                + " already; the file is skipped."));
                continue;
            }
            xmlOf.put(PredictionsLayout.stem(sample), path);
            bySample.put(sample, xml);
        }
        List<Category> categories = options.categories().isPresent()
                ? CategoryNames.read(options.categories().get())
                : sortedCategories(bySample.values());
        Map<String, Integer> ids = new HashMap<>();
        categories.forEach(c -> ids.put(c.name(), c.id()));
        List<String> samples = new ArrayList<>(bySample.keySet());
        return PerSampleConversion.run(
                out,
                new TaskSchema(TaskType.OBJECT_DETECTION, categories),
                samples,
                sample -> {
                    VocXml xml = Objects.requireNonNull(bySample.get(sample), "a listed sample has a file");
                    String file = Objects.requireNonNull(xmlOf.get(PredictionsLayout.stem(sample)));
                    int width = xml.width();
                    int height = xml.height();
                    if (options.images().isPresent()) {
                        try {
                            ImageSize size = ImageHeaders.read(options.images().get(), sample);
                            width = size.width();
                            height = size.height();
                        } catch (MediaException | IOException e) {
                            LocationAccessException.rethrowIfDenied(e);
                            diagnostics.add(DiagnosticCode.VOC_SIZE_UNKNOWN.at(
                                    file, "", e.getMessage() + " The file is skipped."));
                            return null;
                        }
                    }
                    if (width <= 0 || height <= 0) {
                        diagnostics.add(DiagnosticCode.VOC_SIZE_UNKNOWN.at(
                                file,
                                "",
                                "The file has no <size> with a width and height, and no"
                                        + " --images were given to read them from; the file is skipped."));
                        return null;
                    }
                    List<Singleton> boxes = new ArrayList<>();
                    for (VocXml.VocObject o : xml.objects()) {
                        if (o.problem() != null) {
                            diagnostics.add(DiagnosticCode.VOC_OBJECT_INVALID.at(
                                    file, "", o.problem() + " The object is skipped."));
                            continue;
                        }
                        Integer id = ids.get(o.name());
                        if (id == null) {
                            diagnostics.add(DiagnosticCode.VOC_UNKNOWN_CLASS.at(
                                    file,
                                    "",
                                    "Object " + o.index() + " is a '" + o.name()
                                            + "', which the categories file does not name; the object is skipped."));
                            continue;
                        }
                        double x0 = clip(o.xmin() - 1, width);
                        double y0 = clip(o.ymin() - 1, height);
                        double x1 = clip(o.xmax(), width);
                        double y1 = clip(o.ymax(), height);
                        boxes.add(new Singleton.Detection(
                                id,
                                new BoundingBox(x0, y0, x1 - x0, y1 - y0),
                                options.defaultScore(),
                                Optional.empty()));
                    }
                    return boxes;
                },
                diagnostics);
    }

    private static List<Category> sortedCategories(Iterable<VocXml> files) throws ConversionException {
        TreeSet<String> names = new TreeSet<>();
        for (VocXml xml : files) {
            for (VocXml.VocObject o : xml.objects()) {
                if (o.name() != null) {
                    names.add(o.name());
                }
            }
        }
        List<Category> categories = new ArrayList<>();
        for (String name : names) {
            categories.add(Category.of(categories.size(), name));
        }
        return categories;
    }

    private static double clip(double v, double max) {
        return Math.min(max, Math.max(0, v));
    }
}
