package dev.winnow.cloud.gcs;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.storage.StorageException;
import dev.winnow.cloud.gcs.GcsFailures.Operation;
import dev.winnow.datasource.CloudLocation;
import dev.winnow.datasource.LocationAccessException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/**
 * The sentences for Cloud Storage's refusals. The in-memory fake client never refuses, so the
 * client's own exceptions are handed in as Cloud Storage's answers would raise them.
 */
class GcsFailuresTest {
    private final GcsFailures failures = new GcsFailures(new CloudLocation("gs", null, "team-data", "images"));

    @Test
    void aRefusal_namesTheIamPermissionOfTheOperation() {
        String[][] cases = {
            {"LIST", "listing", "storage.objects.list", ""},
            {"READ", "reading", "storage.objects.get", ""},
            {"WRITE", "writing", "storage.objects.create", " (and storage.objects.delete to replace an existing object)"
            },
            {"DELETE", "deleting", "storage.objects.delete", ""},
        };
        for (String[] c : cases) {
            IOException e = failures.translate(
                    new StorageException(403, "caller does not have permission"), Operation.valueOf(c[0]), "a.jpg");

            assertThat(e)
                    .isInstanceOf(LocationAccessException.class)
                    .hasMessage("Access to gs://team-data/images was denied while " + c[1]
                            + ": the credentials lack the IAM permission " + c[2] + c[3] + ".");
            assertThat(((LocationAccessException) e).permission()).isEqualTo(c[2]);
        }
    }

    @Test
    void missingObjectsBucketsAndCredentials_eachGetTheirSentence() {
        assertThat(failures.translate(new StorageException(404, "No such object"), Operation.READ, "a/b.jpg"))
                .isInstanceOfSatisfying(
                        NoSuchFileException.class, e -> assertThat(e.getFile()).isEqualTo("a/b.jpg"));
        assertThat(failures.translate(
                        new StorageException(404, "The specified bucket does not exist."), Operation.LIST, ""))
                .isInstanceOf(LocationAccessException.class)
                .hasMessage("The bucket 'team-data' does not exist (location gs://team-data/images).");
        assertThat(failures.translate(new StorageException(401, "Anonymous caller"), Operation.LIST, ""))
                .isInstanceOf(LocationAccessException.class)
                .hasMessage("Access to gs://team-data/images was denied while listing: no Google "
                        + "credentials were accepted; set "
                        + "GOOGLE_APPLICATION_CREDENTIALS to a key file, or run 'gcloud auth "
                        + "application-default login', or run "
                        + "on Google Cloud with a service account.");
        assertThat(failures.translate(new StorageException(503, "Backend Error"), Operation.READ, "a.json"))
                .isExactlyInstanceOf(IOException.class)
                .hasMessage("Reading 'a.json' in gs://team-data/images failed: Cloud Storage answered HTTP 503.");
    }
}
