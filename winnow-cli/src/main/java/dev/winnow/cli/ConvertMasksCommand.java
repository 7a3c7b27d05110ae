package dev.winnow.cli;

import dev.winnow.convert.masks.MasksConverter;
import dev.winnow.datasource.Datasource;
import dev.winnow.format.TaskType;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code winnow convert masks}: semantic-segmentation mask PNGs to a semantic-segmentation task. */
@Command(
        name = "masks",
        mixinStandardHelpOptions = true,
        description = {
            "Converts semantic-segmentation mask PNGs (one class per pixel) into one singleton per class present.",
            "Grey and palette PNGs hold class indices; colour PNGs need --palette with a colour per class.",
            "Pixels of index 255 (Pascal VOC's void border) belong to no class unless --ignore-index says otherwise."
        },
        exitCodeListHeading = ConvertTarget.EXIT_CODES_HEADING,
        exitCodeList = {
            ConvertTarget.EXIT_ALL_CONVERTED,
            "1:some masks were skipped, or nothing was converted",
            "2:wrong usage, or the palette file cannot be read",
            ConvertTarget.EXIT_IO_FAILED
        })
public final class ConvertMasksCommand implements Callable<Integer> {
    @Mixin
    ConvertTarget target;

    @Option(names = "--masks", required = true, paramLabel = "DIR", description = "Folder of the mask PNGs.")
    String masks;

    @Option(
            names = "--palette",
            paramLabel = "FILE",
            converter = FileLocation.Converter.class,
            description = "Lines '<id> <name>' or '<id> <name> <r> <g> <b>' naming the classes (and their "
                    + "colours), or a task's schema.json, a JSON list [{\"id\": 0, \"name\": \"road\"}, ...] or a "
                    + "JSON mapping {\"0\": \"road\", ...}.")
    @Nullable
    FileLocation palette;

    @Option(
            names = "--images",
            paramLabel = "DIR",
            description = "The images: masks are matched to them by path without extension and must have their size"
                    + " (default: --input; without either, each mask is its own sample).")
    @Nullable
    String images;

    @Option(
            names = "--task-type",
            paramLabel = "TYPE",
            description = "The task type written: semantic-segmentation (the only one; any other is refused).")
    @Nullable
    String taskType;

    @Option(
            names = "--ignore-index",
            paramLabel = "N|none",
            defaultValue = "255",
            description = "Class index whose pixels belong to no class (default: ${DEFAULT-VALUE}, the void "
                    + "border of Pascal VOC masks, which its evaluation and common training tools ignore); none "
                    + "keeps every index as a class.")
    String ignoreIndex;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private OptionalInt ignored() {
        if (ignoreIndex.equalsIgnoreCase("none")) {
            return OptionalInt.empty();
        }
        try {
            int index = Integer.parseInt(ignoreIndex);
            if (index >= 0) {
                return OptionalInt.of(index);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(
                "--ignore-index takes a class index (a whole number from 0) or none, not '" + ignoreIndex + "'.");
    }

    @Override
    public Integer call() {
        return target.run(spec, () -> {
            ConvertTarget.taskType(taskType, "convert masks", TaskType.SEMANTIC_SEGMENTATION);
            Datasource maskSource = ConvertTarget.sourceFolder("--masks", masks);
            Optional<Datasource> imageSource =
                    images != null || target.input != null ? target.images("--images", images) : Optional.empty();
            if (imageSource.isEmpty()) {
                target.images("--masks", masks); // each mask is its own sample, named inside the masks folder
            }
            MasksConverter.Options options = new MasksConverter.Options(
                    maskSource, target.local(Optional.ofNullable(palette)), imageSource, ignored());
            return MasksConverter.convert(options, target.open());
        });
    }
}
