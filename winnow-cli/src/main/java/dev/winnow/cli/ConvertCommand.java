package dev.winnow.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code winnow convert <format>}: writes a task of {@code .lightly/predictions} from annotations or
 * model outputs in another format. Each format is a subcommand.
 */
@Command(name = "convert",
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
public final class ConvertCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
