package dev.winnow.datasource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists the samples of an input datasource: images and videos (by {@link MediaKind} extension,
 * any letter case) at any depth, as sorted POSIX paths. Anything below a {@code .lightly/} or
 * {@code .winnow/} folder, at any depth, is left out: those hold predictions and Winnow's own
 * outputs, never samples. When the output location has {@code .lightly/relevant_filenames.txt},
 * only the samples it names are kept. Files that operating systems leave in folders
 * ({@link SystemFiles}) are passed over, and a file that leads out of the input through a link is
 * never a sample: it is {@linkplain Listing#refused() refused}, for every command to report the same way.
 *
 * <pre>{@code
 * List<String> samples = SampleLister.list(input, output);
 * }</pre>
 */
public final class SampleLister {
    private SampleLister() {}

    /**
     * The samples of {@code input}, the relevant-filenames entries that matched none of them, and
     * the images and videos that may not be read because they lead out of the input.
     */
    public record Listing(List<String> samples, List<String> unmatchedRelevantEntries, List<Refused> refused) {
        public Listing {
            samples = List.copyOf(samples);
            unmatchedRelevantEntries = List.copyOf(unmatchedRelevantEntries);
            refused = List.copyOf(refused);
        }
    }

    /** An image or video that is a link to {@code target}, outside the input, so it is not read. */
    public record Refused(String path, String target) {
        /** The sentence every command reports for it. */
        public String message(Datasource input) {
            return "The sample is a link to " + target + ", outside the input " + input.description()
                    + "; it is not read and is left out.";
        }
    }

    /**
     * The images and videos of {@code input}, filtered by {@code relevant_filenames.txt} of {@code output} when
     * present.
     */
    public static List<String> list(Datasource input, Datasource output) throws IOException {
        return scan(input, output).samples();
    }

    /** Like {@link #list}, also reporting the relevant-filenames entries that named no sample. */
    public static Listing scan(Datasource input, Datasource output) throws IOException {
        Optional<RelevantFilenames> relevant = RelevantFilenames.read(output);
        List<Refused> refused = new ArrayList<>();
        List<String> media = all(input, refused);
        if (relevant.isEmpty()) {
            return new Listing(media, List.of(), refused);
        }
        List<String> kept = new ArrayList<>();
        for (String path : media) {
            if (relevant.get().contains(path)) {
                kept.add(path);
            }
        }
        List<String> listed = new ArrayList<>(media);
        refused.forEach(r -> listed.add(r.path()));
        return new Listing(
                kept,
                relevant.get().unmatched(listed),
                refused.stream().filter(r -> relevant.get().contains(r.path())).toList());
    }

    /** Every image and video of {@code input} that may be read, sorted, without the relevant-filenames restriction. */
    public static List<String> all(Datasource input) throws IOException {
        return all(input, new ArrayList<>());
    }

    /**
     * Like {@link #all(Datasource)}, adding to {@code refused} the samples that lead out of the
     * input, for the caller to report.
     */
    public static List<String> all(Datasource input, List<Refused> refused) throws IOException {
        // The folders isSample leaves out are not even listed: beside the images they can hold as many files.
        return readable(input, input.list("", OutputLocation.OWNED_FOLDERS), refused);
    }

    /**
     * Of {@code listed}, paths a listing of {@code input} gave, the samples that may be read, in the
     * same order; those that lead out of the input go to {@code refused}. For a caller that has
     * listed the input already and must not walk it a second time.
     */
    public static List<String> readable(Datasource input, List<String> listed, List<Refused> refused)
            throws IOException {
        List<String> media = new ArrayList<>();
        for (String path : listed) {
            if (isSample(path)) {
                Optional<String> outside = input.leadsOutside(path);
                if (outside.isPresent()) {
                    refused.add(new Refused(path, outside.get()));
                } else {
                    media.add(path);
                }
            }
        }
        return media;
    }

    /** Whether {@code path} is an image or video outside the folders Winnow and predictions own. */
    public static boolean isSample(String path) {
        if (MediaKind.of(path).isEmpty() || SystemFiles.isSystemFile(path)) {
            return false;
        }
        int lastSlash = path.lastIndexOf('/');
        if (lastSlash < 0) {
            return true;
        }
        String folder = path.substring(0, lastSlash);
        return OutputLocation.OWNED_FOLDERS.stream().noneMatch(owned -> DatasourcePaths.hasSegment(folder, owned));
    }
}
