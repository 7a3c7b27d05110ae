package dev.winnow.run;

import dev.winnow.format.BoundingBox;
import dev.winnow.format.Category;
import dev.winnow.format.TaskSchema;
import dev.winnow.media.Crop;
import dev.winnow.media.ImageSize;
import dev.winnow.report.CropThumbnail;
import dev.winnow.report.Thumbnail;
import dev.winnow.report.ThumbnailRenderer;
import dev.winnow.run.output.RunOutputs;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Writes the selected crops of an object-level run as PNG files under {@code crops/<task>/} of the
 * run folder ({@code crops/detections/street/home-detections-3.png}), cut again from their parents
 * decoded as for embedding, and makes the report's thumbnails of the first ones.
 */
final class CropFiles {
    private final RunFolder folder;
    private final SampleDecoding decoding;
    private final String task;
    private final double padding;
    private final TaskSchema schema;

    CropFiles(RunFolder folder, SampleDecoding decoding, String task, double padding, TaskSchema schema) {
        this.folder = folder;
        this.decoding = decoding;
        this.task = task;
        this.padding = padding;
        this.schema = schema;
    }

    /** The crop's PNG file, relative to the run folder. */
    String file(CropStage.CropSample crop) {
        return "crops/" + task + "/" + crop.name() + ".png";
    }

    /**
     * Writes every crop of {@code selected}; returns thumbnails of the first {@code thumbnails} of them, in selection
     * order.
     */
    List<CropThumbnail> write(List<CropStage.CropSample> selected, int thumbnails) throws IOException {
        Map<String, List<CropStage.CropSample>> byParent = new LinkedHashMap<>();
        Map<String, RunSample> parents = new LinkedHashMap<>();
        Set<String> thumbnailed = new HashSet<>();
        for (int k = 0; k < selected.size(); k++) {
            CropStage.CropSample crop = selected.get(k);
            byParent.computeIfAbsent(crop.parent().name(), p -> new ArrayList<>())
                    .add(crop);
            parents.putIfAbsent(crop.parent().name(), crop.parent());
            if (k < thumbnails) {
                thumbnailed.add(crop.name());
            }
        }
        Map<String, Map<String, Thumbnail>> rendered =
                decoding.map(new ArrayList<>(parents.values()), CropStage.SOURCE_SIDE, (parent, image) -> {
                    Map<String, Thumbnail> pictures = new HashMap<>();
                    for (CropStage.CropSample crop : Objects.requireNonNull(byParent.get(parent.name()))) {
                        BoundingBox box = CropStage.boxOf(crop.singleton()).orElseThrow();
                        BufferedImage pixels = Crop.cut(image, box, padding);
                        folder.write(file(crop), png(pixels));
                        if (thumbnailed.contains(crop.name())) {
                            ImageSize size = new ImageSize(pixels.getWidth(), pixels.getHeight());
                            pictures.put(crop.name(), ThumbnailRenderer.render(crop.name(), pixels, size, List.of()));
                        }
                    }
                    return pictures;
                });
        List<CropThumbnail> result = new ArrayList<>();
        for (CropStage.CropSample crop : selected.subList(0, Math.min(thumbnails, selected.size()))) {
            Map<String, Thumbnail> pictures = rendered.get(crop.parent().name());
            Thumbnail picture = pictures == null ? null : pictures.get(crop.name());
            if (picture != null) {
                RunOutputs.SelectedCrop row = row(crop, schema);
                result.add(new CropThumbnail(
                        crop.name(), crop.parent().name(), row.category(), row.score(), file(crop), picture));
            }
        }
        return result;
    }

    /** The crop's line of {@code selected_crops.csv}: the prediction's own box (unpadded), category name and score. */
    static RunOutputs.SelectedCrop row(CropStage.CropSample crop, TaskSchema schema) {
        BoundingBox box = CropStage.boxOf(crop.singleton()).orElseThrow();
        int id = crop.singleton().categoryId();
        String category = schema.categories().stream()
                .filter(c -> c.id() == id)
                .map(Category::name)
                .findFirst()
                .orElse(Integer.toString(id));
        return new RunOutputs.SelectedCrop(
                crop.name(),
                crop.parent().name(),
                box.x(),
                box.y(),
                box.width(),
                box.height(),
                category,
                crop.singleton().optionalScore().orElse(Double.NaN));
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("No PNG writer is available to write crops.");
        }
        return out.toByteArray();
    }
}
