package dev.winnow.cloud.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.storage.blob.models.BlobStorageException;
import dev.winnow.cloud.azure.AzureFailures.Operation;
import dev.winnow.datasource.CloudLocation;
import dev.winnow.datasource.LocationAccessException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The sentences for refusals under Microsoft Entra ID, which Azurite cannot sign in with: the
 * storage library's exception is made from the answer Azure gives (status and error code header).
 */
class AzureFailuresTest {
    private static final CloudLocation LOCATION = new CloudLocation("az", "teamdata", "images", "2024");

    private static BlobStorageException answer(int status, String errorCode) {
        HttpRequest request =
                new HttpRequest(HttpMethod.GET, "https://teamdata.blob.core.windows.net/images/2024/a.jpg");
        HttpHeaders headers = new HttpHeaders().set(HttpHeaderName.fromString("x-ms-error-code"), errorCode);
        HttpResponse response = new HttpResponse(request) {
            @Override
            public int getStatusCode() {
                return status;
            }

            @Override
            @Deprecated
            public String getHeaderValue(String name) {
                return headers.getValue(name);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }

            @Override
            public Flux<ByteBuffer> getBody() {
                return Flux.empty();
            }

            @Override
            public Mono<byte[]> getBodyAsByteArray() {
                return Mono.just(new byte[0]);
            }

            @Override
            public Mono<String> getBodyAsString() {
                return Mono.just("");
            }

            @Override
            public Mono<String> getBodyAsString(Charset charset) {
                return Mono.just("");
            }
        };
        return new BlobStorageException("refused", response, null);
    }

    @Test
    void aRefusedIdentity_namesTheRbacDataAction() {
        AzureFailures failures = new AzureFailures(LOCATION, AzureCredentials.Kind.ENTRA_ID);
        String[][] cases = {
            {"LIST", "listing", "read"},
            {"READ", "reading", "read"},
            {"WRITE", "writing", "write"},
            {"DELETE", "deleting", "delete"}
        };
        for (String[] c : cases) {
            IOException e = failures.translate(
                    answer(403, "AuthorizationPermissionMismatch"), Operation.valueOf(c[0]), "a.jpg");
            String action = "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/" + c[2];

            assertThat(e)
                    .isInstanceOf(LocationAccessException.class)
                    .hasMessage("Access to az://teamdata/images/2024 was denied while " + c[1]
                            + ": the signed-in identity lacks the RBAC data action " + action + ".");
            assertThat(((LocationAccessException) e).permission()).isEqualTo(action);
        }
    }

    @Test
    void aRejectedKeyOrToken_isNotAMissingPermission() {
        IOException e = new AzureFailures(LOCATION, AzureCredentials.Kind.SAS)
                .translate(answer(403, "AuthenticationFailed"), Operation.READ, "a.jpg");

        assertThat(e)
                .isInstanceOf(LocationAccessException.class)
                .hasMessage("Access to az://teamdata/images/2024 was denied while "
                        + "reading: the SAS token was not accepted (wrong key, or a token that is "
                        + "expired, not yet valid or for another "
                        + "account).");
        assertThat(((LocationAccessException) e).permission()).isNull();
    }

    @Test
    void connectionStrings_pickTheirAccountOrLeaveItToTheNextWay() {
        Map<String, String> env = Map.of(
                "AZURE_STORAGE_CONNECTION_STRING",
                "DefaultEndpointsProtocol=https;AccountName=teamdata;AccountKey=a2V5;EndpointSuffix=core.windows.net",
                "AZURE_STORAGE_SAS_TOKEN",
                "?sv=2024&sig=x");
        assertThat(AzureCredentials.forAccount("teamdata", env, null).kind())
                .isEqualTo(AzureCredentials.Kind.ACCOUNT_KEY);
        AzureCredentials other = AzureCredentials.forAccount("otheraccount", env, null);
        assertThat(other.kind()).isEqualTo(AzureCredentials.Kind.SAS);
        assertThat(other.endpoint()).isEqualTo("https://otheraccount.blob.core.windows.net");
        assertThat(other.sasToken()).isEqualTo("sv=2024&sig=x");
        assertThat(AzureCredentials.forAccount("otheraccount", Map.of(), null).kind())
                .isEqualTo(AzureCredentials.Kind.ENTRA_ID);
        assertThat(AzureCredentials.forAccount(
                                Azurite.ACCOUNT,
                                Map.of("AZURE_STORAGE_CONNECTION_STRING", "UseDevelopmentStorage=true"),
                                null)
                        .kind())
                .isEqualTo(AzureCredentials.Kind.ACCOUNT_KEY);
        assertThat(AzureCredentials.forAccount(
                                Azurite.ACCOUNT,
                                Map.of(
                                        "AZURE_STORAGE_CONNECTION_STRING",
                                        "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"
                                                + "SharedAccessSignature=sv=1&sig=y"),
                                null)
                        .kind())
                .isEqualTo(AzureCredentials.Kind.SAS);
        assertThat(other.toString()).isEqualTo("AzureCredentials[SAS]");
    }
}
