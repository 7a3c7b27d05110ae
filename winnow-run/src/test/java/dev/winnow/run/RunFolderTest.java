package dev.winnow.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {
    @TempDir
    Path winnow;

    @Test
    void filesAppearOnlyAtCommit() throws Exception {
        RunFolder run = RunFolder.start(winnow, "r1");
        run.writeString("selected.txt", "a.png\n");
        assertThat(Files.exists(winnow.resolve("runs/r1"))).isFalse();
        assertThat(run.commit()).isEqualTo(winnow.resolve("runs/r1"));
        assertThat(Files.readString(winnow.resolve("runs/r1/selected.txt"))).isEqualTo("a.png\n");
        assertThat(Files.readString(winnow.resolve("runs/r1/run.complete"))).isEmpty();
        assertThat(Files.exists(winnow.resolve("runs/.r1.partial"))).isFalse();
    }

    @Test
    void start_removesLeftoversOfAnInterruptedRun() throws Exception {
        Files.createDirectories(winnow.resolve("runs/.r1.partial"));
        Files.writeString(winnow.resolve("runs/.r1.partial/stale.txt"), "x");
        RunFolder run = RunFolder.start(winnow, "r1");
        run.commit();
        try (var files = Files.list(winnow.resolve("runs/r1"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(RunFolder.COMPLETE);
        }
    }

    @Test
    void start_existingRun_isRefused() throws Exception {
        Files.createDirectories(winnow.resolve("runs/r1"));
        assertThatThrownBy(() -> RunFolder.start(winnow, "r1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A run with the id 'r1' already exists at " + winnow.resolve("runs/r1")
                        + "; choose another --run-id or delete that folder.");
    }

    @Test
    void start_idWithSlash_isRefused() {
        assertThatThrownBy(() -> RunFolder.start(winnow, "../x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The run id '../x' is not allowed; use 1 to 128 letters, digits, '.', '-' or '_', starting "
                        + "with a letter or digit.");
    }
}
