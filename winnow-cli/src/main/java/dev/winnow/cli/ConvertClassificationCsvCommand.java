package dev.winnow.cli;

import dev.winnow.convert.csv.ClassificationCsvConverter;
import dev.winnow.format.TaskType;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code winnow convert classification-csv}: a CSV of image classes to a classification task. */
@Command(
        name = "classification-csv",
        mixinStandardHelpOptions = true,
        description = {
            "Converts a CSV 'filename,category[,p_0,...,p_{K-1}]' into a classification task.",
            "Without --categories, category ids follow the sorted category names."
        },
        exitCodeListHeading = ConvertTarget.EXIT_CODES_HEADING,
        exitCodeList = {
            ConvertTarget.EXIT_ALL_CONVERTED,
            "1:some lines were skipped, or nothing was converted",
            "2:wrong usage, or the CSV or categories file cannot be read",
            ConvertTarget.EXIT_IO_FAILED
        })
public final class ConvertClassificationCsvCommand implements Callable<Integer> {
    @Mixin
    ConvertTarget target;

    @Option(
            names = "--csv",
            required = true,
            paramLabel = "FILE",
            converter = FileLocation.Converter.class,
            description = "The CSV file (a path or an object in a bucket).")
    FileLocation csv;

    @Option(
            names = "--images",
            paramLabel = "DIR",
            description = "The folder the CSV's file names are relative to (default: --input).")
    @Nullable
    String images;

    @Option(
            names = "--categories",
            paramLabel = "FILE",
            converter = FileLocation.Converter.class,
            description = "The categories, fixing their ids: " + ConvertTarget.CLASS_FORMS + ".")
    @Nullable
    FileLocation categories;

    @Option(
            names = "--task-type",
            paramLabel = "TYPE",
            description = "The task type written: classification (the only one; any other is refused).")
    @Nullable
    String taskType;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return target.run(spec, () -> {
            ConvertTarget.taskType(taskType, "convert classification-csv", TaskType.CLASSIFICATION);
            target.images("--images", images);
            return ClassificationCsvConverter.convert(
                    target.local(csv), target.local(Optional.ofNullable(categories)), target.open());
        });
    }
}
