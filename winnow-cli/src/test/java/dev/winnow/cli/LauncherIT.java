package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.demo.DemoDataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./winnow} launcher with the packaged jar, as a user runs it (after {@code package}). */
class LauncherIT {
    private static final Path LAUNCHER =
            Path.of("..", "winnow").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    /** What a finished process wrote. */
    private record Finished(int exitCode, String out, String err) {}

    @Test
    void cleanRun_writesNothingToStderr() throws Exception {
        Path data = dir.resolve("data");
        DemoDataset.generate(data, 24, 96, 64, 7);
        Files.writeString(data.resolve("run.json"), Demo.RUN_CONFIG.replace("\"n_samples\": 30", "\"n_samples\": 5"));

        Finished run = launch(
                LAUNCHER.toString(),
                "run",
                "--input",
                data.toString(),
                "--config",
                data.resolve("run.json").toString(),
                "--run-id",
                "clean");

        assertThat(run.err()).isEqualTo("""
                Listing samples...
                Reading file sizes and counting video frames: 24 to do
                Reading file sizes and counting video frames: done (24 of 24)
                Decoding and embedding: 24 to do
                Decoding and embedding: done (24 of 24)
                Reading predictions: 72 to do
                Reading predictions: done (72 of 72)
                Scoring: 3 to do
                Scoring: done (3 of 3)
                Selecting...
                Writing outputs...
                """);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Run clean finished.\n");
    }

    @Test
    void theJvmItselfAnnouncesTheIncubatorModule_theLauncherKeepsItAndDropsOnlyThatLine() throws Exception {
        Path jar = LAUNCHER.resolveSibling("winnow-cli/target/winnow-all.jar");

        Finished direct =
                launch("java", "--add-modules", "jdk.incubator.vector", "-jar", jar.toString(), "run", "--help");
        Finished launched = launch(LAUNCHER.toString(), "run", "--help");

        assertThat(direct.err()).isEqualTo("WARNING: Using incubator modules: jdk.incubator.vector\n");
        assertThat(launched.err()).isEqualTo("");
        assertThat(launched.out()).isEqualTo(direct.out()).isNotEmpty();
        assertThat(launched.exitCode()).isZero();
    }

    @Test
    void aCommandsFirstSuccessfulRunMakesItsClassArchive_laterRunsUseIt_withTheSameOutput() throws Exception {
        Path data = dir.resolve("data");
        DemoDataset.generate(data, 6, 64, 48, 3);
        Path archives = LAUNCHER.resolveSibling("winnow-cli/target/cds");
        deleteArchives(archives, "validate-");

        Finished help = launch(LAUNCHER.toString(), "validate", "--help");
        Finished failed = launch(
                LAUNCHER.toString(),
                "validate",
                "--input",
                dir.resolve("missing").toString());
        assertThat(help.exitCode()).isZero();
        assertThat(failed.exitCode()).isEqualTo(2);
        assertThat(archiveNames(archives, "validate-")).isEmpty();

        Finished first = launch(LAUNCHER.toString(), "validate", "--input", data.toString());
        List<String> made = archiveNames(archives, "validate-");
        Finished second = launch(LAUNCHER.toString(), "validate", "--input", data.toString());

        assertThat(made).hasSize(1).allMatch(name -> name.matches("validate-java-[0-9][0-9.+a-z-]*\\.jsa"));
        assertThat(archiveNames(archives, "validate-")).isEqualTo(made);
        assertThat(first.exitCode()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(second).isEqualTo(first);
        assertThat(first.out()).endsWith("The predictions are valid.\n");
    }

    private static void deleteArchives(Path folder, String prefix) throws IOException {
        for (String name : archiveNames(folder, prefix)) {
            Files.delete(folder.resolve(name));
        }
    }

    /** The archives, and any half-made one, of one command. */
    private static List<String> archiveNames(Path folder, String prefix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith(prefix))
                    .sorted()
                    .toList();
        }
    }

    private Finished launch(String... command) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(command));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(arguments)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", arguments) + " did not finish within 5 minutes.");
        }
        return new Finished(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
