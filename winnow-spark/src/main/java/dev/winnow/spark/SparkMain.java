package dev.winnow.spark;

import dev.winnow.cli.RunCommand;
import dev.winnow.cli.VersionProvider;
import dev.winnow.cli.WinnowCommand;
import dev.winnow.run.ConsoleProgress;
import dev.winnow.run.RunPipeline;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code winnow spark}: the run as a Spark job. The driver lists the samples, executors decode and
 * embed them in partitions, and the driver selects and writes the same outputs as {@code winnow run}.
 * Entry point for {@code spark-submit --class dev.winnow.spark.SparkMain winnow-spark.jar run ...}
 * and for {@code ./winnow spark run --master local[N] ...}.
 */
@Command(
        name = "winnow spark",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs Winnow's commands as Apache Spark jobs, with the same options and outputs as the local ones."
        })
public final class SparkMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private SparkMain() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code, without exiting; tests call this. */
    public static int run(String... args) {
        List<SparkSessions> sessions = new ArrayList<>();
        try {
            return commandLine(sessions).execute(args);
        } finally {
            sessions.forEach(SparkSessions::close);
        }
    }

    /** The command line; the sessions its commands open are added to {@code sessions}, for the caller to close. */
    static CommandLine commandLine(List<SparkSessions> sessions) {
        CommandLine cl = new CommandLine(new SparkMain());
        SparkOptions options = new SparkOptions();
        RunCommand run = new RunCommand((threads, locations) -> {
            if (options.partitions != null && options.partitions < 1) {
                throw new IllegalArgumentException(
                        "--partitions must be 1 or more, but was " + options.partitions + ".");
            }
            SparkSessions session = SparkSessions.open("winnow run", options.master);
            sessions.add(session);
            int partitions = options.partitions != null
                    ? options.partitions
                    : session.context().defaultParallelism();
            return new RunPipeline(
                    Clock.systemUTC(),
                    ConsoleProgress.standard(),
                    threads,
                    new SparkEngine(session.context(), partitions, locations));
        });
        CommandLine runLine = new CommandLine(run);
        runLine.getCommandSpec().addMixin("spark", CommandLine.Model.CommandSpec.forAnnotatedObject(options));
        runLine.getCommandSpec()
                .usageMessage()
                .description(
                        "Selects the samples worth labelling, as 'winnow run' does, with the images and video frames",
                        "decoded and embedded by Spark executors in partitions; the driver selects and writes",
                        "selected.txt, CSVs and the report under <output>/.winnow/runs/<run-id>/.");
        cl.addSubcommand("run", runLine);
        return WinnowCommand.configure(cl);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
