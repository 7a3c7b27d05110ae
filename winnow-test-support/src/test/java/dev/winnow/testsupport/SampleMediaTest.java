package dev.winnow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleMediaTest {
    @TempDir
    Path dir;

    @Test
    void theSamplesAreInsideTheRepository() throws Exception {
        Path repository = Path.of("..").toRealPath();

        assertThat(SampleMedia.folder().toRealPath()).isEqualTo(repository.resolve("testdata/opencv-samples"));
        assertThat(Files.readString(SampleMedia.file("NOTICE"))).contains("Apache-2.0 AND BSD-3-Clause");
        assertThat(Files.size(SampleMedia.file("street/tree.mp4"))).isEqualTo(1_281_235);
        assertThat(Files.size(SampleMedia.file("objects/baboon.jpg"))).isEqualTo(179_920);
    }

    @Test
    void copy_createsTheTargetFolders() throws Exception {
        SampleMedia.copy("pic3.png", dir.resolve("a/b/pic3.png"));

        assertThat(dir.resolve("a/b/pic3.png")).hasSameBinaryContentAs(SampleMedia.file("pic3.png"));
    }
}
