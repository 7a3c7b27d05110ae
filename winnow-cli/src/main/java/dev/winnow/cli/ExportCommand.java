package dev.winnow.cli;

import dev.winnow.convert.ConversionReport;
import dev.winnow.convert.coco.CocoExportOptions;
import dev.winnow.convert.coco.CocoExporter;
import dev.winnow.datasource.AtomicFiles;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.Locations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code winnow export <format>}: writes a task of {@code .lightly/predictions} in another format. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = "Exports a task of .lightly/predictions to another format.",
        subcommands = {ExportCommand.Coco.class})
public final class ExportCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code winnow export coco}. */
    @Command(name = "coco",
            mixinStandardHelpOptions = true,
            description = {"Writes one task as a COCO dataset file, or with --results as a COCO results list.",
                    "Masks become COCO RLE with compressed counts. Prediction files that do not read cleanly are reported and left out."},
            exitCodeListHeading = ConvertTarget.EXIT_CODES_HEADING,
            exitCodeList = {"0:every prediction file exported", "1:some prediction files were left out",
                    "2:wrong usage, or the task is missing", ConvertTarget.EXIT_IO_FAILED})
    static final class Coco implements Callable<Integer> {
        @Option(names = "--input", required = true, paramLabel = "LOC", description = "Location holding .lightly/predictions.")
        String input;

        @Option(names = "--task", required = true, paramLabel = "NAME", description = "The task to export.")
        String task;

        @Option(names = "--out", required = true, paramLabel = "FILE", converter = FileLocation.Converter.class,
                description = "The COCO file to write (a path or an object in a bucket).")
        FileLocation out;

        @Option(names = "--results", description = "Write a COCO results list instead of a dataset.")
        boolean results;

        @Option(names = "--coco-gt", paramLabel = "FILE", converter = FileLocation.Converter.class,
                description = "A COCO dataset whose image ids, names and sizes to reuse.")
        FileLocation groundTruth;

        @Option(names = "--images", paramLabel = "DIR", description = "The images, for sizes and for files without file_name.")
        String images;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return ConvertTarget.run(spec.commandLine().getOut(), spec.commandLine().getErr(), () -> {
                Datasource predictions = Locations.open(input);
                Optional<Datasource> imageSource = images == null ? Optional.empty() : Optional.of(Locations.open(images));
                Optional<Path> groundTruthFile = groundTruth == null ? Optional.empty() : Optional.of(groundTruth.forReading());
                if (!out.isCloud()) {
                    return CocoExporter.export(new CocoExportOptions(predictions, task, out.localPath(), results,
                            groundTruthFile, imageSource));
                }
                // Into a bucket: the file is made locally, then put whole.
                Path folder = Files.createTempDirectory("winnow-export-");
                try {
                    Path file = folder.resolve("export.json");
                    ConversionReport report = CocoExporter.export(new CocoExportOptions(predictions, task, file, results,
                            groundTruthFile, imageSource));
                    if (Files.exists(file)) {
                        out.write(Files.readAllBytes(file));
                    }
                    return report;
                } finally {
                    AtomicFiles.deleteTree(folder);
                }
            }, report -> "Wrote " + report.singletons() + " annotations of " + report.predictionFiles() + " images to " + out
                    + (report.diagnosticCount() > 0 ? "; " + report.diagnosticCount() + " files were left out." : "."));
        }
    }
}
