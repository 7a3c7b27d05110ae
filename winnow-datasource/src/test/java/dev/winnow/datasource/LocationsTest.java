package dev.winnow.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(source.description()).isEqualTo(dir.toAbsolutePath().normalize().toString());
    }

    @Test
    void openOrCreate_createsTheFolder() throws IOException {
        Datasource source = Locations.openOrCreate(dir.resolve("out/sub").toString());

        assertThat(Files.isDirectory(dir.resolve("out/sub"))).isTrue();
        assertThat(source.list("")).isEmpty();
    }

    @Test
    void cloudLocations_areNotSupportedYet() {
        assertThatThrownBy(() -> Locations.open("s3://bucket/prefix"))
                .isInstanceOf(UnsupportedLocationException.class)
                .hasMessage("The location s3://bucket/prefix is in cloud storage (s3://), which is not supported yet; "
                        + "use a local folder or a file:// URI.");
        assertThatThrownBy(() -> Locations.open("gs://bucket"))
                .hasMessage("The location gs://bucket is in cloud storage (gs://), which is not supported yet; "
                        + "use a local folder or a file:// URI.");
        assertThatThrownBy(() -> Locations.openOrCreate("az://container/p"))
                .hasMessage("The location az://container/p is in cloud storage (az://), which is not supported yet; "
                        + "use a local folder or a file:// URI.");
    }

    @Test
    void unknownSchemeOrRemoteHost_isRefused() {
        assertThatThrownBy(() -> Locations.open("http://example.org/x"))
                .isInstanceOf(UnsupportedLocationException.class)
                .hasMessage("The location http://example.org/x has the unknown scheme 'http://'; use a local folder, "
                        + "a file:// URI, or (later) s3://, gs:// or az://.");
        assertThatThrownBy(() -> Locations.open("file://server/share"))
                .hasMessage("The location file://server/share names the host 'server'; a file:// URI must name a local folder, "
                        + "like file:///data/images.");
        assertThatThrownBy(() -> Locations.open(" "))
                .hasMessage("A location must be a folder path or a URI, but it was empty.");
    }
}
