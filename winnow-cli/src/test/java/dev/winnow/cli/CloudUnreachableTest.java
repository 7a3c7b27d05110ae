package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Storage that cannot be reached is a failure of access (exit code 3) with Winnow's sentence, not a
 * usage mistake: Cloud Storage's real client, its emulator host naming a port where nothing listens.
 */
class CloudUnreachableTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = WinnowCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void validate_cloudStorageWithoutServer_exitsThreeWithTheSentence() {
        String location = "gs://" + LocalGcsProvider.UNREACHABLE_BUCKET + "/data";

        int exit = run("validate", "--input", location);

        assertThat(err.toString())
                .isEqualTo("winnow: Listing " + location
                        + " failed: the connection to Cloud Storage kept failing after retries.\n");
        assertThat(out.toString()).isEmpty();
        assertThat(exit).isEqualTo(3);
    }

    @Test
    void validate_badLocationString_staysAUsageMistake() {
        int exit = run("validate", "--input", "gs:" + LocalGcsProvider.UNREACHABLE_BUCKET + "/data");

        assertThat(err.toString())
                .isEqualTo("winnow: The location gs:no-server/data starts with 'gs:' but not 'gs://'; "
                        + "expected gs://bucket/prefix.\n");
        assertThat(exit).isEqualTo(2);
    }
}
