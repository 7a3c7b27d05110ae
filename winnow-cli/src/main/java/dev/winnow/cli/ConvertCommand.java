package dev.winnow.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code winnow convert <format>}: writes a task of {@code .lightly/predictions} from annotations or
 * model outputs in another format. Each format is a subcommand.
 */
@Command(
        name = "convert",
        mixinStandardHelpOptions = true,
        description = "Converts annotations or predictions from another format into a task of .lightly/predictions.",
        subcommands = {
            ConvertCocoCommand.class,
            ConvertYoloCommand.class,
            ConvertVocCommand.class,
            ConvertMasksCommand.class,
            ConvertClassificationCsvCommand.class,
            ConvertProbabilityMapsCommand.class,
        })
public final class ConvertCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a format there is nothing to convert. */
    @Override
    public Integer call() {
        return UsageErrors.missingSubcommand(spec.commandLine(), "a format");
    }
}
