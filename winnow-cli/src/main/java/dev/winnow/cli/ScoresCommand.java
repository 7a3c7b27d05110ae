package dev.winnow.cli;

import dev.winnow.datasource.AtomicWrite;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.datasource.Locations;
import dev.winnow.datasource.Progress;
import dev.winnow.datasource.UnsupportedLocationException;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.Wording;
import dev.winnow.format.validate.ValidationOptions;
import dev.winnow.run.ConsoleProgress;
import dev.winnow.scores.ActiveLearningScorer;
import dev.winnow.scores.ActiveLearningScores;
import dev.winnow.scores.ScoresCsv;
import dev.winnow.scores.read.InvalidTaskException;
import dev.winnow.scores.read.TaskPredictions;
import dev.winnow.scores.read.UnknownTaskException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code winnow scores}: the active-learning scores of every sample of one task as CSV, one line per
 * sample with a valid prediction file, sorted by sample name. Diagnostics and a summary go to
 * stderr; the CSV goes to stdout or, with {@code --out}, to a file written atomically.
 */
@Command(
        name = "scores",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the active-learning scores of one task's samples as CSV.",
            "The columns are sample,<score names>, one line per sample with a valid prediction file, "
                    + "sorted by sample name.",
            "Invalid prediction files are reported on stderr and skipped."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:every prediction file was valid (warnings allowed)",
            "1:some prediction files had errors and were skipped, or the task cannot be scored",
            "2:wrong usage or an unknown task",
            "3:reading or writing failed"
        })
public final class ScoresCommand implements Callable<Integer> {
    private final @Nullable PartitionEngines engines;

    /** {@code winnow scores}: every file read on this machine. */
    public ScoresCommand() {
        this.engines = null;
    }

    /** The scores command with the prediction files read on the engine {@code engines} opens. */
    public ScoresCommand(PartitionEngines engines) {
        this.engines = engines;
    }

    @Option(
            names = "--input",
            required = true,
            paramLabel = "LOC",
            description = "Folder, file:// URI or bucket (s3://, gs://, az://) with the images and videos.")
    String input;

    @Option(
            names = "--output",
            paramLabel = "LOC",
            description = "Location holding .lightly/predictions; defaults to the input location.")
    @Nullable
    String output;

    @Option(
            names = "--task",
            required = true,
            paramLabel = "NAME",
            description = "The task to score, as listed in tasks.json.")
    String task;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            converter = FileLocation.Converter.class,
            description = "Write the CSV to this file (a path or an object in a bucket) instead of stdout.")
    @Nullable
    FileLocation out;

    @Option(names = "--strict", description = "Treat comments, trailing commas and unknown fields as errors.")
    boolean strict;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Files read at once (default: the number of cores, or --cloud-concurrency for a bucket).")
    @Nullable
    Integer threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Datasource inputLocation;
        Datasource outputLocation;
        try {
            inputLocation = Locations.open(input);
            outputLocation = output == null ? inputLocation : Locations.open(output);
        } catch (IOException e) {
            err.println("winnow: " + describe(e));
            return LocationFailures.exitCode(e);
        }
        if (threads != null && threads < 1) {
            err.println("winnow: --threads must be 1 or more, but was " + threads + ".");
            return ExitCodes.USAGE;
        }
        if (out != null) {
            try {
                out.requireFile();
            } catch (UnsupportedLocationException e) {
                err.println("winnow: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        Path outFile = out == null || out.isCloud() ? null : out.localPath();
        if (outFile != null
                && inputLocation instanceof LocalDatasource local
                && outFile.toAbsolutePath().normalize().startsWith(local.root())) {
            err.println("winnow: --out " + out + " lies inside the input location " + local.root()
                    + "; Winnow never writes there. Choose a file outside it.");
            return ExitCodes.USAGE;
        }
        if (outFile != null && Files.isDirectory(outFile)) {
            err.println("winnow: --out " + out + " is a folder; name the CSV file to write, like "
                    + outFile.resolve("scores.csv") + ".");
            return ExitCodes.USAGE;
        }
        ValidationOptions options = ValidationOptions.defaults().withStrict(strict);
        int[] errors = {0};
        TaskPredictions.Result result;
        try {
            TaskPredictions predictions = engines == null
                    ? new TaskPredictions(
                            inputLocation,
                            outputLocation,
                            options,
                            threads == null
                                    ? Math.max(
                                            Runtime.getRuntime().availableProcessors(), outputLocation.parallelReads())
                                    : threads)
                    : new TaskPredictions(
                            inputLocation,
                            outputLocation,
                            options,
                            engines.open(input, output == null ? input : output));
            result = predictions.read(task, d -> report(d, err, errors), progress());
        } catch (IllegalArgumentException | UnknownTaskException e) {
            err.println("winnow: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (InvalidTaskException e) {
            err.println("winnow: " + e.getMessage());
            return ExitCodes.INVALID;
        } catch (IOException e) {
            err.println("winnow: " + describe(e));
            return ExitCodes.IO;
        }
        ActiveLearningScores scores = ActiveLearningScorer.scoreTable(result.table());
        scores.diagnostics().forEach(d -> report(d, err, errors));
        try {
            if (out == null) {
                PrintWriter stdout = spec.commandLine().getOut();
                ScoresCsv.write(scores, stdout);
                stdout.flush();
            } else {
                if (outFile != null) {
                    writeAtomically(scores, outFile);
                } else {
                    StringWriter csv = new StringWriter();
                    ScoresCsv.write(scores, csv);
                    out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            err.println("winnow: The scores could not be written to " + (out == null ? "stdout" : out) + ": "
                    + describe(e));
            return ExitCodes.IO;
        }
        err.println(summary(scores.sampleCount(), result));
        err.flush();
        return errors[0] > 0 ? ExitCodes.INVALID : ExitCodes.OK;
    }

    /** A progress bar on a terminal; nothing when stderr goes to a file or pipe, where the summary suffices. */
    private static Progress progress() {
        return System.console() != null ? ConsoleProgress.standard() : Progress.NONE;
    }

    private static void report(Diagnostic d, PrintWriter err, int[] errors) {
        if (d.isError()) {
            errors[0]++;
        }
        err.println(d.toText());
    }

    private String summary(int scored, TaskPredictions.Result r) {
        StringBuilder sb = new StringBuilder("Scored ")
                .append(Wording.count(scored, "sample"))
                .append(" (")
                .append(r.media().describe())
                .append(") of task ")
                .append(task)
                .append('.');
        if (r.invalidFiles() > 0) {
            sb.append(' ')
                    .append(Wording.count(r.invalidFiles(), "invalid prediction file"))
                    .append(r.invalidFiles() == 1 ? " was" : " were")
                    .append(" skipped.");
        }
        if (r.samplesWithoutPrediction() > 0) {
            sb.append(' ')
                    .append(Wording.count(r.samplesWithoutPrediction(), "sample"))
                    .append(r.samplesWithoutPrediction() == 1 ? " has" : " have")
                    .append(" no prediction file.");
        }
        return sb.toString();
    }

    /** Streams the CSV into a temporary file beside the target, then renames it into place. */
    private static void writeAtomically(ActiveLearningScores scores, Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Path temp = AtomicWrite.temporaryBeside(absolute);
        try {
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                ScoresCsv.write(scores, writer);
            }
            AtomicWrite.move(temp, absolute);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String describe(IOException e) {
        return IoErrors.describe(e);
    }
}
