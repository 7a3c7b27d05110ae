package dev.winnow.cli;

import dev.winnow.convert.ConversionException;
import dev.winnow.convert.yolo.YoloConverter;
import dev.winnow.convert.yolo.YoloOptions;
import dev.winnow.datasource.Datasource;
import dev.winnow.format.TaskType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code winnow convert yolo}: YOLO detection, segmentation or pose label files to a task. */
@Command(
        name = "yolo",
        mixinStandardHelpOptions = true,
        description = {
            "Converts YOLO (v5-11) label files, coordinates as fractions of the image size: boxes"
                    + " 'class x_center y_center width height [confidence]' into object-detection, "
                    + "segmentation polygons"
                    + " 'class x1 y1 x2 y2 x3 y3 ... [confidence]' into instance-segmentation (filled as "
                    + "COCO's tools fill them),"
                    + " pose labels 'class x_center y_center width height' and keypoints 'x y "
                    + "[visibility]' into keypoint-detection"
                    + " (the number of keypoints from kpt_shape in the data.yaml).",
            "Every image is a sample; its labels are the .txt of the same path under --labels. Sizes "
                    + "come from the image headers."
                    + " The kind of each label file is told from its lines and reported; a file mixing "
                    + "kinds, or of a kind"
                    + " other than the task's, is skipped."
        },
        exitCodeListHeading = ConvertTarget.EXIT_CODES_HEADING,
        exitCodeList = {
            ConvertTarget.EXIT_ALL_CONVERTED,
            "1:some lines, files or images were skipped, or nothing was converted",
            "2:wrong usage, or the classes file cannot be read",
            ConvertTarget.EXIT_IO_FAILED
        })
public final class ConvertYoloCommand implements Callable<Integer> {
    @Mixin
    ConvertTarget target;

    @Option(names = "--labels", required = true, paramLabel = "DIR", description = "Folder of the .txt label files.")
    String labels;

    @Option(
            names = "--images",
            paramLabel = "DIR",
            description = "Folder of the images (default: the --input datasource).")
    @Nullable
    String images;

    @Option(
            names = "--classes",
            converter = FileLocation.Converter.class,
            required = true,
            paramLabel = "FILE",
            description = "The classes: " + ConvertTarget.CLASS_FORMS
                    + ". Pose labels need the data.yaml, for its kpt_shape.")
    FileLocation classes;

    @Option(
            names = "--task-type",
            paramLabel = "TYPE",
            description = "The task type written: object-detection,"
                    + " instance-segmentation or keypoint-detection (default: the kind the label files hold).")
    @Nullable
    String taskType;

    @Option(
            names = "--keypoint-names",
            paramLabel = "A,B,...",
            split = ",",
            description = "Names of the keypoints of pose labels, in order (default: keypoint_0, keypoint_1, ...).")
    @Nullable
    List<String> keypointNames;

    @Option(
            names = "--default-score",
            paramLabel = "S",
            defaultValue = "1.0",
            description = "Score of labels without a confidence (default: ${DEFAULT-VALUE}).")
    double defaultScore;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return target.run(spec, () -> {
            Optional<TaskType> type = taskType == null
                    ? Optional.empty()
                    : Optional.of(ConvertTarget.taskType(
                            taskType,
                            "convert yolo",
                            TaskType.OBJECT_DETECTION,
                            TaskType.INSTANCE_SEGMENTATION,
                            TaskType.KEYPOINT_DETECTION));
            Datasource labelSource = ConvertTarget.sourceFolder("--labels", labels);
            Datasource imageSource = target.images("--images", images)
                    .orElseThrow(() ->
                            new ConversionException("YOLO labels need their images: give the folder with --images, or "
                                    + "the datasource with --input."));
            List<String> names = keypointNames == null
                    ? List.of()
                    : Arrays.stream(keypointNames.toArray(String[]::new))
                            .map(String::strip)
                            .toList();
            Path classesFile = target.local(classes);
            YoloOptions asked = new YoloOptions(labelSource, imageSource, classesFile, defaultScore, type, names);
            YoloConverter.Survey survey = YoloConverter.survey(asked);
            spec.commandLine().getOut().println(survey.describe());
            YoloOptions options = new YoloOptions(
                    asked.labels(), imageSource, classesFile, defaultScore, Optional.of(survey.taskType()), names);
            return YoloConverter.convert(options, target.open());
        });
    }
}
