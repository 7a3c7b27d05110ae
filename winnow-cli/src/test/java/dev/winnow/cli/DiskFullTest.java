package dev.winnow.cli;

import static dev.winnow.cli.CrashFixture.copyTree;
import static dev.winnow.cli.Finished.inProcess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.cli.CrashFixture.State;
import dev.winnow.datasource.LocalDatasource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code winnow convert} and {@code winnow run} whose output's disk fills up midway: each stops
 * with exit code 3 and one sentence naming the file it could not write, and leaves the output as
 * it was (validating as before, the same runs and datapools); the same command with room then
 * finishes.
 *
 * <p>The full disk is a small tmpfs mounted in a private mount namespace ({@code unshare -rm})
 * where the machine allows it; elsewhere the child's file size limit ({@code ulimit -f}) makes the
 * same writes fail, and the test says which it used and why.
 */
class DiskFullTest {
    @TempDir
    static Path dir;

    private static CrashFixture fixture;
    /** Null when tmpfs mounts are allowed; else why not. */
    private static @Nullable String noTmpfs;

    private static final AtomicInteger FOLDERS = new AtomicInteger();

    @BeforeAll
    static void dataset() throws Exception {
        fixture = CrashFixture.create(dir, 24);
        noTmpfs = tmpfsRefusal(dir);
        System.out.println(
                noTmpfs == null
                        ? "DiskFullTest: the full disk is a tmpfs in a private mount namespace."
                        : "DiskFullTest: no tmpfs can be mounted here (" + noTmpfs
                                + "), so the child's file size limit (ulimit -f) stands for the full disk.");
    }

    /** Why a tmpfs cannot be mounted in a private mount namespace here, or null when it can. */
    static @Nullable String tmpfsRefusal(Path dir) throws Exception {
        Path probe = Files.createTempDirectory(dir, "probe");
        Path log = probe.resolveSibling(probe.getFileName() + ".log");
        Process p;
        try {
            p = new ProcessBuilder(
                            "unshare",
                            "-rm",
                            "sh",
                            "-c",
                            "mount -t tmpfs -o size=64k winnow-probe \"$0\"",
                            probe.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            return "unshare is not installed";
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "unshare did not answer";
        }
        return p.exitValue() == 0
                ? null
                : "unshare -rm and mount said: " + Files.readString(log).strip();
    }

    @Test
    void convert() throws Exception {
        // Prediction files are written in parallel: on a full tmpfs any of them may be the first refused.
        fullDisk(
                List.of(),
                fixture::convert,
                "winnow: reading or writing failed: "
                        + "OUT/\\.lightly/predictions/\\.boxes\\.staging-[0-9a-f]+\\.p[0-9]+-t[0-9]+"
                        + "-h[a-z0-9.-]+/images/shapes-[0-9]+\\.json could not be written \\(REASON\\)");
    }

    @Test
    void secondImageLevelRun() throws Exception {
        fullDisk(
                List.of(fixture::firstRun),
                fixture::secondRun,
                "winnow: OUT/\\.winnow/runs/\\.second\\.partial/embeddings\\.csv could not be written: REASON\\.");
    }

    @Test
    void objectLevelRun() throws Exception {
        fullDisk(
                List.of(),
                fixture::objectRun,
                "winnow: OUT/\\.winnow/runs/\\.objects\\.partial/embeddings\\.csv could not be written: REASON\\.");
    }

    /**
     * Prepares an output with {@code before}, runs {@code command} into it with the disk full
     * after a few kilobytes more, and checks what it said and left: {@code message}, a pattern in
     * which OUT stands for the output and REASON for the system's reason.
     */
    private void fullDisk(
            List<Function<String, List<String>>> before, Function<String, List<String>> command, String message)
            throws Exception {
        Path template = dir.resolve("template-" + FOLDERS.incrementAndGet());
        copyTree(fixture.predictions, template.resolve(".lightly"));
        for (Function<String, List<String>> step : before) {
            assertThat(inProcess(step.apply(template.toString())).exit()).isEqualTo(ExitCodes.OK);
        }
        State previous = fixture.observe(LocalDatasource.at(template), template.toString());

        Path output = dir.resolve("full-" + FOLDERS.incrementAndGet());
        Path after = dir.resolve("after-" + FOLDERS.incrementAndGet());
        Path log = dir.resolve("full-" + FOLDERS.incrementAndGet() + ".log");
        List<String> shell = new ArrayList<>();
        String reason;
        if (noTmpfs == null) {
            // Room for what is there and 16 KiB more; what the command left is copied out of the namespace.
            long kib = kibibytesOnTmpfs(template) + 16;
            Files.createDirectories(output);
            shell.addAll(List.of(
                    "unshare",
                    "-rm",
                    "bash",
                    "-c",
                    "mount -t tmpfs -o size=" + kib + "k winnow-full \"$1\" && cp -a \"$2/.\" \"$1/\" || exit 99;"
                            + " shift 3; \"$@\" 2>\"$OUT_LOG\"; rc=$?; mkdir -p \"$AFTER\"; cp -a "
                            + "\"$MNT/.\" \"$AFTER/\";"
                            + " exit $rc",
                    "bash",
                    output.toString(),
                    template.toString(),
                    after.toString()));
            reason = "no space left on device";
        } else {
            copyTree(template, output);
            // No file of the command may grow past 4 KiB; the JVM's own files are elsewhere.
            shell.addAll(List.of("bash", "-c", "ulimit -f 4; exec \"$@\" 2>\"$OUT_LOG\"", "bash"));
            reason = "file too large";
        }
        shell.addAll(ChildWinnow.commandLine(command.apply(output.toString())));
        Path stdout = dir.resolve("stdout-" + FOLDERS.incrementAndGet() + ".log");
        ProcessBuilder builder = new ProcessBuilder(shell).redirectOutput(stdout.toFile());
        builder.environment().put("OUT_LOG", log.toString());
        builder.environment().put("AFTER", after.toString());
        builder.environment().put("MNT", output.toString());
        Process child = builder.start();
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        // Progress lines aside, what the command said.
        String err = Files.readString(log)
                .replaceAll("(?m)^[A-Z][^\n]*(\\.\\.\\.|: [0-9]+ to do|: done \\([0-9]+ of [0-9]+\\))\n", "");
        Path left = noTmpfs == null ? after : output;

        assertThat(child.exitValue()).as(err + Files.readString(stdout)).isEqualTo(ExitCodes.IO);
        assertThat(err)
                .matches(Pattern.compile(message.replace("OUT", Pattern.quote(output.toString()))
                                .replace("REASON", Pattern.quote(reason))
                        + "\n"));
        assertThat(fixture.observe(LocalDatasource.at(left), left.toString())).isEqualTo(previous);

        // With room, the same command finishes.
        assertThat(inProcess(command.apply(left.toString())).exit()).isEqualTo(ExitCodes.OK);
    }

    /** What the files of {@code folder} take on a tmpfs: whole 4 KiB pages. */
    private static long kibibytesOnTmpfs(Path folder) throws IOException {
        long kib = 0;
        try (var walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                kib += 4 * ((Files.size(file) + 4095) / 4096);
            }
        }
        return kib;
    }
}
