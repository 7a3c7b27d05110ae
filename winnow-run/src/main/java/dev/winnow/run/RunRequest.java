package dev.winnow.run;

import dev.winnow.datasource.Datasource;
import dev.winnow.run.config.RunConfig;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One run to do: where the samples are, where predictions and results live, what to select, and
 * optionally the run's id (a timestamp from the pipeline's clock otherwise).
 *
 * @param input        the samples
 * @param output       the output location (holds {@code .lightly/}); writes into the input are refused by its guard
 * @param outputFolder the output location as a local folder, for {@code .winnow/}
 */
public record RunRequest(
        Datasource input, Datasource output, Path outputFolder, RunConfig config, Optional<String> runId) {
    public RunRequest {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(outputFolder, "outputFolder");
        Objects.requireNonNull(config, "config");
        runId = runId == null ? Optional.empty() : runId;
    }
}
