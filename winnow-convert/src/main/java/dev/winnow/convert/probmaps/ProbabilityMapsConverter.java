package dev.winnow.convert.probmaps;

import dev.winnow.convert.CategoryNames;
import dev.winnow.convert.ConversionException;
import dev.winnow.convert.ConversionReport;
import dev.winnow.convert.ImagesByStem;
import dev.winnow.convert.PerSampleConversion;
import dev.winnow.convert.PredictionsFolder;
import dev.winnow.datasource.Datasource;
import dev.winnow.format.Category;
import dev.winnow.format.Singleton;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.format.validate.DiagnosticCollector;
import dev.winnow.media.ImageHeaders;
import dev.winnow.media.ImageSize;
import dev.winnow.media.MediaException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Converts one NumPy {@code .npy} probability map per image into a semantic-segmentation task with
 * {@link ProbabilityMaps}. A map's path mirrors its image's ({@code a/b/img.npy} ↔ {@code a/b/img.png});
 * with the images given the image is found by that path without extension and its header must
 * have the map's H×W, without them the sample is {@code a/b/img.png}. Channel {@code c} is the
 * {@code c}-th category of the categories file. Maps are memory-mapped and converted a few at a
 * time ({@link PredictionsFolder#WRITER_THREADS}), so memory stays bounded whatever their number.
 */
public final class ProbabilityMapsConverter {
    private ProbabilityMapsConverter() {}

    /** The inputs and the aggregation. */
    public record Options(
            Datasource maps,
            Optional<Datasource> images,
            Path categories,
            boolean channelsLast,
            ProbabilityMaps.Aggregation aggregation,
            boolean softmax) {
        public Options {
            Objects.requireNonNull(maps, "maps");
            images = images == null ? Optional.empty() : images;
            Objects.requireNonNull(categories, "categories");
            Objects.requireNonNull(aggregation, "aggregation");
        }
    }

    public static ConversionReport convert(Options options, PredictionsFolder out)
            throws IOException, ConversionException {
        List<Category> categories = CategoryNames.read(options.categories());
        int[] ids = categories.stream().mapToInt(Category::id).toArray();
        DiagnosticCollector diagnostics = new DiagnosticCollector();
        Map<String, String> imageByStem =
                options.images().isPresent() ? ImagesByStem.of(options.images().get()) : Map.of();
        Map<String, String> mapOf = new HashMap<>();
        List<String> samples = new ArrayList<>();
        for (String path : options.maps().list("")) {
            if (!path.endsWith(".npy")) {
                continue;
            }
            String stem = path.substring(0, path.length() - 4);
            String sample = options.images().isPresent() ? imageByStem.get(stem) : stem + ".png";
            if (sample == null) {
                diagnostics.add(DiagnosticCode.MAP_WITHOUT_IMAGE.at(
                        path,
                        "",
                        "The map has no image of the same name in "
                                + options.images().get().description() + "; it is ignored."));
                continue;
            }
            mapOf.put(sample, path);
            samples.add(sample);
        }
        TaskSchema schema = new TaskSchema(TaskType.SEMANTIC_SEGMENTATION, categories);
        return PerSampleConversion.run(
                out,
                schema,
                samples,
                sample -> {
                    String file = Objects.requireNonNull(mapOf.get(sample), "a listed sample has a map");
                    try {
                        NpyArray array = NpyArray.open(options.maps(), file);
                        ProbabilityMaps.ClassMap map = view(array, options.channelsLast(), ids.length);
                        if (options.images().isPresent()) {
                            ImageSize size = ImageHeaders.read(options.images().get(), sample);
                            if (size.width() != map.width() || size.height() != map.height()) {
                                throw new IllegalArgumentException("The map is " + map.width() + "x" + map.height()
                                        + " pixels (W x H)," + " but the image '" + sample + "' is " + size.width()
                                        + "x" + size.height() + ".");
                            }
                        }
                        List<Singleton> singletons = new ArrayList<>(
                                ProbabilityMaps.singletons(map, ids, options.aggregation(), options.softmax()));
                        return singletons;
                    } catch (IllegalArgumentException | MediaException e) {
                        diagnostics.add(
                                DiagnosticCode.MAP_INVALID.at(file, "", e.getMessage() + " The map is skipped."));
                        return null;
                    }
                },
                diagnostics);
    }

    /** The array as C×H×W, checking its rank and class count. */
    static ProbabilityMaps.ClassMap view(NpyArray array, boolean channelsLast, int categories) {
        int[] shape = array.shape();
        if (shape.length != 3) {
            throw new IllegalArgumentException("The array has shape " + NpyArray.describe(shape)
                    + "; a probability map has 3" + " dimensions, C x H x W (or H x W x C with --channels-last).");
        }
        int classes = channelsLast ? shape[2] : shape[0];
        int height = channelsLast ? shape[0] : shape[1];
        int width = channelsLast ? shape[1] : shape[2];
        if (classes != categories) {
            throw new IllegalArgumentException("The array has shape " + NpyArray.describe(shape) + ", so " + classes
                    + " classes" + (channelsLast ? " (last dimension)" : " (first dimension)")
                    + ", but the categories file names "
                    + categories + ".");
        }
        if (height == 0 || width == 0) {
            throw new IllegalArgumentException("The array has shape " + NpyArray.describe(shape) + ", an empty image.");
        }
        return new ProbabilityMaps.ClassMap() {
            @Override
            public int classes() {
                return classes;
            }

            @Override
            public int height() {
                return height;
            }

            @Override
            public int width() {
                return width;
            }

            @Override
            public float value(int c, int y, int x) {
                return channelsLast ? array.get(y, x, c) : array.get(c, y, x);
            }
        };
    }
}
