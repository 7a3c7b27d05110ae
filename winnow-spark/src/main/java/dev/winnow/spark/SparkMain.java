package dev.winnow.spark;

import dev.winnow.cli.RunCommand;
import dev.winnow.cli.ScoresCommand;
import dev.winnow.cli.ValidateCommand;
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
            options.check();
            SparkSessions session = SparkSessions.open("winnow run", options.master);
            sessions.add(session);
            int partitions = partitions(options, session);
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

        SparkOptions validateOptions = new SparkOptions();
        CommandLine validateLine = new CommandLine(new ValidateCommand(
                (input, output) -> files(validateOptions, sessions, "winnow validate", input, output)));
        validateLine
                .getCommandSpec()
                .addMixin("spark", CommandLine.Model.CommandSpec.forAnnotatedObject(validateOptions));
        validateLine
                .getCommandSpec()
                .usageMessage()
                .description(
                        "Checks .lightly/predictions against the input's images and videos, as 'winnow validate' does,",
                        "with the prediction files read and checked by Spark executors in partitions; the driver",
                        "lists, merges and prints the same lines, summary and exit code, and writes nothing.");
        cl.addSubcommand("validate", validateLine);

        SparkOptions scoresOptions = new SparkOptions();
        CommandLine scoresLine = new CommandLine(
                new ScoresCommand((input, output) -> files(scoresOptions, sessions, "winnow scores", input, output)));
        scoresLine.getCommandSpec().addMixin("spark", CommandLine.Model.CommandSpec.forAnnotatedObject(scoresOptions));
        scoresLine
                .getCommandSpec()
                .usageMessage()
                .description(
                        "Writes the active-learning scores of one task's samples as CSV, as 'winnow scores' does,",
                        "with the prediction files read and checked by Spark executors in partitions; the driver",
                        "scores the merged table and writes the same CSV, diagnostics and summary.");
        cl.addSubcommand("scores", scoresLine);
        return WinnowCommand.configure(cl);
    }

    /** The engine of {@code validate} or {@code scores}: the prediction files spread over Spark's executors. */
    private static SparkPartitions files(
            SparkOptions options, List<SparkSessions> sessions, String app, String input, String output) {
        options.check();
        SparkSessions session = SparkSessions.open(app, options.master);
        sessions.add(session);
        return new SparkPartitions(session.context(), partitions(options, session), input, output);
    }

    /** {@code --partitions}, or Spark's default parallelism. */
    private static int partitions(SparkOptions options, SparkSessions session) {
        return options.partitions != null
                ? options.partitions
                : session.context().defaultParallelism();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
