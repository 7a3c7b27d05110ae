package dev.winnow.cli;

import dev.winnow.convert.coco.CocoConverter;
import dev.winnow.convert.coco.CocoOptions;
import dev.winnow.datasource.Datasource;
import dev.winnow.format.TaskType;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code winnow convert coco}: a COCO dataset or results file to a task. */
@Command(
        name = "coco",
        mixinStandardHelpOptions = true,
        description = {
            "Converts a COCO dataset file or a COCO results list.",
            "Boxes give object-detection; polygons or RLE give instance- or semantic-segmentation; keypoints give "
                    + "keypoint-detection. Annotations that cannot be converted are reported and skipped."
        },
        exitCodeListHeading = ConvertTarget.EXIT_CODES_HEADING,
        exitCodeList = {
            ConvertTarget.EXIT_ALL_CONVERTED,
            "1:some annotations or images were skipped, or nothing was converted",
            "2:wrong usage, or the input is not a COCO file",
            ConvertTarget.EXIT_IO_FAILED
        })
public final class ConvertCocoCommand implements Callable<Integer> {
    @Mixin
    ConvertTarget target;

    @Option(
            names = "--annotations",
            required = true,
            paramLabel = "FILE",
            converter = FileLocation.Converter.class,
            description = "COCO dataset or results file (a path or an object in a bucket).")
    FileLocation annotations;

    @Option(
            names = "--coco-gt",
            paramLabel = "FILE",
            converter = FileLocation.Converter.class,
            description = "The dataset file naming images and categories, when --annotations is a results list.")
    @Nullable
    FileLocation groundTruth;

    @Option(
            names = "--images",
            paramLabel = "DIR",
            description =
                    "The folder the COCO file names are relative to, to read sizes the file lacks (default: --input).")
    @Nullable
    String images;

    @Option(
            names = "--default-score",
            paramLabel = "S",
            defaultValue = "1.0",
            description = "Score of annotations without one (default: ${DEFAULT-VALUE}, a label is certain).")
    double defaultScore;

    @Option(
            names = "--task-type",
            paramLabel = "TYPE",
            description = "The task type written: object-detection (default),"
                    + " instance-segmentation, semantic-segmentation or keypoint-detection.")
    String taskType;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return target.run(spec, () -> {
            TaskType type = ConvertTarget.taskType(
                    taskType,
                    "convert coco",
                    TaskType.OBJECT_DETECTION,
                    TaskType.INSTANCE_SEGMENTATION,
                    TaskType.SEMANTIC_SEGMENTATION,
                    TaskType.KEYPOINT_DETECTION);
            Optional<Datasource> imageSource = target.images("--images", images);
            Optional<Path> groundTruthFile = target.local(Optional.ofNullable(groundTruth));
            CocoOptions options =
                    new CocoOptions(target.local(annotations), groundTruthFile, imageSource, type, defaultScore);
            return CocoConverter.convert(options, target.open());
        });
    }
}
