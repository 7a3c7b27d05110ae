package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.cloud.s3.S3ProxyServer;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.FaultProxy;
import dev.winnow.datasource.Locations;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckAccessCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private S3ProxyServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = S3ProxyServer.get();
        server.useAsDefault();
    }

    @AfterEach
    void noSecretInAnyOutput() {
        System.setProperty("aws.endpointUrl", server.endpoint().toString());
        assertThat(out.toString() + err.toString()).doesNotContain(S3ProxyServer.SECRET_KEY);
    }

    private int run(String... args) {
        return Finished.runInto(out, err, args);
    }

    /** The output with the probe's random name replaced by ID. */
    private String output() {
        return out.toString().replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID");
    }

    @Test
    void everyOperationAllowed_exit0_andTheProbeIsGone() throws Exception {
        String bucket = server.newBucket("access");
        Datasource source = Locations.openOrCreate("s3://" + bucket + "/data");
        source.writeAtomically("a.json", "{}".getBytes(StandardCharsets.UTF_8));

        int exit = run("check-access", "s3://" + bucket + "/data", "--write");

        assertThat(output()).isEqualTo("""
                Access to s3://%s/data:
                  list: ok
                  read: ok (a.json)
                  write: ok (.winnow/access-check/ID.txt)
                  delete: ok
                Every checked operation works.
                """.formatted(bucket));
        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(source.list("")).containsExactly("a.json");
    }

    @Test
    void emptyLocationWithoutWrite_saysReadWasNotChecked() throws Exception {
        String bucket = server.newBucket("empty");

        int exit = run("check-access", "s3://" + bucket);

        assertThat(output()).isEqualTo("""
                Access to s3://%s:
                  list: ok
                  read: not checked (the location holds no file; --write checks with a file of its own)
                Every checked operation works.
                """.formatted(bucket));
        assertThat(exit).isEqualTo(ExitCodes.OK);
    }

    @Test
    void deniedWrites_nameThePermission_exit1() throws Exception {
        String bucket = server.newBucket("readonly");
        Locations.openOrCreate("s3://" + bucket).writeAtomically("kept.json", new byte[] {'1'});
        try (FaultProxy proxy = new FaultProxy(server.port(), 0, 0, 0, 0, 1)) {
            proxy.deny(line -> line.startsWith("PUT "));
            System.setProperty("aws.endpointUrl", proxy.endpoint().toString());

            int exit = run("check-access", "s3://" + bucket, "--write");

            assertThat(output()).isEqualTo("""
                    Access to s3://%s:
                      list: ok
                      read: ok (kept.json)
                      write: denied, missing permission s3:PutObject
                      delete: not checked (nothing was written)
                    Missing permissions: s3:PutObject.
                    """.formatted(bucket));
            assertThat(exit).isEqualTo(ExitCodes.INVALID);
        }
    }

    @Test
    void deniedListingReadingAndDeleting_nameEachPermission() throws Exception {
        String bucket = server.newBucket("writeonly");
        try (FaultProxy proxy = new FaultProxy(server.port(), 0, 0, 0, 0, 1)) {
            proxy.deny(line -> line.startsWith("GET ") || line.startsWith("DELETE "));
            System.setProperty("aws.endpointUrl", proxy.endpoint().toString());

            int exit = run("check-access", "s3://" + bucket + "/p", "--write");

            assertThat(output()).isEqualTo("""
                    Access to s3://%s/p:
                      list: denied, missing permission s3:ListBucket
                      write: ok (.winnow/access-check/ID.txt)
                      read: denied, missing permission s3:GetObject
                      delete: denied, missing permission s3:DeleteObject
                      note: the probe .winnow/access-check/ID.txt is left behind.
                    Missing permissions: s3:ListBucket, s3:GetObject, s3:DeleteObject.
                    """.formatted(bucket));
            assertThat(exit).isEqualTo(ExitCodes.INVALID);
        }
    }

    @Test
    void missingBucket_exit1_withTheSentence() {
        int exit = run("check-access", "s3://no-such-bucket/p");

        assertThat(out.toString()).isEqualTo("""
                Access to s3://no-such-bucket/p:
                  open: failed: The bucket 'no-such-bucket' of s3://no-such-bucket/p does not exist (or the S3 \
                endpoint in use does not have it).
                The bucket 'no-such-bucket' of s3://no-such-bucket/p does not exist (or the S3 endpoint in use does \
                not have it).
                """);
        assertThat(exit).isEqualTo(ExitCodes.INVALID);
    }

    @Test
    void malformedLocation_isAUsageMistake() {
        int exit = run("check-access", "s3://Bad_Bucket/p");

        assertThat(err.toString())
                .isEqualTo("winnow: The location s3://Bad_Bucket/p names the bucket 'Bad_Bucket', but a bucket "
                        + "name is 3 to 222 lower-case letters, digits, dots, dashes and "
                        + "underscores; expected s3://bucket/prefix.\n");
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void localFolder_withWrite(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "a");

        int exit = run("check-access", dir.toString(), "--write");

        assertThat(output()).isEqualTo("""
                Access to %s:
                  list: ok
                  read: ok (a.txt)
                  write: ok (.winnow/access-check/ID.txt)
                  delete: ok
                Every checked operation works.
                """.formatted(dir));
        assertThat(exit).isEqualTo(ExitCodes.OK);
    }
}
