package dev.winnow.cli;

import static dev.winnow.cli.CrashFixture.copyTree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.winnow.cli.CrashFixture.State;
import dev.winnow.cloud.s3.S3ProxyServer;
import dev.winnow.datasource.LocalDatasource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code winnow convert} and {@code winnow run} into an S3 bucket whose server's disk fills up
 * midway: S3Proxy keeps the bucket in files on a small tmpfs (mounted in a private mount namespace,
 * where the machine allows it; skipped with the reason elsewhere). Each command stops with exit
 * code 3 and one sentence, the bucket then reads as before (its task or runs unchanged, through
 * S3 and file by file), and the same command with room finishes.
 */
class BucketDiskFullTest {
    private static final String BUCKET = "full";
    /** What the disk has left when the command starts. */
    private static final long SPARE = 16 * 1024;

    @TempDir
    static Path dir;

    private static CrashFixture fixture;
    private static @Nullable String noTmpfs;
    private static final AtomicInteger NAMES = new AtomicInteger();

    @BeforeAll
    static void dataset() throws Exception {
        fixture = CrashFixture.create(dir, 24);
        noTmpfs = DiskFullTest.tmpfsRefusal(dir);
        if (noTmpfs != null) {
            System.out.println("BucketDiskFullTest: skipped, no tmpfs can be mounted here (" + noTmpfs + ").");
        }
    }

    @Test
    void convertIntoABucket() throws Exception {
        fullBucket(List.of(), fixture::convert);
    }

    @Test
    void secondImageLevelRunIntoABucket() throws Exception {
        fullBucket(List.of(fixture::firstRun), fixture::secondRun);
    }

    private void fullBucket(List<Function<String, List<String>>> before, Function<String, List<String>> command)
            throws Exception {
        assumeTrue(noTmpfs == null, () -> "no tmpfs can be mounted here: " + noTmpfs);
        Path mount = Files.createDirectories(dir.resolve("disk-" + NAMES.incrementAndGet()));
        Process proxy = new ProcessBuilder(
                        "unshare",
                        "-rm",
                        "bash",
                        "-c",
                        "mount -t tmpfs -o size=8m winnow-bucket \"$1\" || exit 99; shift; exec \"$@\"",
                        "bash",
                        mount.toString(),
                        ChildWinnow.java(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        FilesystemS3Proxy.class.getName(),
                        mount.toString(),
                        BUCKET)
                .redirectErrorStream(true)
                .start();
        try (OutputStream keepServing = proxy.getOutputStream()) {
            int port = portOf(proxy);
            // The tmpfs as this process sees it: through the proxy's own view of the file system.
            Path disk = Path.of("/proc/" + proxy.pid() + "/root" + mount);
            Path bucket = disk.resolve(BUCKET);
            Map<String, String> env = Map.of(
                    "AWS_ENDPOINT_URL",
                    "http://127.0.0.1:" + port,
                    "AWS_ACCESS_KEY_ID",
                    S3ProxyServer.ACCESS_KEY,
                    "AWS_SECRET_ACCESS_KEY",
                    S3ProxyServer.SECRET_KEY,
                    "AWS_REGION",
                    "us-east-1");
            String out = "s3://" + BUCKET + "/out";
            copyTree(fixture.predictions, bucket.resolve("out/.lightly"));
            for (Function<String, List<String>> step : before) {
                assertThat(child(step.apply(out), env)).startsWith("0\n");
            }
            List<String> validate = List.of("validate", "--input", fixture.images.toString(), "--output", out);
            String validated = child(validate, env);
            Path view = bucket.resolve("out");
            State previous = observeCopy(view);

            Path filler = Files.createDirectories(disk.resolve("filler")).resolve("blob");
            try (FileChannel channel =
                    FileChannel.open(filler, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                long room = Files.getFileStore(disk).getUsableSpace() - SPARE;
                byte[] block = new byte[1 << 16];
                ByteBuffer buffer = ByteBuffer.wrap(block);
                for (long written = 0; written < room; ) {
                    buffer.clear().limit((int) Math.min(block.length, room - written));
                    written += channel.write(buffer);
                }
            }
            String failed = child(command.apply(out), env);

            assertThat(failed).startsWith(ExitCodes.IO + "\n");
            assertThat(failed.substring(2)
                            .strip()
                            .lines()
                            .filter(l -> l.startsWith("winnow: "))
                            .toList())
                    .as(failed)
                    .hasSize(1)
                    .allMatch(l -> l.matches("winnow: .*s3://full/out/\\S+.*[.)]"));
            assertThat(failed).doesNotContain("Exception", "\tat ");
            assertThat(child(validate, env)).isEqualTo(validated);
            assertThat(fixture.observe(LocalDatasource.at(view), view.toString()))
                    .isEqualTo(previous);

            // With room, the same command finishes.
            Files.delete(filler);
            assertThat(child(command.apply(out), env)).startsWith("0\n");
        } finally {
            proxy.destroy();
            proxy.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * How the bucket's files look to a user, observed on a copy: the proxy's view of its disk is
     * reached through a link ({@code /proc/<pid>/root}) that a datasource would resolve away.
     */
    private static State observeCopy(Path view) throws Exception {
        Path copy = dir.resolve("copy-" + NAMES.incrementAndGet());
        copyTree(view, copy);
        return fixture.observe(LocalDatasource.at(copy), copy.toString());
    }

    /** The port the proxy says it serves on. */
    private static int portOf(Process proxy) throws Exception {
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(proxy.getInputStream(), StandardCharsets.UTF_8));
        Pattern port = Pattern.compile("port ([0-9]+)");
        StringBuilder said = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null) {
            Matcher m = port.matcher(line);
            if (m.matches()) {
                Thread drain = new Thread(() -> lines.lines().forEach(l -> {}));
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
            said.append(line).append('\n');
        }
        throw new AssertionError("S3Proxy stopped before serving: " + said);
    }

    /** {@code winnow args} as a child with {@code env}: its exit code, a line break, and what it wrote. */
    private static String child(List<String> args, Map<String, String> env) throws Exception {
        Path log = dir.resolve("child-" + NAMES.incrementAndGet() + ".log");
        Process p = ChildWinnow.start(args, env, log);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return p.exitValue() + "\n" + Files.readString(log);
    }
}
