package dev.winnow.cli;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.Locations;
import dev.winnow.datasource.OutputLocation;
import dev.winnow.format.Wording;
import dev.winnow.run.ConsoleProgress;
import dev.winnow.serve.Viewer;
import dev.winnow.serve.ViewerServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code winnow serve}: a local web viewer over a datasource's samples, predictions, scores, runs
 * and tags. Indexes the predictions once (cached under {@code <output>/.winnow/serve/}), prints the
 * URL and serves until interrupted.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Shows the samples with their predictions, scores, runs and tags in a web browser.",
            "It indexes every task's predictions, prints the URL and serves until stopped with Ctrl-C. The index is"
                    + " kept in <output>/.winnow/serve/: a later start serves it at once and indexes again in the"
                    + " background if the files changed meanwhile.",
            "It binds 127.0.0.1 unless --host says otherwise; any other host gets a one-time access token in the URL.",
            "Nothing is written to the input; with --output, tags are written under <output>/.winnow/tags/."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:the viewer was stopped",
            "2:wrong usage (a missing location, a bad port)",
            "3:reading failed or the port could not be opened"
        })
public final class ServeCommand implements Callable<Integer> {

    @Option(
            names = "--input",
            required = true,
            paramLabel = "LOC",
            description = "Folder, file:// URI or bucket (s3://, gs://, az://) with the images and videos.")
    String input;

    @Option(
            names = "--output",
            paramLabel = "LOC",
            description = "Location holding .lightly/ and .winnow/ (runs, tags, the index); defaults to the input"
                    + " location, read only.")
    @Nullable
    String output;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: 8080; 0 picks a free one).")
    int port = 8080;

    @Option(
            names = "--host",
            paramLabel = "H",
            description =
                    "Address to listen on (default: 127.0.0.1). Any other than loopback requires the printed token.")
    String host = "127.0.0.1";

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Files read at once while indexing (default: the number of cores).")
    @Nullable
    Integer threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (port < 0 || port > 65535) {
            err.println("winnow: --port must be from 0 to 65535, but was " + port + ".");
            return ExitCodes.USAGE;
        }
        if (threads != null && threads < 1) {
            err.println("winnow: --threads must be 1 or more, but was " + threads + ".");
            return ExitCodes.USAGE;
        }
        Datasource inputLocation;
        Datasource outputLocation;
        try {
            inputLocation = Locations.open(input);
            outputLocation = output == null
                    ? inputLocation
                    : OutputLocation.guard(Locations.openOrCreate(output), inputLocation);
        } catch (IOException e) {
            err.println("winnow: " + IoErrors.describe(e));
            return LocationFailures.exitCode(e);
        }
        int readers = threads != null
                ? threads
                : Math.max(Runtime.getRuntime().availableProcessors(), outputLocation.parallelReads());
        long started = System.nanoTime();
        Viewer viewer;
        int[] problems = {0};
        try {
            err.println("Indexing " + inputLocation.description() + "...");
            err.flush();
            viewer = Viewer.openCachedFirst(
                    inputLocation,
                    outputLocation,
                    output != null,
                    readers,
                    ConsoleProgress.standard(),
                    d -> {
                        if (problems[0]++ < 20) {
                            err.println(d.toText());
                        }
                    },
                    notice -> {
                        err.println(notice);
                        err.flush();
                    });
        } catch (IOException e) {
            err.println("winnow: " + IoErrors.describe(e));
            return ExitCodes.IO;
        }
        err.println((viewer.fromCache() ? "Read the index of " : "Indexed ")
                + Wording.count(viewer.sampleCount(), "sample") + " in " + Wording.count(viewer.taskCount(), "task")
                + " in " + String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9) + " s"
                + (viewer.fromCache() ? "; checking it against the files while serving." : ".")
                + (problems[0] > 20
                        ? " " + (problems[0] - 20) + " more problems were not shown; winnow validate lists them."
                        : ""));
        CountDownLatch stopped = new CountDownLatch(1);
        try (ViewerServer server = ViewerServer.start(viewer, host, port)) {
            Thread hook = new Thread(() -> {
                server.close();
                stopped.countDown();
            });
            Runtime.getRuntime().addShutdownHook(hook);
            if (server.token().isPresent()) {
                out.println("The viewer listens on " + host + ", so every request needs this one-time token;"
                        + " open the whole URL:");
            }
            out.println("Open " + server.url() + " in a browser (Ctrl-C stops the viewer).");
            Optional<String> latest = viewer.latestRun();
            if (latest.isPresent()) {
                out.println("The samples the latest run selected, with their predictions: "
                        + server.url(Optional.of("run=" + URLEncoder.encode(latest.get(), StandardCharsets.UTF_8))));
            }
            out.flush();
            err.flush();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                // Stopped by the program that runs the command rather than by Ctrl-C.
                Runtime.getRuntime().removeShutdownHook(hook);
                Thread.currentThread().interrupt();
            }
        } catch (IOException e) {
            err.println("winnow: " + e.getMessage());
            return ExitCodes.IO;
        }
        return ExitCodes.OK;
    }
}
