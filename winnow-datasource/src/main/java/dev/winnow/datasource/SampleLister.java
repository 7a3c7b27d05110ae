package dev.winnow.datasource;

import java.io.IOException;
import java.util.List;

/**
 * Lists the samples of an input datasource: images and videos at any depth, as sorted POSIX paths,
 * restricted by the output location's {@code .lightly/relevant_filenames.txt} when it exists.
 */
public final class SampleLister {
    private SampleLister() {
    }

    /** The images and videos of {@code input}, filtered by {@code relevantFilenames} of {@code output} when present. */
    public static List<String> list(Datasource input, Datasource output) throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }
}
