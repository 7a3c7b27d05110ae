package dev.winnow.convert.masks;

import dev.winnow.convert.ConversionException;
import dev.winnow.convert.ConversionReport;
import dev.winnow.convert.ImagesByStem;
import dev.winnow.convert.PerSampleConversion;
import dev.winnow.convert.PredictionsFolder;
import dev.winnow.datasource.Datasource;
import dev.winnow.format.Category;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.RleMask;
import dev.winnow.format.Singleton;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import dev.winnow.format.rle.LabelMap;
import dev.winnow.format.validate.DiagnosticCode;
import dev.winnow.format.validate.DiagnosticCollector;
import dev.winnow.media.ImageHeaders;
import dev.winnow.media.ImageSize;
import dev.winnow.media.MediaException;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;

/**
 * Converts semantic-segmentation mask images into a semantic-segmentation task: every PNG under
 * the masks folder holds one class per pixel, and each class present becomes one singleton with
 * its row-major mask and score 1.
 *
 * <p>Pixel values: in a grey or palette PNG the value (the palette index, not its colour) is the
 * class id; in a colour PNG the palette file maps each colour to its class. Without a palette file
 * the categories are {@code class_<id>} for every id found. Pixels of the ignore index (by default
 * 255, VOC's void border) belong to no category. With the images given, masks are
 * matched to images by path without extension ({@code a/b.png} ↔ {@code a/b.jpg}) and must have the
 * image's size; without them the mask's own path is the sample name.
 */
public final class MasksConverter {
    private MasksConverter() {}

    /** The value of void pixels in Pascal VOC's class masks, ignored by its evaluation and by common training tools. */
    public static final int VOC_VOID = 255;

    /**
     * The inputs: mask folder, optional palette file, optional images, and the class index whose
     * pixels belong to no category (empty: every index is a class).
     */
    public record Options(
            Datasource masks, Optional<Path> palette, Optional<Datasource> images, OptionalInt ignoreIndex) {
        public Options {
            Objects.requireNonNull(masks, "masks");
            palette = palette == null ? Optional.empty() : palette;
            images = images == null ? Optional.empty() : images;
            ignoreIndex = ignoreIndex == null ? OptionalInt.empty() : ignoreIndex;
        }

        /** With VOC's void value, 255, ignored. */
        public Options(Datasource masks, Optional<Path> palette, Optional<Datasource> images) {
            this(masks, palette, images, OptionalInt.of(VOC_VOID));
        }
    }

    public static ConversionReport convert(Options options, PredictionsFolder out)
            throws IOException, ConversionException {
        @Nullable
        MaskPalette palette = options.palette().isPresent()
                ? MaskPalette.read(options.palette().get())
                : null;
        if (palette != null && options.ignoreIndex().isPresent()) {
            int ignored = options.ignoreIndex().getAsInt();
            if (palette.categories().stream().anyMatch(c -> c.id() == ignored)) {
                throw new ConversionException(
                        "The palette file " + options.palette().get() + " names class " + ignored
                                + ", whose pixels are ignored (--ignore-index " + ignored
                                + "); pass --ignore-index none to keep it as a"
                                + " class, or leave it out of the palette.");
            }
        }
        DiagnosticCollector diagnostics = new DiagnosticCollector();
        Map<String, String> imageByStem =
                options.images().isPresent() ? ImagesByStem.of(options.images().get()) : Map.of();
        Map<String, String> maskOf = new HashMap<>();
        List<String> samples = new ArrayList<>();
        for (String mask : options.masks().list("")) {
            if (!mask.toLowerCase(Locale.ROOT).endsWith(".png")) {
                continue;
            }
            String sample = mask;
            if (options.images().isPresent()) {
                sample = imageByStem.get(PredictionsLayout.stem(mask));
                if (sample == null) {
                    diagnostics.add(DiagnosticCode.MASK_WITHOUT_IMAGE.at(
                            mask,
                            "",
                            "The mask has no image of the same name in "
                                    + options.images().get().description() + "; it is ignored."));
                    continue;
                }
            }
            maskOf.put(sample, mask);
            samples.add(sample);
        }
        ConcurrentSkipListSet<Integer> seen = new ConcurrentSkipListSet<>();
        return PerSampleConversion.run(
                out,
                () -> schema(palette, seen),
                samples,
                sample -> {
                    String mask = Objects.requireNonNull(maskOf.get(sample), "a listed sample has a mask");
                    BufferedImage image;
                    try (InputStream in = options.masks().open(mask)) {
                        image = ImageIO.read(in);
                    }
                    if (image == null) {
                        diagnostics.add(DiagnosticCode.MASK_UNREADABLE.at(
                                mask, "", "The file is not a PNG image Winnow can read; it is skipped."));
                        return null;
                    }
                    if (options.images().isPresent()) {
                        try {
                            ImageSize size = ImageHeaders.read(options.images().get(), sample);
                            if (size.width() != image.getWidth() || size.height() != image.getHeight()) {
                                diagnostics.add(DiagnosticCode.MASK_SIZE_MISMATCH.at(
                                        mask,
                                        "",
                                        "The mask is " + image.getWidth() + "x" + image.getHeight()
                                                + " pixels, but its image '" + sample + "' is " + size.width() + "x"
                                                + size.height()
                                                + "; it is skipped."));
                                return null;
                            }
                        } catch (MediaException e) {
                            diagnostics.add(DiagnosticCode.MASK_SIZE_MISMATCH.at(
                                    mask, "", e.getMessage() + " The mask is skipped."));
                            return null;
                        }
                    }
                    int[] labels = labels(image, palette, mask, diagnostics);
                    if (labels == null) {
                        return null;
                    }
                    List<Singleton> singletons = new ArrayList<>();
                    for (Map.Entry<Integer, RleMask> e : LabelMap.masks(labels).entrySet()) {
                        if (options.ignoreIndex().isPresent()
                                && e.getKey() == options.ignoreIndex().getAsInt()) {
                            continue;
                        }
                        if (palette != null && palette.categories().stream().noneMatch(c -> c.id() == e.getKey())) {
                            diagnostics.add(DiagnosticCode.MASK_UNKNOWN_CLASS.at(
                                    mask,
                                    "",
                                    "The mask has pixels of class " + e.getKey()
                                            + ", which the palette file does not name; it is skipped."));
                            return null;
                        }
                        seen.add(e.getKey());
                        singletons.add(new Singleton.SemanticSegment(e.getKey(), e.getValue(), 1.0, Optional.empty()));
                    }
                    return singletons;
                },
                diagnostics);
    }

    private static TaskSchema schema(@Nullable MaskPalette palette, Set<Integer> seen) {
        if (palette != null) {
            return new TaskSchema(TaskType.SEMANTIC_SEGMENTATION, palette.categories());
        }
        List<Category> categories = new ArrayList<>();
        for (int id : seen) {
            categories.add(Category.of(id, "class_" + id));
        }
        return new TaskSchema(TaskType.SEMANTIC_SEGMENTATION, categories);
    }

    /** The class of every pixel, row-major; null after a diagnostic when a colour is not in the palette. */
    private static int @Nullable [] labels(
            BufferedImage image, @Nullable MaskPalette palette, String mask, DiagnosticCollector diagnostics) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] labels = new int[w * h];
        Raster raster = image.getRaster();
        if (palette == null || !palette.hasColours()) {
            if (raster.getNumBands() != 1) {
                diagnostics.add(DiagnosticCode.MASK_UNREADABLE.at(
                        mask,
                        "",
                        "The mask has " + raster.getNumBands() + " colour channels; a"
                                + " mask of class indices has one (grey or palette), and a colour mask "
                                + "needs a palette file with colours."
                                + " It is skipped."));
                return null;
            }
            // For a palette image the raster holds the palette indices, which are the classes.
            int[] samples = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, samples);
                System.arraycopy(samples, 0, labels, y * w, w);
            }
            return labels;
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                Integer id = palette.idByColour().get(row[x] & 0xFFFFFF);
                if (id == null) {
                    int rgb = row[x];
                    diagnostics.add(DiagnosticCode.MASK_UNKNOWN_CLASS.at(
                            mask,
                            "",
                            "The pixel at x=" + x + ", y=" + y + " has the colour ("
                                    + ((rgb >> 16) & 255) + ", " + ((rgb >> 8) & 255) + ", " + (rgb & 255)
                                    + "), which the palette file does not map to a class; the mask is skipped."));
                    return null;
                }
                labels[y * w + x] = id;
            }
        }
        return labels;
    }
}
