package dev.winnow.cli;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.Locations;
import dev.winnow.datasource.RelevantFilenamesException;
import dev.winnow.format.Diagnostic;
import dev.winnow.format.Wording;
import dev.winnow.format.validate.DiagnosticGroups;
import dev.winnow.format.validate.ValidationOptions;
import dev.winnow.validate.MediaFacts;
import dev.winnow.validate.PredictionsValidator;
import dev.winnow.validate.ValidationReport;
import dev.winnow.validate.ValidationSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code winnow validate}: checks {@code .lightly/predictions} (tasks.json, schemas, every prediction
 * file) against the input's images and videos and prints one line per problem, then a summary. It
 * reads only; nothing is written anywhere.
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Checks .lightly/predictions against the input's images and videos.",
            "It reads tasks.json, each task's schema.json and every prediction file, prints one line per problem"
                    + " (severity, code, file:line:column, JSON pointer, message), then a summary, and writes nothing."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:the predictions are valid (warnings allowed)",
            "1:errors were found",
            "2:wrong usage or configuration",
            "3:reading failed"
        })
public final class ValidateCommand implements Callable<Integer> {
    private static final JsonFactory JSON = new JsonFactory();

    private final @Nullable PartitionEngines engines;

    /** {@code winnow validate}: every file checked on this machine. */
    public ValidateCommand() {
        this.engines = null;
    }

    /** The validate command with the prediction files checked on the engine {@code engines} opens. */
    public ValidateCommand(PartitionEngines engines) {
        this.engines = engines;
    }

    /** The output formats. */
    enum Format {
        text,
        json
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
            paramLabel = "NAME",
            description = "Check only this task (repeatable); default: every task of tasks.json.")
    List<String> tasks = new ArrayList<>();

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text (default) or json: one JSON object per line, then a summary object.")
    Format format;

    @Option(names = "--strict", description = "Treat comments, trailing commas and unknown fields as errors.")
    boolean strict;

    @Option(
            names = "--max-errors",
            paramLabel = "N",
            defaultValue = "" + ValidationSettings.DEFAULT_MAX_DIAGNOSTICS,
            description =
                    "Report at most N diagnostics (default: ${DEFAULT-VALUE}; 0 for no limit); the rest are counted.")
    int maxErrors;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (maxErrors < 0) {
            err.println("winnow: --max-errors must be 0 (no limit) or more, but was " + maxErrors + ".");
            return ExitCodes.USAGE;
        }
        Datasource inputLocation;
        Datasource outputLocation;
        try {
            inputLocation = Locations.open(input);
            outputLocation = output == null ? inputLocation : Locations.open(output);
        } catch (IOException e) {
            err.println("winnow: " + describe(e));
            return LocationFailures.exitCode(e);
        }
        ValidationSettings settings = ValidationSettings.defaults()
                .withOptions(ValidationOptions.defaults().withStrict(strict))
                .withTasks(tasks)
                .withMaxDiagnostics(maxErrors == 0 ? Integer.MAX_VALUE : maxErrors)
                // A bucket answers each file after a round trip: many reads in flight hide it.
                .withThreads(Math.max(
                        Runtime.getRuntime().availableProcessors(),
                        Math.max(inputLocation.parallelReads(), outputLocation.parallelReads())));
        ValidationReport report;
        try {
            PredictionsValidator validator = engines == null
                    ? new PredictionsValidator(MediaFacts.fromHeaders(), settings)
                    : new PredictionsValidator(
                            MediaFacts.fromHeaders(), settings, engines.open(input, output == null ? input : output));
            report = validator.validate(inputLocation, outputLocation);
        } catch (IllegalArgumentException | RelevantFilenamesException e) {
            err.println("winnow: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println("winnow: reading the predictions failed: " + describe(e));
            return ExitCodes.IO;
        }
        if (format == Format.json) {
            report.diagnostics().forEach(d -> out.println(json(d)));
            out.println(jsonSummary(report));
        } else {
            DiagnosticGroups.lines(report.diagnostics()).forEach(out::println);
            printSummary(report, out);
        }
        out.flush();
        return report.hasErrors() ? ExitCodes.INVALID : ExitCodes.OK;
    }

    private void printSummary(ValidationReport r, PrintWriter out) {
        if (r.suppressed() > 0) {
            out.println("note: " + Wording.count(r.suppressed(), "more diagnostic") + " not shown (--max-errors "
                    + maxErrors + ").");
        }
        for (ValidationReport.TaskOutcome t : r.tasks()) {
            out.println("task " + t.name() + (t.taskType() == null ? " (no valid schema)" : " (" + t.taskType() + ")")
                    + ": "
                    + Wording.count(t.filesChecked(), "file") + " checked, " + t.validFiles() + " valid, "
                    + t.invalidFiles()
                    + " invalid, " + Wording.count(t.samplesWithoutPredictions(), "sample") + " without predictions"
                    + (t.failed() ? "; FAILED" : ""));
        }
        out.println("summary: " + Wording.count(r.tasks().size(), "task") + ", "
                + Wording.count(r.filesChecked(), "file") + " checked, "
                + r.validFiles() + " valid, " + r.invalidFiles() + " invalid, " + Wording.count(r.errorCount(), "error")
                + ", "
                + Wording.count(r.warningCount(), "warning") + ", "
                + Wording.count(r.samplesWithoutPredictions(), "sample")
                + " without predictions (of " + Wording.count(r.sampleCount(), "sample") + ": "
                + r.media().describe() + ").");
        out.println(r.hasErrors() ? "The predictions have errors." : "The predictions are valid.");
    }

    static String json(Diagnostic d) {
        StringWriter line = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), line)) {
            g.writeStartObject();
            g.writeStringProperty("severity", d.severity().label());
            g.writeStringProperty("code", d.code());
            g.writeStringProperty("file", d.file());
            g.writeStringProperty("pointer", d.pointer());
            if (d.line() > 0) {
                g.writeNumberProperty("line", d.line());
                g.writeNumberProperty("column", d.column());
            } else {
                g.writeNullProperty("line");
                g.writeNullProperty("column");
            }
            g.writeStringProperty("message", d.message());
            g.writeEndObject();
        }
        return line.toString();
    }

    private static String jsonSummary(ValidationReport r) {
        StringWriter line = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), line)) {
            g.writeStartObject();
            g.writeStringProperty("type", "summary");
            g.writeBooleanProperty("valid", !r.hasErrors());
            g.writeNumberProperty("tasks", r.tasks().size());
            g.writeNumberProperty("files_checked", r.filesChecked());
            g.writeNumberProperty("valid_files", r.validFiles());
            g.writeNumberProperty("invalid_files", r.invalidFiles());
            g.writeNumberProperty("errors", r.errorCount());
            g.writeNumberProperty("warnings", r.warningCount());
            g.writeNumberProperty("samples", r.sampleCount());
            g.writeNumberProperty("samples_without_predictions", r.samplesWithoutPredictions());
            g.writeNumberProperty("suppressed", r.suppressed());
            g.writeArrayPropertyStart("task_results");
            for (ValidationReport.TaskOutcome t : r.tasks()) {
                g.writeStartObject();
                g.writeStringProperty("name", t.name());
                if (t.taskType() == null) {
                    g.writeNullProperty("task_type");
                } else {
                    g.writeStringProperty("task_type", t.taskType());
                }
                g.writeNumberProperty("files_checked", t.filesChecked());
                g.writeNumberProperty("valid_files", t.validFiles());
                g.writeNumberProperty("invalid_files", t.invalidFiles());
                g.writeNumberProperty("samples_without_predictions", t.samplesWithoutPredictions());
                g.writeBooleanProperty("failed", t.failed());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return line.toString();
    }

    private static String describe(IOException e) {
        return IoErrors.describe(e);
    }
}
