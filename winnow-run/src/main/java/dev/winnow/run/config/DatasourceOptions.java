package dev.winnow.run.config;

import java.util.Optional;

/**
 * The {@code datasource} part of a run configuration.
 *
 * @param processAll            process every sample again, ignoring what the datapool remembers
 * @param relevantFilenamesFile a file in the output location listing the samples to use, instead of
 *                              {@code .lightly/relevant_filenames.txt}
 */
public record DatasourceOptions(boolean processAll, Optional<String> relevantFilenamesFile) {
    public DatasourceOptions {
        relevantFilenamesFile = relevantFilenamesFile == null ? Optional.empty() : relevantFilenamesFile;
    }

    public static DatasourceOptions defaults() {
        return new DatasourceOptions(false, Optional.empty());
    }
}
