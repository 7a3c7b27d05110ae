package dev.winnow.cli;

import dev.winnow.convert.ConversionException;
import dev.winnow.convert.ConversionReport;
import dev.winnow.convert.voc.VocConverter;
import dev.winnow.convert.voc.VocOptions;
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

/** {@code winnow convert voc}: Pascal VOC XML files to an object-detection task. */
@Command(name = "voc",
        mixinStandardHelpOptions = true,
        description = {"Converts Pascal VOC XML annotation files (one per image) into an object-detection task.",
                "Category ids follow the sorted category names unless --categories fixes them."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:everything converted", "1:some files or objects were skipped",
                "2:wrong usage, or the categories file cannot be read", "3:reading or writing failed"})
public final class ConvertVocCommand implements Callable<Integer> {
    @Mixin
    ConvertTarget target;

    @Option(names = "--annotations", required = true, paramLabel = "DIR", description = "Folder of the VOC .xml files.")
    String annotations;

    @Option(names = "--categories", paramLabel = "FILE", description = "classes.txt or data.yaml fixing the category ids.")
    Path categories;

    @Option(names = "--images", paramLabel = "DIR", description = "The images, whose headers give the sizes.")
    String images;

    @Option(names = "--default-score", paramLabel = "S", defaultValue = "1.0",
            description = "Score of every box (default: ${DEFAULT-VALUE}).")
    double defaultScore;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return ConvertTarget.run(spec.commandLine().getOut(), spec.commandLine().getErr(), new ConvertTarget.Conversion() {
            @Override
            public ConversionReport run() throws IOException, ConversionException {
                target.taskType(TaskType.OBJECT_DETECTION);
                Optional<Datasource> imageSource = images == null ? Optional.empty() : Optional.of(Locations.open(images));
                VocOptions options = new VocOptions(Locations.open(annotations), Optional.ofNullable(categories), imageSource,
                        defaultScore);
                return VocConverter.convert(options, target.open(imageSource));
            }

            @Override
            public String summary(ConversionReport report) {
                return target.summaryOf(report);
            }
        });
    }
}
