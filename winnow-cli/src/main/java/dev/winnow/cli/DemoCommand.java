package dev.winnow.cli;

import dev.winnow.run.ConsoleProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code winnow demo}: generates a small datasource of shapes with a simulated model's predictions,
 * runs a full selection over it and prints where the report is.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Generates a datasource of shapes and runs a selection over it.",
            // One element per paragraph: picocli wraps each element to the terminal's width.
            "It makes " + Demo.IMAGES + " images and a " + Demo.VIDEO_FRAMES + "-frame video of coloured shapes with"
                    + " classification, detection and segmentation predictions of a simulated model (uncertain on"
                    + " some), runs a selection that is diverse, uncertain and class-balanced, then one among the"
                    + " detected shapes (object level), and prints the paths of their HTML reports."
        })
public final class DemoCommand implements Callable<Integer> {

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            defaultValue = "demo",
            description = "Folder for the demo (default: ${DEFAULT-VALUE}); an earlier demo there is replaced.")
    Path dir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Demo.Result result = Demo.run(
                dir.toAbsolutePath().normalize(),
                Demo.IMAGES,
                Demo.VIDEO_FRAMES,
                Clock.systemUTC(),
                ConsoleProgress.standard(),
                Runtime.getRuntime().availableProcessors());
        out.print(result.samples().toText());
        out.println();
        out.print(result.objects().toText());
        out.println();
        out.println("Open the report: " + result.samples().report());
        out.println("The selection among the shapes: " + result.objects().report());
        out.println("The runs' configurations are " + dir.resolve("run.json") + " and "
                + dir.resolve("run-objects.json") + "; try your own with 'winnow run'.");
        out.flush();
        return ExitCodes.OK;
    }
}
