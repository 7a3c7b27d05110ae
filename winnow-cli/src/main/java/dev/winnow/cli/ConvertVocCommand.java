package dev.winnow.cli;

import dev.winnow.convert.voc.VocConverter;
import dev.winnow.convert.voc.VocOptions;
import dev.winnow.datasource.Datasource;
import dev.winnow.format.TaskType;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code winnow convert voc}: Pascal VOC XML files to an object-detection task. */
@Command(
        name = "voc",
        mixinStandardHelpOptions = true,
        description = {
            "Converts Pascal VOC XML annotation files (one per image) into an object-detection task.",
            "Category ids follow the sorted category names unless --categories fixes them."
        },
        exitCodeListHeading = ConvertTarget.EXIT_CODES_HEADING,
        exitCodeList = {
            ConvertTarget.EXIT_ALL_CONVERTED,
            "1:some files or objects were skipped, or nothing was converted",
            "2:wrong usage, or the categories file cannot be read",
            ConvertTarget.EXIT_IO_FAILED
        })
public final class ConvertVocCommand implements Callable<Integer> {
    @Mixin
    ConvertTarget target;

    @Option(names = "--annotations", required = true, paramLabel = "DIR", description = "Folder of the VOC .xml files.")
    String annotations;

    @Option(
            names = "--categories",
            paramLabel = "FILE",
            converter = FileLocation.Converter.class,
            description = "The categories, fixing their ids: " + ConvertTarget.CLASS_FORMS + ".")
    @Nullable
    FileLocation categories;

    @Option(
            names = "--images",
            paramLabel = "DIR",
            description = "The images, whose headers give the sizes (default: --input); the XML files name them.")
    @Nullable
    String images;

    @Option(
            names = "--default-score",
            paramLabel = "S",
            defaultValue = "1.0",
            description = "Score of every box (default: ${DEFAULT-VALUE}).")
    double defaultScore;

    @Option(
            names = "--task-type",
            paramLabel = "TYPE",
            description = "The task type written: object-detection (the only one; any other is refused).")
    String taskType;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return target.run(spec, () -> {
            ConvertTarget.taskType(taskType, "convert voc", TaskType.OBJECT_DETECTION);
            Datasource xmlSource = ConvertTarget.sourceFolder("--annotations", annotations);
            Optional<Datasource> imageSource = target.images("--images", images);
            VocOptions options =
                    new VocOptions(xmlSource, target.local(Optional.ofNullable(categories)), imageSource, defaultScore);
            return VocConverter.convert(options, target.open());
        });
    }
}
