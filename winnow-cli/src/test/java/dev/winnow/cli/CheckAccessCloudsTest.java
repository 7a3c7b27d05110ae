package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import dev.winnow.cloud.azure.Azurite;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code winnow check-access} on Azure (Azurite, which checks SAS permissions as Azure does) and on
 * Cloud Storage (Google's in-memory fake of the client, refusing with 403 as Cloud Storage does):
 * what works, and for what does not the permission each cloud names (the SAS letter, the IAM
 * permission).
 */
class CheckAccessCloudsTest {
    private static final String CONNECTION_STRING = "AZURE_STORAGE_CONNECTION_STRING";
    private static final AtomicInteger PREFIXES = new AtomicInteger();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void restore() {
        System.clearProperty(CONNECTION_STRING);
        LocalGcsProvider.DENIED.clear();
        assertThat(out.toString() + err.toString())
                .doesNotContain(Azurite.KEY)
                .doesNotContain("sig=")
                .doesNotContain("AccountKey");
    }

    private int run(String... args) {
        return Finished.runInto(out, err, args);
    }

    /** The output with the probe's random name replaced by ID. */
    private String output() {
        return out.toString().replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID");
    }

    /** A container holding {@code p/a/x.json}, reached through a SAS with only {@code permissions}. */
    private static String azureContainerWithSas(String permissions) {
        Azurite azurite = Azurite.get();
        String container = azurite.newContainer();
        BlobContainerClient client = azurite.client().getBlobContainerClient(container);
        client.getBlobClient("p/a/x.json").upload(BinaryData.fromString("{}"));
        String sas = client.generateSas(new BlobServiceSasSignatureValues(
                OffsetDateTime.now(ZoneOffset.UTC).plusHours(1), BlobContainerSasPermission.parse(permissions)));
        System.setProperty(
                CONNECTION_STRING, "BlobEndpoint=" + azurite.blobEndpoint() + ";SharedAccessSignature=" + sas);
        return container;
    }

    @Test
    void azure_everyPermission_exit0_andTheProbeIsGone() {
        String container = azureContainerWithSas("rlwd");

        int exit = run("check-access", "az://" + Azurite.ACCOUNT + "/" + container + "/p", "--write");

        assertThat(output()).isEqualTo("""
                Access to az://%s/%s/p:
                  list: ok
                  read: ok (a/x.json)
                  write: ok (.winnow/access-check/ID.txt)
                  delete: ok
                Every checked operation works.
                """.formatted(Azurite.ACCOUNT, container));
        assertThat(exit).isEqualTo(ExitCodes.OK);
        List<String> left = Azurite.get().client().getBlobContainerClient(container).listBlobs().stream()
                .map(blob -> blob.getName())
                .toList();
        assertThat(left).containsExactly("p/a/x.json");
    }

    @Test
    void azure_aReadAndListSas_namesTheWriteLetter_exit1() {
        String container = azureContainerWithSas("rl");

        int exit = run("check-access", "az://" + Azurite.ACCOUNT + "/" + container + "/p", "--write");

        assertThat(output()).isEqualTo("""
                Access to az://%s/%s/p:
                  list: ok
                  read: ok (a/x.json)
                  write: denied, missing permission w
                  delete: not checked (nothing was written)
                Missing permissions: w.
                """.formatted(Azurite.ACCOUNT, container));
        assertThat(exit).isEqualTo(ExitCodes.INVALID);
    }

    @Test
    void azure_aWriteOnlySas_namesTheListReadAndDeleteLetters() {
        String container = azureContainerWithSas("w");

        int exit = run("check-access", "az://" + Azurite.ACCOUNT + "/" + container + "/p", "--write");

        assertThat(output()).isEqualTo("""
                Access to az://%s/%s/p:
                  list: denied, missing permission l
                  write: ok (.winnow/access-check/ID.txt)
                  read: denied, missing permission r
                  delete: denied, missing permission d
                  note: the probe .winnow/access-check/ID.txt is left behind.
                Missing permissions: l, r, d.
                """.formatted(Azurite.ACCOUNT, container));
        assertThat(exit).isEqualTo(ExitCodes.INVALID);
    }

    /** A fresh prefix of the fake's bucket holding {@code a/x.json}. */
    private static String gcsFolder() {
        String prefix = "check" + PREFIXES.incrementAndGet();
        LocalGcsProvider.storage()
                .create(
                        BlobInfo.newBuilder(BlobId.of("team-data", prefix + "/a/x.json"))
                                .build(),
                        "{}".getBytes(StandardCharsets.UTF_8));
        return prefix;
    }

    @Test
    void gcs_everyPermission_exit0_andTheProbeIsGone() {
        String prefix = gcsFolder();

        int exit = run("check-access", "gs://team-data/" + prefix, "--write");

        assertThat(output()).isEqualTo("""
                Access to gs://team-data/%s:
                  list: ok
                  read: ok (a/x.json)
                  write: ok (.winnow/access-check/ID.txt)
                  delete: ok
                Every checked operation works.
                """.formatted(prefix));
        assertThat(exit).isEqualTo(ExitCodes.OK);
        List<String> left = LocalGcsProvider.storage()
                .list("team-data", Storage.BlobListOption.prefix(prefix + "/"))
                .streamAll()
                .map(blob -> blob.getName())
                .toList();
        assertThat(left).containsExactly(prefix + "/a/x.json");
    }

    @Test
    void gcs_withoutCreate_namesStorageObjectsCreate_exit1() {
        String prefix = gcsFolder();
        LocalGcsProvider.DENIED.add("create");

        int exit = run("check-access", "gs://team-data/" + prefix, "--write");

        assertThat(output()).isEqualTo("""
                Access to gs://team-data/%s:
                  list: ok
                  read: ok (a/x.json)
                  write: denied, missing permission storage.objects.create
                  delete: not checked (nothing was written)
                Missing permissions: storage.objects.create.
                """.formatted(prefix));
        assertThat(exit).isEqualTo(ExitCodes.INVALID);
    }

    @Test
    void gcs_withOnlyCreate_namesListGetAndDelete() {
        String prefix = gcsFolder();
        LocalGcsProvider.DENIED.addAll(List.of("list", "get", "reader", "delete"));

        int exit = run("check-access", "gs://team-data/" + prefix, "--write");

        assertThat(output()).isEqualTo("""
                Access to gs://team-data/%s:
                  list: denied, missing permission storage.objects.list
                  write: ok (.winnow/access-check/ID.txt)
                  read: denied, missing permission storage.objects.get
                  delete: denied, missing permission storage.objects.delete
                  note: the probe .winnow/access-check/ID.txt is left behind.
                Missing permissions: storage.objects.list, storage.objects.get, storage.objects.delete.
                """.formatted(prefix));
        assertThat(exit).isEqualTo(ExitCodes.INVALID);
    }
}
