package dev.winnow.cloud.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.datasource.CloudLocation;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.FaultProxy;
import dev.winnow.datasource.LocationAccessException;
import dev.winnow.datasource.Locations;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Denied operations and missing buckets: one sentence with the location and the permission, never a secret. */
class S3AccessTest {

    @Test
    void wrongSecret_namesThePermissionOfEachOperation() throws Exception {
        S3ProxyServer server = S3ProxyServer.get();
        String bucket = server.newBucket("denied");
        S3ProxyServer.open(server.endpoint(), "s3://" + bucket + "/p").writeAtomically("a.json", new byte[] {'1'});
        String wrongSecret = "notTheSecret/wrongWrongWrong+secretValue";
        Datasource source = new S3LocationProvider(S3ProxyServer.settings(server.endpoint(), wrongSecret))
                .open(CloudLocation.parse("s3://" + bucket + "/p"), false);

        assertThatThrownBy(() -> source.list(""))
                .isInstanceOfSatisfying(
                        LocationAccessException.class,
                        e -> assertThat(e.permission()).isEqualTo("s3:ListBucket"))
                .hasMessage("Access to s3://" + bucket
                        + "/p was denied listing: the credentials lack the permission s3:ListBucket.");
        assertThatThrownBy(() -> source.readAllBytes("a.json", 10))
                .isInstanceOfSatisfying(
                        LocationAccessException.class,
                        e -> assertThat(e.permission()).isEqualTo("s3:GetObject"))
                .hasMessage("Access to s3://" + bucket
                        + "/p was denied reading 'a.json': the credentials lack the permission " + "s3:GetObject.")
                .hasMessageNotContaining(wrongSecret)
                .hasMessageNotContaining(S3ProxyServer.SECRET_KEY);
        assertThatThrownBy(() -> source.writeAtomically("b.json", new byte[1]))
                .hasMessage("Access to s3://" + bucket
                        + "/p was denied writing 'b.json': the credentials lack the permission " + "s3:PutObject.");
    }

    @Test
    void deniedWritesAndDeletes_nameTheirPermissions() throws Exception {
        S3ProxyServer server = S3ProxyServer.get();
        String bucket = server.newBucket("readonly");
        try (FaultProxy proxy = new FaultProxy(server.port(), 0, 0, 0, 0, 1)) {
            Datasource source = S3ProxyServer.open(proxy.endpoint(), "s3://" + bucket);
            source.writeAtomically("kept.json", "{}".getBytes(StandardCharsets.UTF_8));
            proxy.deny(line -> line.startsWith("PUT ") || line.startsWith("DELETE "));

            assertThatThrownBy(() -> source.writeAtomically("x/new.json", new byte[1]))
                    .isInstanceOfSatisfying(
                            LocationAccessException.class,
                            e -> assertThat(e.permission()).isEqualTo("s3:PutObject"))
                    .hasMessage(
                            "Access to s3://" + bucket + " was denied writing 'x/new.json': the credentials lack the "
                                    + "permission s3:PutObject.");
            assertThatThrownBy(() -> source.delete("kept.json"))
                    .isInstanceOfSatisfying(
                            LocationAccessException.class,
                            e -> assertThat(e.permission()).isEqualTo("s3:DeleteObject"));
            assertThat(source.list("")).containsExactly("kept.json");
        }
    }

    @Test
    void missingBucket_isOneSentence() throws Exception {
        S3ProxyServer server = S3ProxyServer.get();

        assertThatThrownBy(() -> S3ProxyServer.open(server.endpoint(), "s3://no-such-bucket/images"))
                .isInstanceOfSatisfying(
                        LocationAccessException.class,
                        e -> assertThat(e.permission()).isNull())
                .hasMessage("The bucket 'no-such-bucket' of s3://no-such-bucket/images does not exist (or "
                        + "the S3 endpoint in use does not have it).");
    }

    @Test
    void locationsOpen_findsTheProviderAndTheEndpointFromTheEnvironment() throws Exception {
        S3ProxyServer server = S3ProxyServer.get();
        String bucket = server.newBucket("located");
        server.useAsDefault();

        Datasource output = Locations.openOrCreate("s3://" + bucket + "/out");
        output.writeAtomically("r/a.txt", "a".getBytes(StandardCharsets.UTF_8));

        Datasource input = Locations.open("s3://" + bucket);
        assertThat(input.list("")).containsExactly("out/r/a.txt");
        assertThat(input.description()).isEqualTo("s3://" + bucket);
        assertThat(input.rootUri())
                .hasValueSatisfying(uri -> assertThat(uri.toString()).isEqualTo("s3://" + bucket + "/"));
        assertThat(input.parallelReads()).isEqualTo(64);
    }
}
