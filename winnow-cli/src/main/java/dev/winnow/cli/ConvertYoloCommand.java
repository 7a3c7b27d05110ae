package dev.winnow.cli;

import dev.winnow.convert.ConversionException;
import dev.winnow.convert.ConversionReport;
import dev.winnow.convert.yolo.YoloConverter;
import dev.winnow.convert.yolo.YoloOptions;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.Locations;
import dev.winnow.format.TaskType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
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
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:everything converted", "1:some lines or images were skipped",
                "2:wrong usage, or the classes file cannot be read", "3:reading or writing failed"})
public final class ConvertYoloCommand implements Callable<Integer> {
    @Mixin
    ConvertTarget target;

    @Option(names = "--labels", required = true, paramLabel = "DIR", description = "Folder of the .txt label files.")
    String labels;

    @Option(names = "--images", required = true, paramLabel = "DIR", description = "Folder of the images.")
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
        return ConvertTarget.run(spec.commandLine().getOut(), spec.commandLine().getErr(), new ConvertTarget.Conversion() {
            @Override
            public ConversionReport run() throws IOException, ConversionException {
                target.taskType(TaskType.OBJECT_DETECTION);
                Datasource imageSource = Locations.open(images);
                YoloOptions options = new YoloOptions(Locations.open(labels), imageSource, classes, defaultScore);
                return YoloConverter.convert(options, target.open(Optional.of(imageSource)));
            }

            @Override
            public String summary(ConversionReport report) {
                return target.summaryOf(report);
            }
        });
    }
}
