package dev.winnow.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {

    @TempDir
    Path folder;

    @Test
    void write_replacesTheFileWhole_andLeavesNoTemporaryFile() throws Exception {
        Path target = folder.resolve("scores.csv");
        Files.writeString(target, "old contents that are longer than the new ones");

        AtomicWrite.write(target, "new".getBytes(StandardCharsets.UTF_8), true);

        assertThat(Files.readString(target)).isEqualTo("new");
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("scores.csv");
        }
    }

    @Test
    void write_leavesAFileThatOthersMayRead() throws Exception {
        Path target = folder.resolve("selected.txt");

        AtomicWrite.write(target, new byte[] {'a'}, false);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-r--r--");
    }
}
