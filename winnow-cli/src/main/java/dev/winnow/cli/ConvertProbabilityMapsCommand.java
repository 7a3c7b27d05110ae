package dev.winnow.cli;

import dev.winnow.convert.probmaps.ProbabilityMaps;
import dev.winnow.convert.probmaps.ProbabilityMapsConverter;
import dev.winnow.datasource.Datasource;
import dev.winnow.format.TaskType;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code winnow convert probability-maps}: per-pixel class probabilities (.npy) to a semantic-segmentation task. */
@Command(
        name = "probability-maps",
        mixinStandardHelpOptions = true,
        description = {
            "Converts one NumPy .npy map per image (float32 or float16, C x H x W, or H x W x C with --channels-last)"
                    + " into one singleton per class that wins a pixel: its mask, the median (or mean) "
                    + "of its probability over the"
                    + " mask as score, and the mean probability vector.",
            "a/b/img.npy belongs to the image a/b/img.* under --images (whose header must have the map's size)."
        },
        exitCodeListHeading = ConvertTarget.EXIT_CODES_HEADING,
        exitCodeList = {
            ConvertTarget.EXIT_ALL_CONVERTED,
            "1:some maps were skipped, or nothing was converted",
            "2:wrong usage, or the categories file cannot be read",
            ConvertTarget.EXIT_IO_FAILED
        })
public final class ConvertProbabilityMapsCommand implements Callable<Integer> {
    @Mixin
    ConvertTarget target;

    @Option(names = "--maps", required = true, paramLabel = "DIR", description = "Folder of the .npy maps.")
    String maps;

    @Option(
            names = "--images",
            paramLabel = "DIR",
            description = "The images (default: --input); without either, a map's sample is its path with .png.")
    @Nullable
    String images;

    @Option(
            names = "--categories",
            required = true,
            paramLabel = "FILE",
            converter = FileLocation.Converter.class,
            description = "The categories (" + ConvertTarget.CLASS_FORMS + "); channel c is the c-th in id order.")
    FileLocation categories;

    @Option(names = "--channels-last", description = "The maps are H x W x C rather than C x H x W.")
    boolean channelsLast;

    @Option(
            names = "--aggregate",
            paramLabel = "median|mean",
            defaultValue = "median",
            description = "How a class's pixel probabilities become its score (default: ${DEFAULT-VALUE}).")
    String aggregate;

    @Option(names = "--softmax", description = "The maps hold logits: softmax each pixel's values first.")
    boolean softmax;

    @Option(
            names = "--task-type",
            paramLabel = "TYPE",
            description = "The task type written: semantic-segmentation (the only one; any other is refused).")
    @Nullable
    String taskType;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return target.run(spec, () -> {
            ConvertTarget.taskType(taskType, "convert probability-maps", TaskType.SEMANTIC_SEGMENTATION);
            ProbabilityMaps.Aggregation aggregation = switch (aggregate.toLowerCase(Locale.ROOT)) {
                case "median" -> ProbabilityMaps.Aggregation.MEDIAN;
                case "mean" -> ProbabilityMaps.Aggregation.MEAN;
                default ->
                    throw new IllegalArgumentException("Unknown --aggregate '" + aggregate + "'; use median or mean.");
            };
            Datasource mapSource = ConvertTarget.sourceFolder("--maps", maps);
            Optional<Datasource> imageSource = target.images("--images", images);
            ProbabilityMapsConverter.Options options = new ProbabilityMapsConverter.Options(
                    mapSource, imageSource, target.local(categories), channelsLast, aggregation, softmax);
            return ProbabilityMapsConverter.convert(options, target.open());
        });
    }
}
