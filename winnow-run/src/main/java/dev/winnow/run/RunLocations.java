package dev.winnow.run;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where a run reads from, as the user wrote it, and its {@code run.json}: all an executor of a
 * cluster needs to open the same datasources and embedder itself. It holds no credentials: each
 * machine takes them from its own environment.
 *
 * @param input      the input location (folder, {@code file://} URI or bucket)
 * @param output     the output location, holding {@code .lightly/}
 * @param configText the text of {@code run.json}
 * @param configName how to name {@code run.json} in messages
 * @param configDir  the folder relative paths of {@code run.json} are resolved against
 */
public record RunLocations(String input, String output, String configText, String configName, String configDir)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public RunLocations {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(configText, "configText");
        Objects.requireNonNull(configName, "configName");
        Objects.requireNonNull(configDir, "configDir");
    }
}
