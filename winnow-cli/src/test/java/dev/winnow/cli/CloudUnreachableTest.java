package dev.winnow.cli;

import static dev.winnow.cli.Finished.inProcess;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Storage that cannot be reached is a failure of access (exit code 3) with Winnow's sentence, not a
 * usage mistake: Cloud Storage's real client, its emulator host naming a port where nothing listens.
 */
class CloudUnreachableTest {
    @Test
    void validate_cloudStorageWithoutServer_exitsThreeWithTheSentence() {
        String location = "gs://" + LocalGcsProvider.UNREACHABLE_BUCKET + "/data";

        Finished result = inProcess("validate", "--input", location);

        assertThat(result.err())
                .isEqualTo("winnow: Listing " + location
                        + " failed: the connection to Cloud Storage kept failing after retries.\n");
        assertThat(result.out()).isEmpty();
        assertThat(result.exit()).isEqualTo(3);
    }

    @Test
    void validate_badLocationString_staysAUsageMistake() {
        Finished result = inProcess("validate", "--input", "gs:" + LocalGcsProvider.UNREACHABLE_BUCKET + "/data");

        assertThat(result.err())
                .isEqualTo("winnow: The location gs:no-server/data starts with 'gs:' but not 'gs://'; "
                        + "expected gs://bucket/prefix.\n");
        assertThat(result.exit()).isEqualTo(2);
    }
}
