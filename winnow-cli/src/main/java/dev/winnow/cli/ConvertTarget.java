package dev.winnow.cli;

import dev.winnow.convert.ConversionException;
import dev.winnow.convert.ConversionReport;
import dev.winnow.convert.PredictionsFolder;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.Locations;
import dev.winnow.datasource.OutputLocation;
import dev.winnow.datasource.UnsupportedLocationException;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.TaskType;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options every {@code winnow convert} format shares (where to write, which task) and the way
 * each reports: a summary line on stdout, diagnostics on stderr, exit code 0 (all converted), 1
 * (some items skipped), 2 (input not convertible or wrong usage), 3 (reading or writing failed).
 */
final class ConvertTarget {
    @Option(names = "--output", required = true, paramLabel = "LOC",
            description = "Location to write .lightly/predictions into (created when missing).")
    String output;

    @Option(names = "--task", required = true, paramLabel = "NAME", description = "Name of the task to add.")
    String task;

    @Option(names = "--overwrite", description = "Replace the task's files when the task folder exists already.")
    boolean overwrite;

    /**
     * The task type named by {@code --task-type} ({@code given}, null when left out: the first of
     * {@code offered}), refused with a sentence unless {@code command} can write it.
     */
    static TaskType taskType(String given, String command, TaskType... offered) {
        if (given == null) {
            return offered[0];
        }
        String names = offered.length == 1 ? offered[0].wireName() + " tasks only"
                : Arrays.stream(offered).map(TaskType::wireName).collect(Collectors.joining(", ")).replaceFirst(", ([^,]*)$", " or $1")
                + " tasks";
        Optional<TaskType> type = TaskType.fromWireName(given);
        if (type.isEmpty()) {
            throw new IllegalArgumentException("Unknown --task-type '" + given + "'; " + command + " writes " + names + ".");
        }
        if (!Arrays.asList(offered).contains(type.get())) {
            throw new IllegalArgumentException(command + " writes " + names + "; it cannot write " + given + " tasks.");
        }
        return type.get();
    }

    /** The forms every option naming classes takes, for the help (one reader, CategoryNames, reads them all). */
    static final String CLASS_FORMS = "classes.txt, data.yaml, a task's schema.json, a JSON list [{\"id\": 0, \"name\": \"road\"}, ...]"
            + " or a JSON mapping {\"0\": \"road\", ...}";

    /** Heading and first and last lines of every convert command's exit-code list (the middle two say what is skipped). */
    static final String EXIT_CODES_HEADING = "Exit codes:%n";
    static final String EXIT_ALL_CONVERTED = "0:everything converted";
    static final String EXIT_IO_FAILED = "3:reading or writing failed";

    /** The folder {@link #open} returned, discarded when its conversion fails. */
    private PredictionsFolder opened;

    /** The task folder to fill, guarded so nothing is written into {@code input} outside .lightly/. */
    PredictionsFolder open(Optional<Datasource> input) throws IOException, ConversionException {
        Datasource out = Locations.openOrCreate(output);
        if (input.isPresent()) {
            out = OutputLocation.guard(out, input.get());
        }
        opened = PredictionsFolder.open(out, task, overwrite);
        return opened;
    }

    /**
     * Runs a conversion into this target's task ({@link #open} inside it) with the command's
     * streams, reports it with {@link #summaryOf}, and removes the staged files of a conversion
     * that did not finish.
     */
    int run(CommandLine.Model.CommandSpec spec, Conversion conversion) {
        try {
            return run(spec.commandLine().getOut(), spec.commandLine().getErr(), conversion, this::summaryOf);
        } finally {
            discardUnfinished();
        }
    }

    private void discardUnfinished() {
        if (opened == null) {
            return;
        }
        try {
            opened.discard();
        } catch (IOException | RuntimeException e) {
            // A staging folder left behind is hidden and never read; the conversion's own error was reported.
        }
    }

    /** Runs a conversion and turns its outcome into output and an exit code. */
    static int run(PrintWriter out, PrintWriter err, Conversion conversion, Function<ConversionReport, String> summary) {
        try {
            ConversionReport report = conversion.run();
            for (Diagnostic d : report.diagnostics()) {
                err.println(d.toText());
            }
            if (report.diagnosticCount() > report.diagnostics().size()) {
                err.println("... and " + (report.diagnosticCount() - report.diagnostics().size()) + " more problems.");
            }
            out.println(summary.apply(report));
            out.flush();
            return report.hasErrors() ? ExitCodes.INVALID : ExitCodes.OK;
        } catch (ConversionException | IllegalArgumentException | UnsupportedLocationException e) {
            err.println("winnow: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println("winnow: " + (e.getMessage() == null ? e.toString()
                    : LocationFailures.isOwnSentence(e) ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage()));
            return ExitCodes.IO;
        }
    }

    /** One conversion (or export): what it does. */
    @FunctionalInterface
    interface Conversion {
        ConversionReport run() throws IOException, ConversionException;
    }

    String summaryOf(ConversionReport report) {
        return "Wrote " + report.predictionFiles() + " prediction files with " + report.singletons() + " predictions to task '"
                + task + "' in " + output + (report.diagnosticCount() > 0 ? "; " + report.diagnosticCount() + " items were skipped." : ".");
    }
}
