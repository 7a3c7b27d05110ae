package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage mistakes of {@code winnow serve}; the serving itself is ServeIT's, through the packaged jar. */
class ServeCommandTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "predictions");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path temp;

    private int run(String... args) {
        return Finished.runInto(out, err, args);
    }

    @Test
    void aPortOutOfRangeIsAUsageMistake() {
        assertThat(run("serve", "--input", EXAMPLE.toString(), "--port", "70000"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("winnow: --port must be from 0 to 65535, but was 70000.\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void zeroThreadsIsAUsageMistake() {
        assertThat(run("serve", "--input", EXAMPLE.toString(), "--threads", "0"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("winnow: --threads must be 1 or more, but was 0.\n");
    }

    @Test
    void aMissingInputIsAUsageMistake() {
        Path missing = temp.resolve("nothing-here");
        assertThat(run("serve", "--input", missing.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("winnow: ").contains(missing.toString());
        assertThat(out.toString()).isEmpty();
    }
}
