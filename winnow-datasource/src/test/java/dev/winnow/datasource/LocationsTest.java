package dev.winnow.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocationsTest {
    @TempDir
    Path dir;

    @Test
    void open_plainPath() throws IOException {
        Files.writeString(dir.resolve("a.jpg"), "x");

        assertThat(Locations.open(dir.toString()).list("")).containsExactly("a.jpg");
    }

    @Test
    void open_fileUri() throws IOException {
        Files.writeString(dir.resolve("a.jpg"), "x");

        Datasource source = Locations.open(dir.toUri().toString());

        assertThat(source.list("")).containsExactly("a.jpg");
        assertThat(source.description())
                .isEqualTo(dir.toAbsolutePath().normalize().toString());
    }

    @Test
    void openOrCreate_createsTheFolder() throws IOException {
        Datasource source = Locations.openOrCreate(dir.resolve("out/sub").toString());

        assertThat(Files.isDirectory(dir.resolve("out/sub"))).isTrue();
        assertThat(source.list("")).isEmpty();
    }

    @Test
    void cloudLocations_withoutTheirModule_nameTheModule() {
        assertThatThrownBy(() -> Locations.open("s3://bucket/prefix"))
                .isInstanceOf(UnsupportedLocationException.class)
                .hasMessage("The location s3://bucket/prefix needs the module winnow-cloud-s3, which is "
                        + "not on the class path; run the winnow command (its jar holds every cloud) or add "
                        + "winnow-cloud-s3 to the class path.");
        assertThatThrownBy(() -> Locations.open("gs://bucket"))
                .hasMessage(
                        "The location gs://bucket needs the module winnow-cloud-gcs, which is not on the class path; "
                                + "run the winnow command (its jar holds every cloud) or add "
                                + "winnow-cloud-gcs to the class path.");
        assertThatThrownBy(() -> Locations.openOrCreate("az://acct/container/p/"))
                .hasMessage("The location az://acct/container/p needs the module winnow-cloud-azure, which "
                        + "is not on the class path; run the winnow command (its jar holds every cloud) or add "
                        + "winnow-cloud-azure to the class path.");
    }

    @Test
    void cloudLocations_parseIntoSchemeAccountBucketAndPrefix() throws IOException {
        assertThat(CloudLocation.parse("s3://bucket/a/b/")).isEqualTo(new CloudLocation("s3", null, "bucket", "a/b"));
        assertThat(CloudLocation.parse("S3://bucket")).isEqualTo(new CloudLocation("s3", null, "bucket", ""));
        assertThat(CloudLocation.parse("gs://my_bucket.x/"))
                .isEqualTo(new CloudLocation("gs", null, "my_bucket.x", ""));
        assertThat(CloudLocation.parse("az://acct/container/p q/ü"))
                .isEqualTo(new CloudLocation("az", "acct", "container", "p q/ü"));
        assertThat(CloudLocation.parse("az://acct/container/p q/ü").rootUri().toString())
                .isEqualTo("az://acct/container/p%20q/%C3%BC/");
        assertThat(CloudLocation.parse("s3://bucket").rootUri().toString()).isEqualTo("s3://bucket/");
        assertThat(CloudLocation.parse("s3://bucket/a").keyOf("x/y.jpg")).isEqualTo("a/x/y.jpg");
        assertThat(CloudLocation.parse("s3://bucket").keyOf("x/y.jpg")).isEqualTo("x/y.jpg");
        assertThat(CloudLocation.parse("s3://bucket/a").folderKey("")).isEqualTo("a/");
        assertThat(CloudLocation.parse("s3://bucket/a").folderKey("x")).isEqualTo("a/x/");
        assertThat(CloudLocation.parse("s3://bucket").folderKey("")).isEqualTo("");
        assertThat(CloudLocation.parse("s3://bucket").folderKey("x")).isEqualTo("x/");
        assertThat(CloudLocation.parse("gs://bucket/a/").toString()).isEqualTo("gs://bucket/a");
    }

    @Test
    void folderFanOut_listsPathsBelowTheRoot_sortedWithoutFolderMarkersOrSkippedFolders() throws IOException {
        Map<String, FolderFanOut.Folder> bucket = Map.of(
                "root/",
                new FolderFanOut.Folder(List.of("root/b.jpg", "root/a.jpg"), List.of("root/x/", "root/.winnow/")),
                "root/x/",
                new FolderFanOut.Folder(List.of("root/x/", "root/x/c.png"), List.of()),
                "root/.winnow/",
                new FolderFanOut.Folder(List.of("root/.winnow/lock"), List.of()));

        List<String> paths = FolderFanOut.listPaths(
                "root/", "root/", Set.of(".winnow"), 2, folder -> Objects.requireNonNull(bucket.get(folder)));

        assertThat(paths).containsExactly("a.jpg", "b.jpg", "x/c.png");
    }

    @Test
    void cloudLocation_ofAnUnknownScheme_isRefused() {
        assertThatThrownBy(() -> new CloudLocation("ftp", null, "bucket", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A cloud location's scheme is s3, gs or az, but was 'ftp'.");
    }

    @Test
    void badCloudLocations_getASentence() {
        assertThatThrownBy(() -> Locations.open("s3://"))
                .isInstanceOf(UnsupportedLocationException.class)
                .hasMessage("The location s3:// names no bucket; expected s3://bucket/prefix.");
        assertThatThrownBy(() -> Locations.open("s3://Bucket/x"))
                .hasMessage("The location s3://Bucket/x names the bucket 'Bucket', but a bucket name is 3 "
                        + "to 222 lower-case "
                        + "letters, digits, dots, dashes and underscores; expected s3://bucket/prefix.");
        assertThatThrownBy(() -> Locations.open("az://acct"))
                .hasMessage("The location az://acct names no container; expected az://account/container/prefix.");
        assertThatThrownBy(() -> Locations.open("az://Acct/c"))
                .hasMessage("The location az://Acct/c names the storage account 'Acct', but an account name is 3 to 24 "
                        + "lower-case letters and digits; expected az://account/container/prefix.");
        assertThatThrownBy(() -> Locations.open("gs://bucket/a/../b"))
                .hasMessage(
                        "The location gs://bucket/a/../b has the prefix 'a/../b', which a cloud location cannot have: "
                                + "'..' segments, a leading '/' and NUL characters are not allowed.");
        assertThatThrownBy(() -> Locations.open("gs://bucket/a//b"))
                .hasMessage("The location gs://bucket/a//b has an empty folder name ('//') in its prefix; "
                        + "expected gs://bucket/prefix.");
        assertThatThrownBy(() -> Locations.open("s3://bucket/p?X-Amz-Signature=abc"))
                .hasMessage("The location s3://bucket/p?X-Amz-Signature=abc has a query or fragment; a "
                        + "cloud location is only "
                        + "s3://bucket/prefix (credentials come from the environment, never from the location).");
    }

    @Test
    void cloudSchemesWithoutBothSlashes_areRefused_notTakenForFolders() {
        assertThatThrownBy(() -> Locations.open("s3:/bucket/images"))
                .isInstanceOf(UnsupportedLocationException.class)
                .hasMessage("The location s3:/bucket/images starts with 's3:' but not 's3://'; expected "
                        + "s3://bucket/prefix.");
        assertThatThrownBy(() -> Locations.openOrCreate("GS:bucket"))
                .isInstanceOf(UnsupportedLocationException.class)
                .hasMessage("The location GS:bucket starts with 'gs:' but not 'gs://'; expected gs://bucket/prefix.");
        assertThatThrownBy(() -> Locations.open("az:/account/container"))
                .hasMessage("The location az:/account/container starts with 'az:' but not 'az://'; "
                        + "expected az://account/container/prefix.");
    }

    @Test
    void unknownSchemeOrRemoteHost_isRefused() {
        assertThatThrownBy(() -> Locations.open("http://example.org/x"))
                .isInstanceOf(UnsupportedLocationException.class)
                .hasMessage("The location http://example.org/x has the unknown scheme 'http://'; use a local folder, "
                        + "a file:// URI, s3://bucket/prefix, gs://bucket/prefix or az://account/container/prefix.");
        assertThatThrownBy(() -> Locations.open("file://server/share"))
                .hasMessage("The location file://server/share names the host 'server'; a file:// URI must "
                        + "name a local folder, like file:///data/images.");
        assertThatThrownBy(() -> Locations.open(" "))
                .hasMessage("A location must be a folder path or a URI, but it was empty.");
    }
}
