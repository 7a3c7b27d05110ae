package dev.winnow.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local folder that other programs change under Winnow's feet: what was listed as a file is a
 * named pipe (FIFO) or gone when it is read. Reading must fail at once with a sentence, never wait
 * for a writer that never comes.
 */
class HostileFilesTest {
    private static final Duration AT_ONCE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private static void mkfifo(Path path) throws Exception {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }

    @Test
    void aListedFileReplacedByANamedPipe_isRefusedWithoutWaiting() throws Exception {
        Files.writeString(dir.resolve("a.json"), "{}");
        LocalDatasource source = LocalDatasource.at(dir);
        assertThat(source.list("")).containsExactly("a.json");
        Files.delete(dir.resolve("a.json"));
        mkfifo(dir.resolve("a.json"));

        assertTimeoutPreemptively(AT_ONCE, () -> {
            assertThat(source.stat("a.json")).isEmpty();
            assertThatThrownBy(() -> source.readAllBytes("a.json", 1 << 20))
                    .isInstanceOf(LocalDatasource.NotPlainFileException.class)
                    .hasMessage("a.json: not a plain file in " + dir
                            + " (a named pipe, device or folder), so it is not read");
            assertThatThrownBy(() -> source.open("a.json"))
                    .isInstanceOf(LocalDatasource.NotPlainFileException.class)
                    .hasMessage("a.json: not a plain file in " + dir
                            + " (a named pipe, device or folder), so it is not read");
        });
    }

    @Test
    void aLinkToANamedPipe_isNeitherListedNorRead() throws Exception {
        mkfifo(dir.resolve("pipe"));
        Files.createSymbolicLink(dir.resolve("b.json"), dir.resolve("pipe"));
        Files.writeString(dir.resolve("c.json"), "{}");
        LocalDatasource source = LocalDatasource.at(dir);

        assertTimeoutPreemptively(AT_ONCE, () -> {
            assertThat(source.list("")).containsExactly("c.json");
            assertThatThrownBy(() -> source.readAllBytes("b.json", 1 << 20))
                    .isInstanceOf(LocalDatasource.NotPlainFileException.class)
                    .hasMessage("b.json: not a plain file in " + dir
                            + " (a named pipe, device or folder), so it is not read");
        });
    }

    @Test
    void aListedFileDeletedBeforeItIsRead_isNamedAsMissing() throws Exception {
        Files.writeString(dir.resolve("gone.json"), "{}");
        LocalDatasource source = LocalDatasource.at(dir);
        assertThat(source.list("")).containsExactly("gone.json");
        Files.delete(dir.resolve("gone.json"));

        assertThat(source.stat("gone.json")).isEmpty();
        assertThatThrownBy(() -> source.readAllBytes("gone.json", 1 << 20))
                .hasMessage("gone.json: no such file in " + dir);
    }

    @Test
    void linkLoopsAndPipes_areLeftOutOfTheListing() throws Exception {
        Files.createSymbolicLink(dir.resolve("loop"), dir);
        Files.createSymbolicLink(dir.resolve("x"), dir.resolve("y"));
        Files.createSymbolicLink(dir.resolve("y"), dir.resolve("x"));
        mkfifo(dir.resolve("pipe.png"));
        Files.write(dir.resolve("ok.png"), "png".getBytes(StandardCharsets.UTF_8));

        assertTimeoutPreemptively(
                AT_ONCE, () -> assertThat(LocalDatasource.at(dir).list("")).containsExactly("ok.png"));
    }
}
