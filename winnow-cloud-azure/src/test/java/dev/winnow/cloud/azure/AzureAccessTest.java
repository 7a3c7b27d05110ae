package dev.winnow.cloud.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import dev.winnow.datasource.CloudLocation;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.LocationAccessException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Refusals on Azurite, which checks SAS permissions like Azure does: each names the location and
 * the missing SAS letter, and no message carries the token.
 */
class AzureAccessTest {
    private final List<String> messages = new ArrayList<>();

    /** A container SAS with only {@code permissions}, signed with the emulator's account key. */
    private static String sas(String container, String permissions) {
        BlobServiceSasSignatureValues values = new BlobServiceSasSignatureValues(
                OffsetDateTime.now(ZoneOffset.UTC).plusHours(1), BlobContainerSasPermission.parse(permissions));
        return Azurite.get().client().getBlobContainerClient(container).generateSas(values);
    }

    private static Datasource openWithSas(String container, String token, boolean asConnectionString) throws Exception {
        Azurite azurite = Azurite.get();
        AzureLocationProvider provider = asConnectionString
                ? new AzureLocationProvider(
                        Map.of(
                                "AZURE_STORAGE_CONNECTION_STRING",
                                "BlobEndpoint=" + azurite.blobEndpoint() + ";SharedAccessSignature=" + token),
                        null)
                : new AzureLocationProvider(Map.of("AZURE_STORAGE_SAS_TOKEN", "?" + token), azurite.blobEndpoint());
        return provider.open(new CloudLocation("az", Azurite.ACCOUNT, container, "p"), true);
    }

    private void expectDenied(ThrowingCall call, String doing, String letter, String name, String location) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(LocationAccessException.class, e -> {
                    messages.add(e.getMessage());
                    assertThat(e.permission()).isEqualTo(letter);
                })
                .hasMessage("Access to " + location + " was denied while " + doing
                        + ": the SAS token lacks the permission '" + letter + "' (" + name + ").");
    }

    private interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void aReadAndListToken_readsButIsRefusedWritingAndDeletingWithTheLetter() throws Exception {
        Azurite azurite = Azurite.get();
        String container = azurite.newContainer();
        azurite.client()
                .getBlobContainerClient(container)
                .getBlobClient("p/a/x.json")
                .upload(BinaryData.fromString("{}"));
        String token = sas(container, "rl");
        String location = "az://" + Azurite.ACCOUNT + "/" + container + "/p";

        for (boolean asConnectionString : new boolean[] {true, false}) {
            Datasource source = openWithSas(container, token, asConnectionString);
            assertThat(source.list("")).containsExactly("a/x.json");
            assertThat(new String(source.readAllBytes("a/x.json", 100), StandardCharsets.UTF_8))
                    .isEqualTo("{}");
            assertThatThrownBy(() -> source.readAllBytes("a/missing.json", 100))
                    .isInstanceOf(NoSuchFileException.class);
            expectDenied(() -> source.writeAtomically("b.json", new byte[1]), "writing", "w", "write", location);
            expectDenied(() -> source.delete("a/x.json"), "deleting", "d", "delete", location);
        }
        assertNoSecretIn(token);
    }

    @Test
    void aWriteOnlyToken_isRefusedListingAndReadingWithTheLetter() throws Exception {
        Azurite azurite = Azurite.get();
        String container = azurite.newContainer();
        String token = sas(container, "w");
        String location = "az://" + Azurite.ACCOUNT + "/" + container + "/p";

        Datasource source = openWithSas(container, token, false);
        source.writeAtomically("w.json", "1".getBytes(StandardCharsets.UTF_8));
        expectDenied(() -> source.list(""), "listing", "l", "list", location);
        expectDenied(() -> source.readAllBytes("w.json", 10), "reading", "r", "read", location);
        expectDenied(() -> source.readRange("w.json", 0, 10), "reading", "r", "read", location);
        expectDenied(() -> source.openSeekable("w.json"), "reading", "r", "read", location);
        assertThat(azurite.client()
                        .getBlobContainerClient(container)
                        .getBlobClient("p/w.json")
                        .exists())
                .isTrue();
        assertNoSecretIn(token);
    }

    @Test
    void aMissingContainer_isOneSentenceWhenOpened() {
        Azurite azurite = Azurite.get();
        AzureLocationProvider provider = new AzureLocationProvider(azurite.environment(), null);

        assertThatThrownBy(
                        () -> provider.open(new CloudLocation("az", Azurite.ACCOUNT, "no-such-container", "p"), false))
                .isInstanceOfSatisfying(
                        LocationAccessException.class,
                        e -> assertThat(e.permission()).isNull())
                .hasMessage("The container 'no-such-container' of the storage account '" + Azurite.ACCOUNT
                        + "' does not exist (location az://" + Azurite.ACCOUNT + "/no-such-container/p).");
    }

    /** Neither the token nor its signature appears in any message the tests collected. */
    private void assertNoSecretIn(String token) {
        String signature = token.replaceAll(".*sig=([^&]*).*", "$1");
        assertThat(messages).isNotEmpty();
        for (String message : messages) {
            assertThat(message)
                    .doesNotContain(token)
                    .doesNotContain(signature)
                    .doesNotContain(URLDecoder.decode(signature, StandardCharsets.UTF_8))
                    .doesNotContain(Azurite.KEY);
        }
    }
}
