package dev.winnow.cli;

import dev.winnow.datasource.CloudSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level {@code winnow} command. Each subcommand is its own class; add new ones to the
 * {@code subcommands} list below.
 */
@Command(
        name = "winnow",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "Validates model predictions, scores samples for active learning and selects the ones worth labelling.",
        subcommands = {
            HelpCommand.class,
            ValidateCommand.class,
            ConvertCommand.class,
            ExportCommand.class,
            RunCommand.class,
            ServeCommand.class,
            DemoCommand.class,
            ScoresCommand.class,
            CheckAccessCommand.class,
        })
public final class WinnowCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Every command takes it, before or after its name; it applies to all buckets the command opens. */
    @CommandLine.Option(
            names = "--cloud-concurrency",
            paramLabel = "N",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Requests in flight at once per bucket (s3://, gs://, az://); default: "
                    + CloudSettings.DEFAULT_CONCURRENCY + ".")
    void cloudConcurrency(int requests) {
        if (requests < 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--cloud-concurrency must be 1 or more, but was " + requests + ".");
        }
        CloudSettings.concurrency(requests);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A configured command line: usage errors exit with 2, unexpected failures with 3. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new WinnowCommand());
        cl.setExitCodeExceptionMapper(e -> ExitCodes.IO);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("winnow: " + UsageErrors.describe(ex, args));
            cmd.getErr().println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println("winnow: " + IoErrors.describe(ex));
            return ex instanceof IllegalArgumentException ? ExitCodes.USAGE : ExitCodes.IO;
        });
        return cl;
    }
}
