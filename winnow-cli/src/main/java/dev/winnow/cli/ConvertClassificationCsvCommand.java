package dev.winnow.cli;

import dev.winnow.convert.ConversionException;
import dev.winnow.convert.ConversionReport;
import dev.winnow.convert.csv.ClassificationCsvConverter;
import dev.winnow.format.TaskType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code winnow convert classification-csv}: a CSV of image classes to a classification task. */
@Command(name = "classification-csv",
        mixinStandardHelpOptions = true,
        description = {"Converts a CSV 'filename,category[,p_0,...,p_{K-1}]' into a classification task.",
                "Without --categories, category ids follow the sorted category names."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:everything converted", "1:some lines were skipped",
                "2:wrong usage, or the CSV or categories file cannot be read", "3:reading or writing failed"})
public final class ConvertClassificationCsvCommand implements Callable<Integer> {
    @Mixin
    ConvertTarget target;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "The CSV file.")
    Path csv;

    @Option(names = "--categories", paramLabel = "FILE", description = "classes.txt or data.yaml fixing the category ids.")
    Path categories;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return ConvertTarget.run(spec.commandLine().getOut(), spec.commandLine().getErr(), new ConvertTarget.Conversion() {
            @Override
            public ConversionReport run() throws IOException, ConversionException {
                target.taskType(TaskType.CLASSIFICATION);
                return ClassificationCsvConverter.convert(csv, Optional.ofNullable(categories), target.open(Optional.empty()));
            }

            @Override
            public String summary(ConversionReport report) {
                return target.summaryOf(report);
            }
        });
    }
}
