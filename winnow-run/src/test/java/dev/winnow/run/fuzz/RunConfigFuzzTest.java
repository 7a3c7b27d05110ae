package dev.winnow.run.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.winnow.config.ConfigException;
import dev.winnow.run.config.RunConfig;
import dev.winnow.run.config.RunConfigParser;
import java.nio.file.Path;

/**
 * Fuzz target for the run configuration (run.json): every input is a {@link RunConfig} or a
 * {@link ConfigException} whose problems are each one sentence in Winnow's words with a JSON
 * pointer; any other exception is a finding. Without {@code JAZZER_FUZZ=1} it replays
 * {@code RunConfigFuzzTestInputs/runConfig}.
 */
class RunConfigFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void runConfig(byte[] input) {
        try {
            RunConfig config = RunConfigParser.parse(input, "run.json", Path.of("configs"));
            assertThat(config.selection()).isNotNull();
        } catch (ConfigException e) {
            assertThat(e.problems()).isNotEmpty();
            for (ConfigException problem : e.problems()) {
                assertThat(problem.pointer()).matches("(/[^/]*)*");
                assertThat(problem.getMessage())
                        .isNotBlank()
                        .doesNotContain("Exception", "tools.jackson", "com.fasterxml", "\tat ");
            }
        }
    }
}
