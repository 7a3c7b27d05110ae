package dev.winnow.convert.coco;

import dev.winnow.datasource.Datasource;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link CocoExporter} reads and writes: the location holding {@code .lightly/predictions}, the
 * task, the COCO file to write, whether to write a results list instead of a dataset, a COCO
 * dataset file whose image ids, names and sizes to reuse, and the images (for names of files that
 * lack {@code file_name}, and for sizes).
 */
public record CocoExportOptions(
        Datasource predictions,
        String task,
        Path out,
        boolean results,
        Optional<Path> groundTruth,
        Optional<Datasource> images) {

    public CocoExportOptions {
        Objects.requireNonNull(predictions, "predictions");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(out, "out");
        groundTruth = groundTruth == null ? Optional.empty() : groundTruth;
        images = images == null ? Optional.empty() : images;
    }
}
