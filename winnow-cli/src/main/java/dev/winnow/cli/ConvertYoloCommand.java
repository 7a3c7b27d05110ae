package dev.winnow.cli;

import dev.winnow.convert.yolo.YoloConverter;
import dev.winnow.convert.yolo.YoloOptions;
import dev.winnow.datasource.Datasource;
import dev.winnow.convert.ConversionException;
import dev.winnow.format.TaskType;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code winnow convert yolo}: YOLO label files to an object-detection task. */
@Command(name = "yolo",
        mixinStandardHelpOptions = true,
        description = {"Converts YOLO (v5-v8) label files, one line 'class x_center y_center width height [confidence]' per box,"
                + " coordinates as fractions of the image size.",
                "Every image is a sample; its labels are the .txt of the same path under --labels. Sizes come from the image headers."},
        exitCodeListHeading = ConvertTarget.EXIT_CODES_HEADING,
        exitCodeList = {ConvertTarget.EXIT_ALL_CONVERTED,
                "1:some lines or images were skipped, or nothing was converted",
                "2:wrong usage, or the classes file cannot be read", ConvertTarget.EXIT_IO_FAILED})
public final class ConvertYoloCommand implements Callable<Integer> {
    @Mixin
    ConvertTarget target;

    @Option(names = "--labels", required = true, paramLabel = "DIR", description = "Folder of the .txt label files.")
    String labels;

    @Option(names = "--images", paramLabel = "DIR", description = "Folder of the images (default: the --input datasource).")
    String images;

    @Option(names = "--classes", required = true, paramLabel = "FILE", description = "classes.txt or data.yaml naming the classes.")
    Path classes;

    @Option(names = "--default-score", paramLabel = "S", defaultValue = "1.0",
            description = "Score of boxes without a confidence (default: ${DEFAULT-VALUE}).")
    double defaultScore;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return target.run(spec, () -> {
            target.taskType(TaskType.OBJECT_DETECTION);
            Datasource labelSource = ConvertTarget.folder("--labels", labels);
            Datasource imageSource = target.images("--images", images).orElseThrow(() -> new ConversionException(
                    "YOLO labels need their images: give the folder with --images, or the datasource with --input."));
            YoloOptions options = new YoloOptions(labelSource, imageSource, classes, defaultScore);
            return YoloConverter.convert(options, target.open());
        });
    }
}
