package dev.winnow.cloud.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.cloud.s3.S3Errors.Operation;
import dev.winnow.datasource.CloudLocation;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The sentences of answers that are not retried: they name one try, not the most a retried answer gets. */
class S3ErrorsTest {
    @Test
    void fullStore_saysSoAfterOneTry() throws Exception {
        S3Exception full = (S3Exception) S3Exception.builder().statusCode(507).build();

        assertThat(S3Errors.isTransient(full)).isFalse();
        assertThat(S3Errors.toIo(
                        full,
                        CloudLocation.parse("s3://full/out"),
                        Operation.WRITE,
                        "a/b.json",
                        S3LocationProvider.MAX_ATTEMPTS))
                .hasMessage("The S3 endpoint of s3://full/out is full: it answered HTTP 507 Insufficient Storage"
                        + " writing 'a/b.json'.");
    }

    @Test
    void answerThatIsNotRetried_namesNoTries() throws Exception {
        S3Exception refused = (S3Exception) S3Exception.builder()
                .statusCode(400)
                .awsErrorDetails(
                        AwsErrorDetails.builder().errorCode("InvalidRequest").build())
                .build();

        assertThat(S3Errors.toIo(
                        refused,
                        CloudLocation.parse("s3://full/out"),
                        Operation.WRITE,
                        "a/b.json",
                        S3LocationProvider.MAX_ATTEMPTS))
                .hasMessage("Amazon S3 answered HTTP 400 InvalidRequest writing 'a/b.json' in s3://full/out.");
    }

    @Test
    void serverErrorRetriedToTheEnd_namesTheTries() throws Exception {
        S3Exception failing =
                (S3Exception) S3Exception.builder().statusCode(500).build();

        assertThat(S3Errors.toIo(
                        failing,
                        CloudLocation.parse("s3://full/out"),
                        Operation.WRITE,
                        "a/b.json",
                        S3LocationProvider.MAX_ATTEMPTS))
                .hasMessage("Amazon S3 answered HTTP 500 writing 'a/b.json' in s3://full/out, 8 tries in a row.");
    }
}
