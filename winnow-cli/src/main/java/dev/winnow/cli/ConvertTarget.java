package dev.winnow.cli;

import dev.winnow.convert.ConversionException;
import dev.winnow.convert.ConversionReport;
import dev.winnow.convert.PredictionsFolder;
import dev.winnow.convert.SampleRoot;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocationAccessException;
import dev.winnow.datasource.Locations;
import dev.winnow.datasource.OutputLocation;
import dev.winnow.datasource.UnsupportedLocationException;
import dev.winnow.format.TaskType;
import dev.winnow.format.Wording;
import dev.winnow.format.validate.DiagnosticGroups;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options every {@code winnow convert} format shares (the datasource, where to write, which
 * task) and the way each reports: a summary on stdout that ends with the {@code winnow validate}
 * command checking the task, diagnostics on stderr, exit code 0 (all converted), 1 (some items
 * skipped, or nothing converted), 2 (input not convertible or wrong usage), 3 (reading or writing
 * failed).
 */
final class ConvertTarget {
    @Option(
            names = "--input",
            paramLabel = "LOC",
            description =
                    "The datasource: the folder of images and videos you validate and run on; sample names are paths"
                            + " inside it. Default: the --output location when it holds the images, else "
                            + "the images folder.")
    @Nullable
    String input;

    @Option(
            names = "--output",
            required = true,
            paramLabel = "LOC",
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
    static TaskType taskType(@Nullable String given, String command, TaskType... offered) {
        if (given == null) {
            return offered[0];
        }
        String names = offered.length == 1
                ? offered[0].wireName() + " tasks only"
                : Arrays.stream(offered)
                                .map(TaskType::wireName)
                                .collect(Collectors.joining(", "))
                                .replaceFirst(", ([^,]*)$", " or $1")
                        + " tasks";
        Optional<TaskType> type = TaskType.fromWireName(given);
        if (type.isEmpty()) {
            throw new IllegalArgumentException(
                    "Unknown --task-type '" + given + "'; " + command + " writes " + names + ".");
        }
        if (!Arrays.asList(offered).contains(type.get())) {
            throw new IllegalArgumentException(command + " writes " + names + "; it cannot write " + given + " tasks.");
        }
        return type.get();
    }

    /** The forms every option naming classes takes, for the help (one reader, CategoryNames, reads them all). */
    static final String CLASS_FORMS =
            "classes.txt, data.yaml, a task's schema.json, a JSON list [{\"id\": 0, \"name\": \"road\"}, ...]"
                    + " or a JSON mapping {\"0\": \"road\", ...}";

    /**
     * Heading and first and last lines of every convert command's exit-code list (the middle two say what is skipped).
     */
    static final String EXIT_CODES_HEADING = "Exit codes:%n";

    static final String EXIT_ALL_CONVERTED = "0:everything converted";
    static final String EXIT_IO_FAILED = "3:reading or writing failed";

    /** Local copies of the files named by bucket locations ({@code --categories s3://...}), removed after the run. */
    final LocalCopies copies = new LocalCopies();

    /** The folder {@link #open} returned, discarded when its conversion fails. */
    private @Nullable PredictionsFolder opened;
    /** The datasource chosen by {@link #images}, and the text naming it on the command line. */
    private @Nullable SampleRoot root;

    private @Nullable String rootText;
    /** The images folder's option and text, when one was given or stood in. */
    private @Nullable String imagesOption;

    private @Nullable String imagesText;

    /**
     * The images folder: {@code location} given with {@code option}, else the {@code --input}
     * datasource, else empty. Chooses the datasource the sample names are relative to
     * ({@link SampleRoot}); call it once, before {@link #open}.
     */
    Optional<Datasource> images(String option, @Nullable String location) throws IOException, ConversionException {
        Optional<Datasource> images = location == null ? Optional.empty() : Optional.of(folder(option, location));
        Optional<Datasource> given = input == null ? Optional.empty() : Optional.of(folder("--input", input));
        SampleRoot chosen = SampleRoot.choose(given, images, option, outputLocation());
        root = chosen;
        imagesOption = option;
        imagesText = location;
        rootText = switch (chosen.source()) {
            case GIVEN -> input;
            case IMAGES -> location;
            case OUTPUT, OUTPUT_HOLDING_IMAGES -> output;
        };
        return images.isPresent() ? images : given;
    }

    /** The existing folder {@code location} given with {@code option}; a missing one is a usage mistake. */
    static Datasource folder(String option, String location) throws IOException, ConversionException {
        try {
            return Locations.open(location);
        } catch (NoSuchFileException e) {
            throw new ConversionException("The folder " + location + " given with " + option + " does not exist.");
        } catch (NotDirectoryException e) {
            throw new ConversionException(location + " given with " + option + " is a file; it must be a folder.");
        }
    }

    /**
     * {@link #folder} for the folder of the files to convert: in a bucket, where folders exist only
     * through the objects in them, a prefix that holds nothing is a folder that does not exist.
     */
    static Datasource sourceFolder(String option, String location) throws IOException, ConversionException {
        Datasource folder = folder(option, location);
        if (Locations.isCloud(location) && folder.anyFile("").isEmpty()) {
            throw new ConversionException("The folder " + location + " given with " + option + " does not exist.");
        }
        return folder;
    }

    private Datasource outputLocation() throws IOException, ConversionException {
        try {
            return Locations.openOrCreate(output);
        } catch (FileSystemException e) {
            if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException || belowAFile(output)) {
                throw new ConversionException("The --output location " + output
                        + " cannot be a folder: it or one of its" + " parents is a file.");
            }
            throw e;
        }
    }

    /** Whether the local path {@code location} is, or lies below, an existing file. */
    static boolean belowAFile(String location) {
        if (location.contains("://")) {
            return false;
        }
        for (Path p = Path.of(location).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return !Files.isDirectory(p);
            }
        }
        return false;
    }

    /** The task folder to fill, guarded so nothing is written into the datasource outside .lightly/. */
    PredictionsFolder open() throws IOException, ConversionException {
        if (root == null) {
            images("--images", null);
        }
        Datasource out = OutputLocation.guard(outputLocation(), root().datasource());
        PredictionsFolder folder = PredictionsFolder.open(out, task, overwrite, root().sampleFolder());
        opened = folder;
        return folder;
    }

    /** The datasource the sample names are relative to, which {@link #images} chose. */
    private SampleRoot root() {
        return Objects.requireNonNull(root, "images() chooses the sample root before it is used");
    }

    /**
     * Runs a conversion into this target's task ({@link #open} inside it) with the command's
     * streams, reports it with {@link #summaryOf}, and removes the staged files of a conversion
     * that did not finish.
     */
    int run(CommandLine.Model.CommandSpec spec, Conversion conversion) {
        try {
            return run(
                    spec.commandLine().getOut(),
                    spec.commandLine().getErr(),
                    conversion,
                    this::summaryOf,
                    copies::named);
        } finally {
            discardUnfinished();
            copies.close();
        }
    }

    /** A local file for the file option {@code file}: the path itself, or a copy of the object in a bucket. */
    Path local(FileLocation file) throws IOException {
        return file.forReading(copies);
    }

    /** {@link #local} for an option that may be left out. */
    Optional<Path> local(Optional<FileLocation> file) throws IOException {
        return file.isEmpty() ? Optional.empty() : Optional.of(local(file.get()));
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
    static int run(
            PrintWriter out, PrintWriter err, Conversion conversion, Function<ConversionReport, String> summary) {
        return run(out, err, conversion, summary, Function.identity());
    }

    /**
     * {@link #run(PrintWriter, PrintWriter, Conversion, Function)}, every line passed through {@code named}
     * (which puts the bucket locations of local copies back in place of the copies' paths).
     */
    static int run(
            PrintWriter out,
            PrintWriter err,
            Conversion conversion,
            Function<ConversionReport, String> summary,
            Function<String, String> named) {
        try {
            ConversionReport report = conversion.run();
            DiagnosticGroups.lines(report.diagnostics()).stream().map(named).forEach(err::println);
            if (report.diagnosticCount() > report.diagnostics().size()) {
                err.println("... and "
                        + (report.diagnosticCount() - report.diagnostics().size()) + " more problems.");
            }
            out.println(summary.apply(report));
            out.flush();
            return report.hasErrors() || report.convertedNothing() ? ExitCodes.INVALID : ExitCodes.OK;
        } catch (ConversionException | IllegalArgumentException | UnsupportedLocationException e) {
            err.println("winnow: " + named.apply(e.getMessage()));
            return ExitCodes.USAGE;
        } catch (LocationAccessException e) {
            err.println("winnow: " + e.getMessage());
            return ExitCodes.IO;
        } catch (IOException e) {
            err.println("winnow: reading or writing failed: " + named.apply(IoProblems.describe(e)));
            return ExitCodes.IO;
        }
    }

    /** One conversion (or export): what it does. */
    @FunctionalInterface
    interface Conversion {
        ConversionReport run() throws IOException, ConversionException;
    }

    /**
     * What was written (or why nothing was), the stale folders removed, how the sample names were
     * chosen, and last the command that validates the task.
     */
    String summaryOf(ConversionReport report) {
        StringBuilder s = new StringBuilder();
        if (opened != null) {
            for (PredictionsFolder.Abandoned a : opened.removedAbandoned()) {
                s.append("Removed ")
                        .append(a.folder())
                        .append(", left by a conversion that stopped unfinished (process ")
                        .append(a.pid())
                        .append(" on ")
                        .append(a.host())
                        .append(" is gone).\n");
            }
        }
        if (report.convertedNothing()) {
            s.append("Nothing was converted");
            s.append(
                    report.diagnosticCount() == 0
                            ? ": the input has nothing to convert"
                            : ": " + Wording.count(report.diagnosticCount(), "item") + " skipped, none converted");
            return s.append(", so task '")
                    .append(task)
                    .append("' was not written to ")
                    .append(output)
                    .append('.')
                    .toString();
        }
        s.append("Wrote ")
                .append(Wording.count(report.predictionFiles(), "prediction file"))
                .append(" with ")
                .append(Wording.count(report.singletons(), "prediction"))
                .append(" to task '")
                .append(task)
                .append("' in ")
                .append(output)
                .append(
                        report.diagnosticCount() > 0
                                ? "; " + Wording.count(report.diagnosticCount(), "item") + " skipped."
                                : ".")
                .append('\n');
        String folder =
                root().sampleFolder().isEmpty() ? "" : " (the images are in its folder " + root().sampleFolder() + "/)";
        switch (root().source()) {
            case GIVEN -> {}
            case OUTPUT_HOLDING_IMAGES ->
                s.append("Sample names are paths inside the --output location ")
                        .append(output)
                        .append(folder)
                        .append(", the datasource to validate and run on; pass --input to name another.\n");
            case IMAGES ->
                s.append("Sample names are paths inside ")
                        .append(imagesOption)
                        .append(' ')
                        .append(imagesText)
                        .append(", the datasource to validate and run on; pass --input to name a "
                                + "folder that holds it.\n");
            case OUTPUT ->
                s.append("Sample names are taken as paths inside the --output location ")
                        .append(output)
                        .append("; pass --input (the datasource) when the images are elsewhere.\n");
        }
        return s.append("Check it with: ").append(validateCommand()).toString();
    }

    /** The {@code winnow validate} command that checks the task written, with this command line's locations. */
    String validateCommand() {
        PredictionsFolder folder = Objects.requireNonNull(opened, "open() makes the task folder before it is named");
        List<String> words = new ArrayList<>(List.of(
                "winnow",
                "validate",
                "--input",
                Objects.requireNonNull(rootText, "images() names the datasource before it is used")));
        if (!SampleRoot.sameLocation(folder.output(), root().datasource())) {
            words.addAll(List.of("--output", output));
        }
        words.addAll(List.of("--task", task));
        return words.stream().map(ConvertTarget::shellWord).collect(Collectors.joining(" "));
    }

    /** {@code word} as a POSIX shell reads it back: unchanged when it is plain, else in single quotes. */
    static String shellWord(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:@%+=,-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
