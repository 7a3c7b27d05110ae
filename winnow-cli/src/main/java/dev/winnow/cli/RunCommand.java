package dev.winnow.cli;

import dev.winnow.config.ConfigException;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.FileTooLargeException;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.datasource.LocalTrees;
import dev.winnow.datasource.LocationAccessException;
import dev.winnow.datasource.Locations;
import dev.winnow.datasource.OutputLocation;
import dev.winnow.datasource.UnsupportedLocationException;
import dev.winnow.embed.EmbeddingsConfig;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.run.ConsoleProgress;
import dev.winnow.run.PredictionsElsewhere;
import dev.winnow.run.RemoteRunOutput;
import dev.winnow.run.RunFailedException;
import dev.winnow.run.RunLocations;
import dev.winnow.run.RunPipeline;
import dev.winnow.run.RunRequest;
import dev.winnow.run.RunSummary;
import dev.winnow.run.config.RunConfig;
import dev.winnow.run.config.RunConfigParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code winnow run}: selects the samples worth labelling. Reads the predictions, embeds the images,
 * scores and selects as {@code run.json} says, and writes the results and a report under
 * {@code <output>/.winnow/runs/<run-id>/}.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Selects the samples worth labelling and writes them with a report.",
            "It validates the predictions, embeds the images and video frames, scores and selects them as run.json"
                    + " says, and writes selected.txt, CSVs and an HTML report under <output>/.winnow/runs/<run-id>/.",
            "Samples processed by earlier runs are skipped unless datasource.process_all is set. With object_level in"
                    + " run.json the samples are the boxes of one task, cut out as crops (selected_crops.csv and"
                    + " crops/<task>/*.png are added)."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:the run finished (invalid prediction files and unreadable images or videos are reported and left out)",
            "1:the run cannot go on (every prediction file of a task is invalid)",
            "2:wrong usage or an invalid run.json",
            "3:reading or writing failed"
        })
public final class RunCommand implements Callable<Integer> {

    /**
     * Makes the pipeline a run uses, given the decoding threads and where the run reads from; the
     * Spark job's spreads the per-sample work over its executors.
     */
    @FunctionalInterface
    public interface Pipelines {
        RunPipeline create(int threads, RunLocations locations) throws IOException;
    }

    private final Pipelines pipelines;

    /** {@code winnow run}: everything on this machine. */
    public RunCommand() {
        this((threads, locations) -> new RunPipeline(Clock.systemUTC(), ConsoleProgress.standard(), threads));
    }

    /** The run command with the pipelines {@code pipelines} makes. */
    public RunCommand(Pipelines pipelines) {
        this.pipelines = pipelines;
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
            description = "Location (folder or bucket) holding .lightly/ and receiving .winnow/; defaults to "
                    + "the input location.")
    @Nullable
    String output;

    @Option(
            names = "--config",
            required = true,
            paramLabel = "FILE",
            converter = FileLocation.Converter.class,
            description = "The run configuration (run.json): a path or an object in a bucket.")
    FileLocation config;

    @Option(names = "--run-id", paramLabel = "ID", description = "Name of the run's folder (default: a UTC timestamp).")
    @Nullable
    String runId;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Images decoded at once (default: the number of cores).")
    @Nullable
    Integer threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try (LocalCopies copies = new LocalCopies()) {
            return run(copies);
        }
    }

    private int run(LocalCopies copies) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        byte[] bytes;
        try {
            bytes = config.read(MAX_CONFIG_BYTES);
        } catch (NoSuchFileException e) {
            err.println("winnow: The run configuration " + config + " does not exist or is not a file.");
            return ExitCodes.USAGE;
        } catch (FileTooLargeException e) {
            err.println("winnow: The run configuration " + config + " is larger than " + MAX_CONFIG_BYTES
                    + " bytes; a run.json is a few lines.");
            return ExitCodes.USAGE;
        } catch (UnsupportedLocationException | LocationAccessException e) {
            err.println("winnow: " + e.getMessage());
            return LocationFailures.exitCode(e);
        }
        // Relative paths in a run.json in a bucket (an ONNX model) are taken from the current folder.
        Path folder =
                config.isCloud() ? null : config.localPath().toAbsolutePath().getParent();
        Path base = folder == null ? Path.of("").toAbsolutePath() : folder;
        String json = new String(bytes, StandardCharsets.UTF_8);
        RunConfig parsed;
        try {
            // Parsed from the bytes, so text that is not UTF-8 is named with its offset.
            parsed = RunConfigParser.parse(bytes, config.toString(), base);
            Optional<String> embeddings = RunConfigFiles.embeddingsInBucket(json, config);
            if (embeddings.isPresent() && parsed.embeddings() instanceof EmbeddingsConfig.Precomputed) {
                parsed = RunConfigFiles.withEmbeddings(parsed, embeddings.get(), copies);
            }
        } catch (UnsupportedLocationException | LocationAccessException e) {
            err.println("winnow: " + e.getMessage());
            return LocationFailures.exitCode(e);
        } catch (ConfigException e) {
            List<ConfigException> problems = e.problems();
            if (problems.size() == 1) {
                err.println("winnow: " + e.getMessage());
            } else {
                err.println("winnow: The run configuration " + config + " has " + problems.size() + " problems:");
                problems.forEach(p -> err.println("  " + p.getMessage()));
            }
            return ExitCodes.USAGE;
        }
        Datasource inputLocation;
        Datasource opened;
        try {
            inputLocation = Locations.open(input);
            opened = output == null ? Locations.open(input) : Locations.openOrCreate(output);
        } catch (IOException e) {
            err.println(
                    "winnow: Cannot open the location: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return LocationFailures.exitCode(e);
        }
        int decodeThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        RunPipeline pipeline = pipelines.create(
                decodeThreads,
                new RunLocations(input, output == null ? input : output, json, config.toString(), base.toString()));
        Datasource guarded = OutputLocation.guard(opened, inputLocation);
        try {
            RunSummary summary;
            if (opened instanceof LocalDatasource outputLocation) {
                summary = pipeline.run(new RunRequest(
                        inputLocation, guarded, outputLocation.root(), parsed, Optional.ofNullable(runId)));
                out.print(summary.toText());
            } else {
                RemoteRunOutput.Result result =
                        runInBucket(pipeline, inputLocation, guarded, parsed, Optional.ofNullable(runId));
                summary = result.summary();
                out.print(result.toText());
            }
            if (summary.counts().predictionFiles() == 0) {
                out.println(noPredictionsNote(inputLocation, opened));
            }
            out.flush();
            return ExitCodes.OK;
        } catch (RunFailedException e) {
            err.println("winnow: " + e.getMessage());
            return ExitCodes.INVALID;
        }
    }

    /** The largest run.json read; a configuration is a few lines, so more is a mistaken file. */
    static final long MAX_CONFIG_BYTES = 1 << 20;

    /** A run into a bucket works in a temporary local folder, removed afterwards; see {@link RemoteRunOutput}. */
    private static RemoteRunOutput.Result runInBucket(
            RunPipeline pipeline, Datasource input, Datasource output, RunConfig config, Optional<String> runId)
            throws IOException {
        Path work = Files.createTempDirectory("winnow-run-");
        try {
            return RemoteRunOutput.run(pipeline, input, output, config, runId, work);
        } finally {
            LocalTrees.delete(work);
        }
    }

    /** Where predictions were looked for, and whether the input holds the ones the user may have meant. */
    static String noPredictionsNote(Datasource input, Datasource output) throws IOException {
        String note = "note: no prediction files were found in " + output.description() + "/" + PredictionsLayout.ROOT
                + "; " + "the run used embeddings and metadata only.";
        return PredictionsElsewhere.hint(input, output)
                .map(hint -> note + " " + hint)
                .orElse(note);
    }
}
