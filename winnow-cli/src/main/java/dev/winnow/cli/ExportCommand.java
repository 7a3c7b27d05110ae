package dev.winnow.cli;

import dev.winnow.convert.ConversionException;
import dev.winnow.convert.ConversionReport;
import dev.winnow.convert.coco.CocoExportOptions;
import dev.winnow.convert.coco.CocoExporter;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocalTrees;
import dev.winnow.datasource.UnsupportedLocationException;
import dev.winnow.format.Wording;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code winnow export <format>}: writes a task of {@code .lightly/predictions} in another format. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Exports a task of .lightly/predictions to another format.",
        subcommands = {ExportCommand.Coco.class})
public final class ExportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a format there is nothing to export. */
    @Override
    public Integer call() {
        return UsageErrors.missingSubcommand(spec.commandLine(), "a format");
    }

    /** {@code winnow export coco}. */
    @Command(
            name = "coco",
            mixinStandardHelpOptions = true,
            description = {
                "Writes one task as a COCO dataset file, or with --results as a COCO results list.",
                "Image sizes come from the datasource (--input): an image's header, a video frame's video. Masks become"
                        + " COCO RLE with compressed counts. What COCO cannot hold (probabilities, "
                        + "image-level classes) is"
                        + " counted in the summary. Prediction files that do not read cleanly are "
                        + "reported and left out."
            },
            exitCodeListHeading = ConvertTarget.EXIT_CODES_HEADING,
            exitCodeList = {
                "0:every prediction file exported",
                "1:some prediction files were left out",
                "2:wrong usage, or the task is missing",
                ConvertTarget.EXIT_IO_FAILED
            })
    static final class Coco implements Callable<Integer> {
        @Option(
                names = "--input",
                required = true,
                paramLabel = "LOC",
                description = "The datasource: the folder of images and videos the predictions are about.")
        String input;

        @Option(
                names = "--output",
                paramLabel = "LOC",
                description = "Location holding .lightly/predictions; defaults to the input location.")
        @Nullable
        String output;

        @Option(names = "--task", required = true, paramLabel = "NAME", description = "The task to export.")
        String task;

        @Option(
                names = "--out",
                paramLabel = "FILE",
                converter = FileLocation.Converter.class,
                description = "The COCO file to write (required; a path or an object in a bucket).")
        @Nullable
        FileLocation out;

        @Option(names = "--results", description = "Write a COCO results list instead of a dataset.")
        boolean results;

        @Option(
                names = "--coco-gt",
                paramLabel = "FILE",
                converter = FileLocation.Converter.class,
                description = "A COCO dataset whose image ids, names and sizes to reuse.")
        @Nullable
        FileLocation groundTruth;

        /** The older way to name the images: then --input named the predictions location. */
        @Option(names = "--images", paramLabel = "DIR", hidden = true)
        @Nullable
        String images;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (LocalCopies copies = new LocalCopies()) {
                return export(copies);
            }
        }

        private int export(LocalCopies copies) {
            return ConvertTarget.run(
                    spec.commandLine().getOut(),
                    spec.commandLine().getErr(),
                    () -> {
                        Path file = outFile();
                        FileLocation target = Objects.requireNonNull(out, "outFile() refuses a missing --out");
                        String samples = input;
                        String predictions = output == null ? input : output;
                        if (images != null) {
                            if (output != null) {
                                throw new ConversionException(
                                        "--images is the older name of --input; with --output naming the"
                                                + " predictions location, give the images with --input alone.");
                            }
                            samples = images;
                        }
                        Datasource predictionsLocation =
                                ConvertTarget.folder(output == null ? "--input" : "--output", predictions);
                        Datasource datasource = ConvertTarget.folder(images != null ? "--images" : "--input", samples);
                        Optional<Path> groundTruthFile =
                                groundTruth == null ? Optional.empty() : Optional.of(groundTruth.forReading(copies));
                        if (file != null) {
                            return CocoExporter.export(new CocoExportOptions(
                                    predictionsLocation,
                                    task,
                                    file,
                                    results,
                                    groundTruthFile,
                                    Optional.of(datasource)));
                        }
                        // Into a bucket: the file is made locally, then put whole.
                        Path folder = Files.createTempDirectory("winnow-export-");
                        try {
                            Path local = folder.resolve("export.json");
                            ConversionReport report = CocoExporter.export(new CocoExportOptions(
                                    predictionsLocation,
                                    task,
                                    local,
                                    results,
                                    groundTruthFile,
                                    Optional.of(datasource)));
                            if (Files.exists(local)) {
                                target.write(Files.readAllBytes(local));
                            }
                            return report;
                        } finally {
                            LocalTrees.delete(folder);
                        }
                    },
                    report -> {
                        StringBuilder s =
                                new StringBuilder("Wrote " + Wording.count(report.singletons(), "annotation") + " of "
                                        + Wording.count(report.predictionFiles(), "image") + " to " + out
                                        + (report.diagnosticCount() > 0
                                                ? "; " + Wording.count(report.diagnosticCount(), "file") + " left out."
                                                : "."));
                        report.notes().forEach(n -> s.append('\n').append(n));
                        return s.toString();
                    },
                    copies::named);
        }

        /**
         * The local COCO file to write, checked before any work: given, not a folder, its folder not a
         * file; null for an object in a bucket (checked to name a file). Mixing up --out (the file)
         * with --output (the predictions location) gets a sentence saying which is which.
         */
        private @Nullable Path outFile() throws ConversionException, UnsupportedLocationException {
            if (out == null) {
                if (output != null && output.toLowerCase(Locale.ROOT).endsWith(".json")) {
                    throw new ConversionException("--output names the location that holds .lightly/predictions, and the"
                            + " COCO file to write is given with --out: did you mean --out " + output + "?");
                }
                throw new ConversionException("Missing the COCO file to write: give it with --out FILE.");
            }
            if (out.isCloud()) {
                out.requireFile();
                return null;
            }
            Path absolute = out.localPath().toAbsolutePath().normalize();
            if (Files.isDirectory(absolute)) {
                throw new ConversionException("--out " + out + " is a folder; give the COCO file to write, such as "
                        + out.localPath().resolve(task.replace('/', '-') + ".json") + ".");
            }
            for (Path parent = absolute.getParent(); parent != null; parent = parent.getParent()) {
                if (Files.exists(parent)) {
                    if (!Files.isDirectory(parent)) {
                        throw new ConversionException(
                                "--out " + out + " cannot be written: " + parent + " is a file, not a folder.");
                    }
                    break;
                }
            }
            return out.localPath();
        }
    }
}
