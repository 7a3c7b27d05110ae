package dev.winnow.convert;

import dev.winnow.datasource.Datasource;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The datasource a converted task belongs to, the one the user validates and runs on, and the
 * folder of the converted images inside it. Sample names are paths from the datasource's root, so
 * converting {@code data/images/x.jpg} for the datasource {@code data} names the sample
 * {@code images/x.jpg}.
 *
 * <p>The datasource is the one given; without it, the output location when the images folder lies
 * inside it (predictions kept beside the images, the usual layout), else the images folder itself;
 * without images either, the output location.
 *
 * @param datasource   where the samples are
 * @param sampleFolder the images folder relative to the datasource's root ("" when it is the root)
 * @param source       how the datasource was chosen
 */
public record SampleRoot(Datasource datasource, String sampleFolder, Source source) {

    /** How the datasource was chosen. */
    public enum Source {
        /** Given explicitly. */
        GIVEN,
        /** The output location, which holds the images folder. */
        OUTPUT_HOLDING_IMAGES,
        /** The images folder, which is not inside the output location. */
        IMAGES,
        /** The output location, for lack of anything else. */
        OUTPUT
    }

    public SampleRoot {
        Objects.requireNonNull(datasource, "datasource");
        Objects.requireNonNull(sampleFolder, "sampleFolder");
        Objects.requireNonNull(source, "source");
    }

    /**
     * Chooses the datasource as the class comment says. {@code imagesOption} names the images
     * folder's option in messages. Refuses images outside a given datasource.
     */
    public static SampleRoot choose(
            Optional<Datasource> given, Optional<Datasource> images, String imagesOption, Datasource output)
            throws ConversionException {
        if (given.isPresent()) {
            if (images.isEmpty()) {
                return new SampleRoot(given.get(), "", Source.GIVEN);
            }
            Optional<String> folder = folderInside(images.get(), given.get());
            if (folder.isEmpty()) {
                throw new ConversionException("The folder " + images.get().description() + " given with " + imagesOption
                        + " is not inside the datasource " + given.get().description()
                        + " given with --input; sample names"
                        + " are paths inside the datasource, so the images must be in it.");
            }
            return new SampleRoot(given.get(), folder.get(), Source.GIVEN);
        }
        if (images.isEmpty()) {
            return new SampleRoot(output, "", Source.OUTPUT);
        }
        Optional<String> inOutput = folderInside(images.get(), output);
        if (inOutput.isPresent()) {
            return new SampleRoot(output, inOutput.get(), Source.OUTPUT_HOLDING_IMAGES);
        }
        return new SampleRoot(images.get(), "", Source.IMAGES);
    }

    /** Whether the two datasources have the same root. */
    public static boolean sameLocation(Datasource a, Datasource b) {
        return folderInside(a, b).filter(String::isEmpty).isPresent();
    }

    /**
     * {@code inner}'s root relative to {@code outer}'s ("" when they are the same), or empty when it lies elsewhere.
     */
    static Optional<String> folderInside(Datasource inner, Datasource outer) {
        Optional<URI> in = inner.rootUri();
        Optional<URI> out = outer.rootUri();
        if (in.isEmpty()
                || out.isEmpty()
                || !Objects.equals(in.get().getScheme(), out.get().getScheme())
                || !Objects.equals(in.get().getAuthority(), out.get().getAuthority())) {
            return Optional.empty();
        }
        String innerPath = withSlash(in.get().getPath());
        String outerPath = withSlash(out.get().getPath());
        if (!innerPath.startsWith(outerPath)) {
            return Optional.empty();
        }
        String rest = innerPath.substring(outerPath.length());
        return Optional.of(rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest);
    }

    private static String withSlash(String path) {
        return path.endsWith("/") ? path : path + "/";
    }
}
